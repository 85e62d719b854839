import { ApiProperty } from '@nestjs/swagger';
import { CoverageSummaryDto } from './coverage-summary.dto';
import { RegisterItemDto } from './register-item.dto';
import { RegisterSummaryDto } from './register-summary.dto';
import { TimelineMonthDto } from './timeline-month.dto';

export class RegisterResponseDto {
  @ApiProperty() opdCode: string;
  @ApiProperty() opdName: string;
  @ApiProperty({ format: 'date', description: 'The WIB day the register was computed for' })
  asOf: string;
  @ApiProperty() rulesVersion: string;
  @ApiProperty({ example: 15 }) highThreshold: number;
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty({ type: [RegisterItemDto] }) items: RegisterItemDto[];
  @ApiProperty({ type: [TimelineMonthDto], description: 'The next 24 months, unfiltered' })
  timeline: TimelineMonthDto[];
  @ApiProperty({ type: RegisterSummaryDto }) summary: RegisterSummaryDto;
  @ApiProperty({ type: CoverageSummaryDto }) coverage: CoverageSummaryDto;
}
