import { ApiProperty } from '@nestjs/swagger';
import { RestatementChangeDto } from './restatement-change.dto';
import { RestatementReasonsDto } from './restatement-reasons.dto';

export class RestatementDto {
  @ApiProperty() year: number;
  @ApiProperty({ format: 'date-time' }) finalizedAt: string;
  @ApiProperty() rubricVersion: number;
  @ApiProperty({ description: 'OPD whose results would change' }) changed: number;
  @ApiProperty({ type: [RestatementChangeDto] }) changes: RestatementChangeDto[];
  @ApiProperty({
    type: RestatementReasonsDto,
    description: 'Data changed since finalising, by kind',
  })
  reasons: RestatementReasonsDto;
}
