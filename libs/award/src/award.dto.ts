import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { perAspect } from './award-response.dto';
import { type AspectKey, MAX_WINNERS } from './scoring';

const WEIGHTS_EXAMPLE = { dokumentasi: 2, diseminasi: 2 };

/** Some aspects with a number each (a change of weights; aspects left out keep theirs). */
const AspectNumbersChangeDto = perAspect('AspectNumbersChangeDto', {
  type: Number,
  required: false,
});

export class RubricChangeDto {
  @ApiPropertyOptional({
    type: AspectNumbersChangeDto,
    example: WEIGHTS_EXAMPLE,
    description: 'Weight of each aspect in the total (missing aspects keep theirs; default 1)',
  })
  @IsOptional()
  @IsObject()
  aspectWeights?: Partial<Record<AspectKey, number>>;

  @ApiPropertyOptional({
    type: AspectNumbersChangeDto,
    example: { dokumentasi: 0.8 },
    description: 'Data weight w (0–1) per aspect in w·D + (1−w)·A',
  })
  @IsOptional()
  @IsObject()
  dataWeights?: Partial<Record<AspectKey, number>>;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_WINNERS, default: 15 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_WINNERS)
  winners?: number;
}

export class CreateAwardDto extends RubricChangeDto {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2025 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class AssessmentDto {
  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  score!: number;

  @ApiProperty({ minLength: 20, maxLength: 4000 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(20)
  @MaxLength(4000)
  justification!: string;
}

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
