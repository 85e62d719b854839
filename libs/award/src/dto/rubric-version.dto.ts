import { ApiProperty } from '@nestjs/swagger';
import { AspectNumbersDto } from './award-response.shared';

export class RubricVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ type: AspectNumbersDto, description: 'Weight of each aspect in the total' })
  aspectWeights: AspectNumbersDto;
  @ApiProperty({ type: AspectNumbersDto, description: 'w (0–1) per aspect in w·D + (1−w)·A' })
  dataWeights: AspectNumbersDto;
  @ApiProperty({ description: 'How many top-ranked OPD win (ties at the cut-off all win)' })
  winners: number;
  @ApiProperty({ description: 'Version of the data-score formulas', example: 'kma-data-2025.1' })
  rulesVersion: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
