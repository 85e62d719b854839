import { ApiProperty } from '@nestjs/swagger';
import { MonthViewsDto } from './month-views.dto';

export class SpikeMonthDto extends MonthViewsDto {
  @ApiProperty({
    description: 'Average views a month over the previous 12 months (since first use)',
  })
  average!: number;
  @ApiProperty({ description: '3 × average + 100: above it the month is a spike' })
  threshold!: number;
}
