import { ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import { CreatePlanDto } from './create-plan.dto';

/** The interviewer, target date and notes of an open plan; its state moves by its own routes. */
export class UpdatePlanDto extends PartialType(
  PickType(CreatePlanDto, ['interviewerId', 'targetDate', 'notes'] as const),
) {
  @ApiPropertyOptional({ description: 'The version last read: 409 VERSION_CONFLICT if it moved' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
