import { ApiProperty } from '@nestjs/swagger';
import { ReviewItemDto } from './review-item.dto';

export class ReviewPageDto {
  @ApiProperty({ type: [ReviewItemDto] }) items: ReviewItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}
