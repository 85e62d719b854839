import { ApiProperty } from '@nestjs/swagger';
import { PendingRevisionDto } from './pending-revision.dto';

export class PendingRevisionPageDto {
  @ApiProperty({ type: [PendingRevisionDto] }) items: PendingRevisionDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}
