import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { SECI_MODES, VISIBILITIES } from '../asset-types';
import type { SeciMode, Visibility } from '../asset-types';
import { IsStringRecord } from './string-record.validator';

export const SECTION_MAX_CHARS = 20_000;

export const BODY_MAX_CHARS = 200_000;

/** Content fields an author sets; status, OPD ownership after creation, dates and counts are not here. */
export class AssetContentDto {
  /** Set by subclasses: required on create, optional on edit. */
  title?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Template sections by key (GET /asset-types); an empty string clears one',
  })
  @IsOptional()
  @IsStringRecord(20, SECTION_MAX_CHARS)
  sections?: Record<string, string>;

  @ApiPropertyOptional({ description: 'Markdown', maxLength: BODY_MAX_CHARS })
  @IsOptional()
  @IsString()
  @MaxLength(BODY_MAX_CHARS)
  body?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description: 'Normalised to lower-case slugs',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: SECI_MODES })
  @IsOptional()
  @IsIn(SECI_MODES)
  seciMode?: SeciMode;

  @ApiPropertyOptional({ enum: VISIBILITIES })
  @IsOptional()
  @IsIn(VISIBILITIES)
  visibility?: Visibility;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Community of practice the asset belongs to',
  })
  @IsOptional()
  @IsUUID('all')
  copId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The interviewed expert (wawancara_pengetahuan)',
  })
  @IsOptional()
  @IsUUID('all')
  narasumberId?: string;
}
