import { ApiProperty } from '@nestjs/swagger';
import { AspectNumbersDto } from './award-response.shared';

export class QuarterDataScoresDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4 }) quarter: number;
  @ApiProperty({ type: AspectNumbersDto, description: 'Data score of each aspect in the Triwulan' })
  data: AspectNumbersDto;
}
