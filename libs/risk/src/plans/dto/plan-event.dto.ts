import { ApiProperty } from '@nestjs/swagger';
import { PersonRefDto } from '@lumbung/knowledge';
import { PLAN_STATES } from '../plan-state';

export class PlanEventDto {
  @ApiProperty({ enum: ['create', 'update', 'interviewed', 'published', 'cancel'] }) action: string;
  @ApiProperty({ type: String, enum: PLAN_STATES, nullable: true }) from: string | null;
  @ApiProperty({ enum: PLAN_STATES }) to: string;
  @ApiProperty({
    type: PersonRefDto,
    nullable: true,
    description: 'Null when the system moved it (interview published)',
  })
  actor: PersonRefDto | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}
