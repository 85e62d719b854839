import { ApiProperty } from '@nestjs/swagger';
import { PlanEventDto } from './plan-event.dto';
import { RetentionPlanDto } from './retention-plan.dto';

export class RetentionPlanDetailDto extends RetentionPlanDto {
  @ApiProperty({ type: [PlanEventDto] }) history: PlanEventDto[];
}
