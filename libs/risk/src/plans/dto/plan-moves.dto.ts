import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';
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

export class CancelPlanDto {
  @ApiProperty({ minLength: 10, maxLength: 1000 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(10, 1000)
  reason: string;
}
