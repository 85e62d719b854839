import { ApiProperty } from '@nestjs/swagger';
import { PlanCountsDto } from './plan-counts.dto';

export class RegisterSummaryDto {
  @ApiProperty() people: number;
  @ApiProperty() high: number;
  @ApiProperty({ description: 'High-risk people with no plan (or only a cancelled one)' })
  highWithoutPlan: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ description: 'Departure date passed while still active (records to update)' })
  pastDeparture: number;
  @ApiProperty({ type: PlanCountsDto }) plans: PlanCountsDto;
}
