import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQueryDto, QueryBoolean } from '@lumbung/platform';
import { COP_STATUSES, trim, upper } from './cop.shared';

export class ListCopsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Host OPD code', pattern: '^[A-Za-z][A-Za-z0-9]{1,15}$' })
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/)
  opd?: string;

  @ApiPropertyOptional({ enum: COP_STATUSES })
  @IsOptional()
  @IsIn(COP_STATUSES)
  status?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100, description: 'Matches name or theme' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    description: 'Exactly this theme (case-insensitive); the page lists them in `themes`',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  theme?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only CoPs the caller belongs to now or leads (where they may file an asset)',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  mine?: boolean;
}
