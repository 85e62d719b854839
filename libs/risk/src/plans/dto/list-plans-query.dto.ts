import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { QueryBoolean } from '@lumbung/platform';
import { PLAN_STATES, type PlanState } from '../plan-state';

export class ListPlansQueryDto {
  @ApiPropertyOptional({ enum: PLAN_STATES })
  @IsOptional()
  @IsIn(PLAN_STATES)
  state?: PlanState;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;
}
