import { ApiProperty } from '@nestjs/swagger';

export class MonthViewsDto {
  @ApiProperty({ description: 'YYYY-MM', example: '2025-07' }) month!: string;
  @ApiProperty() views!: number;
}
