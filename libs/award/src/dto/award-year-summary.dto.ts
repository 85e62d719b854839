import { ApiProperty } from '@nestjs/swagger';

export class AwardYearSummaryDto {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Finalised: the ranking is published and frozen' })
  finalized: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finalizedAt: string | null;
}
