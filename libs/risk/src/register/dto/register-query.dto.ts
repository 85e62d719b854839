import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { JABATAN_CATEGORIES, type JabatanCategory } from '@lumbung/identity';
import { PageQueryDto, QueryBoolean } from '@lumbung/platform';
import { PLAN_STATES, type PlanState } from '../../plans/plan-state';

export const REGISTER_SORTS = ['risk', 'departure', 'name', 'criticality', 'attrition'] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** Filters, sorting and paging (`page`, `limit` ≤ 100) of an OPD's register (the timeline and summary ignore them). */
export class RegisterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only high-risk people (true) or only the others (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  high?: boolean;

  @ApiPropertyOptional({ enum: ['bup', 'rencana'] })
  @IsOptional()
  @IsIn(['bup', 'rencana'])
  kind?: 'bup' | 'rencana';

  @ApiPropertyOptional({ enum: [...PLAN_STATES, 'none'], description: '`none`: no plan at all' })
  @IsOptional()
  @IsIn([...PLAN_STATES, 'none'])
  planState?: PlanState | 'none';

  @ApiPropertyOptional({ description: 'Only people whose plan is overdue' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 600, description: 'Leaving within this many months' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(600)
  withinMonths?: number;

  @ApiPropertyOptional({ maxLength: 40, description: 'A topic (or part of one) the person holds' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 40)
  topic?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: JABATAN_CATEGORIES })
  @IsOptional()
  @IsIn(JABATAN_CATEGORIES)
  jabatanKategori?: JabatanCategory;

  @ApiPropertyOptional({ enum: REGISTER_SORTS, default: 'risk' })
  @IsOptional()
  @IsIn(REGISTER_SORTS)
  sort: RegisterSort = 'risk';

  @ApiPropertyOptional({
    enum: ['asc', 'desc'],
    description: 'Default: desc for risk, criticality and attrition; asc for departure and name',
  })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}
