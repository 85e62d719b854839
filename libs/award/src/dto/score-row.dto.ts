import { ApiProperty } from '@nestjs/swagger';
import type { AspectKey } from '../scoring';
import { AspectScoreDto } from './aspect-score.dto';
import { perAspect } from './award-response.shared';

const AspectScoresDto = perAspect('AspectScoresDto', { type: AspectScoreDto });

export class ScoreRowDto {
  @ApiProperty() opdCode: string;
  @ApiProperty() opdName: string;
  @ApiProperty({ type: AspectScoresDto }) aspects: Record<AspectKey, AspectScoreDto>;
  @ApiProperty({ description: 'Aspect-weighted mean of the aspect scores, 2 decimals' })
  total: number;
  @ApiProperty({ description: 'Some aspect is still provisional' }) provisional: boolean;
  @ApiProperty({ description: 'Standard competition rank (1, 2, 2, 4)' }) rank: number;
  @ApiProperty() winner: boolean;
  @ApiProperty() rubricVersion: number;
}
