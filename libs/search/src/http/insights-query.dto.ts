import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { UpperCase } from '@lumbung/platform';

export class InsightsQueryDto {
  @ApiPropertyOptional({ description: 'ISO date or date-time (default: 30 days ago)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO date or date-time, exclusive (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    pattern: '^[A-Za-z][A-Za-z0-9]{1,15}$',
    description: 'OPD code (OPD admins: their own OPD only)',
  })
  @IsOptional()
  @UpperCase()
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/)
  opd?: string;
}
