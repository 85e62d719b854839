import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
import { perAspect } from './award-response.shared';
import { type AspectKey, MAX_WINNERS } from '../scoring';

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
