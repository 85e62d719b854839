import { ApiProperty } from '@nestjs/swagger';

export class CoverageSummaryDto {
  @ApiProperty() year: number;
  @ApiProperty() highRisk: number;
  @ApiProperty() covered: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'covered ÷ highRisk; null without any',
  })
  coverage: number | null;
}
