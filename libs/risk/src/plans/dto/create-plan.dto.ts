import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDay } from '@lumbung/platform';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class CreatePlanDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The high-risk person whose knowledge is to be kept',
  })
  @IsUUID()
  userId: string;

  @ApiProperty({
    format: 'uuid',
    description: 'Who interviews them (an active user, not themselves)',
  })
  @IsUUID()
  interviewerId: string;

  @ApiProperty({
    format: 'date',
    description: 'Interview by this day: from today, before the departure',
  })
  @IsCalendarDay()
  targetDate: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 2000)
  notes?: string;
}
