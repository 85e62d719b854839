import { ApiProperty } from '@nestjs/swagger';

export class TimelineMonthDto {
  @ApiProperty({ example: '2027-01' }) month: string;
  @ApiProperty() departures: number;
  @ApiProperty() high: number;
  @ApiProperty() bup: number;
  @ApiProperty() rencana: number;
  @ApiProperty({ type: [String], format: 'uuid' }) userIds: string[];
}
