import { plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  validateSync,
} from 'class-validator';
import {
  CommonErrorCode,
  flattenValidationErrors,
  inspectJson,
  MAX_JSON_DEPTH,
} from '@lumbung/platform';
import { textSectionKeys } from '../assets/asset-type-templates';
import { ASSET_TYPES, type AssetType } from '../assets/asset-types';
import { BODY_MAX_CHARS, SECTION_MAX_CHARS } from '../assets/dto/asset-content.dto';
import { IsStringRecord } from '../assets/dto/string-record.validator';
import { normalizeTags } from '../assets/tags';

/** One line of the JSON Lines import (an asset from an older portal or document store). */
export class ImportLineDto {
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/)
  externalId: string;

  @IsIn(ASSET_TYPES)
  type: AssetType;

  @IsString()
  @Length(3, 300)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;

  @IsOptional()
  @IsString()
  @MaxLength(BODY_MAX_CHARS)
  body?: string;

  @IsOptional()
  @IsStringRecord(20, SECTION_MAX_CHARS)
  sections?: Record<string, string>;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  tags?: string[];

  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9]{1,15}$/)
  opdCode: string;

  @IsIn(['publik', 'internal', 'opd'])
  visibility: 'publik' | 'internal' | 'opd';

  @IsOptional()
  @IsISO8601({ strict: true })
  publishedAt?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(11)
  @Matches(/^\d{18}$/, { each: true })
  authorNips?: string[];
}

export interface ImportProblem {
  code: string;
  message: string;
}

export interface ValidLine {
  externalId: string;
  type: AssetType;
  title: string;
  summary: string;
  body: string;
  sections: Record<string, string>;
  tags: string[];
  opdCode: string;
  visibility: 'publik' | 'internal' | 'opd';
  publishedAt?: Date;
  authorNips: string[];
}

/** The same edge checks as a JSON body, before the validators (which recurse) see the line. */
function jsonEdgeProblem(raw: object): ImportProblem | undefined {
  const inspected = inspectJson(raw);
  if (!inspected.ok && inspected.tooDeep) {
    return {
      code: CommonErrorCode.NESTING_TOO_DEEP,
      message: `The line is nested deeper than ${MAX_JSON_DEPTH} levels.`,
    };
  }
  if (!inspected.ok) {
    const fields = inspected.problems.map((p) => `${p.field} (${p.problems.join(', ')})`);
    return {
      code: CommonErrorCode.VALIDATION_FAILED,
      message: `Invalid fields: ${fields.join(', ')}.`,
    };
  }
  return undefined;
}

/** The fields the DTO's validators refuse, and any field it does not know. */
function invalidFieldsProblem(dto: ImportLineDto): ImportProblem | undefined {
  const errors = validateSync(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length === 0) return undefined;
  const fields = flattenValidationErrors(errors).map((f) => f.field);
  return {
    code: CommonErrorCode.VALIDATION_FAILED,
    message: `Invalid or unknown fields: ${fields.join(', ')}.`,
  };
}

/** Parses and validates one line on its own; the database checks come later. */
export function parseImportLine(text: string, now: Date): ValidLine | ImportProblem {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { code: 'INVALID_JSON', message: 'The line is not valid JSON.' };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { code: 'INVALID_JSON', message: 'Each line must be one JSON object.' };
  }
  const edgeProblem = jsonEdgeProblem(raw);
  if (edgeProblem) return edgeProblem;
  const dto = plainToInstance(ImportLineDto, raw);
  const fieldProblem = invalidFieldsProblem(dto);
  if (fieldProblem) return fieldProblem;
  const sections = Object.fromEntries(
    Object.entries(dto.sections ?? {}).filter(([, v]) => v.trim() !== ''),
  );
  const allowed = new Set(textSectionKeys(dto.type));
  const unknown = Object.keys(sections).filter((k) => !allowed.has(k));
  if (unknown.length > 0) {
    return {
      code: 'UNKNOWN_SECTION',
      message: `Not a section of ${dto.type}: ${unknown.join(', ')}.`,
    };
  }
  const publishedAt = dto.publishedAt ? new Date(dto.publishedAt) : undefined;
  if (publishedAt && publishedAt.getTime() > now.getTime()) {
    return { code: 'PUBLISHED_IN_FUTURE', message: 'publishedAt lies in the future.' };
  }
  return {
    externalId: dto.externalId,
    type: dto.type,
    title: dto.title.trim(),
    summary: (dto.summary ?? '').trim(),
    body: dto.body ?? '',
    sections,
    tags: normalizeTags(dto.tags ?? []),
    opdCode: dto.opdCode.toUpperCase(),
    visibility: dto.visibility,
    publishedAt,
    authorNips: [...new Set(dto.authorNips ?? [])],
  };
}

export function isProblem(value: ValidLine | ImportProblem): value is ImportProblem {
  return 'code' in value;
}
