import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@lumbung/platform';

export const REVERIFICATION_STATES = ['overdue', 'soon'] as const;
export type ReverificationState = (typeof REVERIFICATION_STATES)[number];

export class ReverificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: REVERIFICATION_STATES,
    default: 'overdue',
    description: 'overdue: reviewDueAt has passed; soon: it falls within the next 30 days',
  })
  @IsOptional()
  @IsIn(REVERIFICATION_STATES)
  state: ReverificationState = 'overdue';
}
