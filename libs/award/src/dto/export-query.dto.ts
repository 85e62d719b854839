import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];

  @ApiPropertyOptional({
    maxLength: 16,
    description: 'An OPD code: its evidence pack instead of the ranking',
  })
  @IsOptional()
  @Type(() => String)
  @IsString()
  @MaxLength(16)
  opd?: string;
}
