import { ApiProperty } from '@nestjs/swagger';
import type { QuarterActivity } from '../activity.service';
import { QuarterActivityDto } from './quarter-activity.dto';

export class ActivityDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [QuarterActivityDto] }) quarters: QuarterActivity[];
}
