import { ApiProperty } from '@nestjs/swagger';
import { PersonRefDto } from '@lumbung/knowledge';
import { PLAN_STATES } from '../../plans/plan-state';

export class PlanSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PLAN_STATES }) state: string;
  @ApiProperty({ type: PersonRefDto }) interviewer: PersonRefDto;
  @ApiProperty({ format: 'date' }) targetDate: string;
  @ApiProperty({ description: 'Not yet interviewed, and the target passed or departure ≤ 60 days' })
  overdue: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) interviewedOn: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assetId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  assetPublishedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
