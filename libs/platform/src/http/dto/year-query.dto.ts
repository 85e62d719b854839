import { ApiProperty } from '@nestjs/swagger';
import { QueryYear } from '../query-transforms';

/** `?year=` (required): the reports per year. */
export class YearQueryDto {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2025 })
  @QueryYear()
  year!: number;
}
