import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDay } from '@lumbung/platform';

export class InterviewedDto {
  @ApiPropertyOptional({
    format: 'date',
    description: 'When the interview took place (default today)',
  })
  @IsOptional()
  @IsCalendarDay()
  interviewedOn?: string;
}
