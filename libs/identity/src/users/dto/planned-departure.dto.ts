import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDay } from '@lumbung/platform';
import { DEPARTURE_REASONS, type DepartureReason } from '../user.entity';

/**
 * A departure before the retirement age that an OPD admin knows of: it replaces the statutory
 * (BUP) date in the knowledge-at-risk register when it comes earlier.
 */
export class PlannedDepartureDto {
  @ApiProperty({ example: '2026-09-01', description: 'The day the person leaves (YYYY-MM-DD)' })
  @IsCalendarDay()
  date: string;

  @ApiProperty({ enum: DEPARTURE_REASONS })
  @IsIn(DEPARTURE_REASONS)
  reason: DepartureReason;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 500)
  note?: string | null;
}
