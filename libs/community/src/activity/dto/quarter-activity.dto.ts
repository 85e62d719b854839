import { ApiProperty } from '@nestjs/swagger';

export class QuarterActivityDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4 }) quarter: number;
  @ApiProperty() meetings: number;
  @ApiProperty() distinctAttendees: number;
  @ApiProperty() attendeesFromOtherOpds: number;
  @ApiProperty() meetingsDocumentedWithin14Days: number;
  @ApiProperty() assetsPublishedByOpd: number;
  @ApiProperty() assetsPublishedByCops: number;
  @ApiProperty() activeCops: number;
}
