import { ApiProperty } from '@nestjs/swagger';
import { MyEndorsementDto } from './my-endorsement.dto';

export class MyEndorsementPageDto {
  @ApiProperty({ type: [MyEndorsementDto] }) items!: MyEndorsementDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}
