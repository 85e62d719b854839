import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { QueryQuarter, QueryYear } from '@lumbung/platform';

export class ListMeetingsQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, example: 2025 })
  @IsOptional()
  @QueryYear()
  year?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 4, description: 'Triwulan (WIB)' })
  @IsOptional()
  @QueryQuarter()
  quarter?: number;
}
