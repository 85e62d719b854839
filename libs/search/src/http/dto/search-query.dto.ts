import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { SEARCH_TYPES } from '../../assets/search-filters';

export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;

/**
 * Every user filter is checked against what exists (unknown values are a 400 naming the field and
 * the allowed values); the access filter is the server's own.
 */
export class SearchQueryDto {
  @ApiPropertyOptional({
    maxLength: 200,
    description:
      'Words to look for (empty: browse). The last word is matched as a prefix while it is typed.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: SEARCH_TYPES,
    description: 'Asset type, or meeting (minutes); any case',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  type?: string;

  @ApiPropertyOptional({ description: 'Owning OPD code, any case (e.g. dinkes)', maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  opd?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 60,
    description: 'Letters, digits, _, #, - and spaces; any case',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[\p{L}\p{N}_ #-]{1,60}$/u)
  tag?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Community of practice', maxLength: 60 })
  @IsOptional()
  @IsString()
  @MaxLength(60)
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
