import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ASSET_TYPES } from '../../assets/asset-types';
import { UpperCase } from '@lumbung/platform';

export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;

/** Every user filter is validated against an allow-list; the access filter is the server's own. */
export class SearchQueryDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Words to look for (empty: browse)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ASSET_TYPES })
  @IsOptional()
  @IsIn(ASSET_TYPES)
  type?: string;

  @ApiPropertyOptional({ description: 'Owning OPD code', pattern: '^[A-Za-z][A-Za-z0-9]{1,15}$' })
  @IsOptional()
  @UpperCase()
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/)
  opd?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 60,
    description: 'Letters, digits, _, #, - and spaces',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[\p{L}\p{N}_ #-]{1,60}$/u)
  tag?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Community of practice' })
  @IsOptional()
  @IsUUID('all')
  cop?: string;

  @ApiPropertyOptional({ enum: SEARCH_SORTS, default: 'relevance' })
  @IsOptional()
  @IsIn(SEARCH_SORTS)
  sort?: (typeof SEARCH_SORTS)[number];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 20;
}
