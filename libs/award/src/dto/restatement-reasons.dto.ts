import { ApiProperty } from '@nestjs/swagger';

export class RestatementReasonsDto {
  @ApiProperty() assetsChanged: number;
  @ApiProperty() meetingsChanged: number;
  @ApiProperty() opdDirectoryChanged: number;
  @ApiProperty() usageDaysRefolded: number;
  @ApiProperty({ description: 'Usage events recorded after finalising' }) lateEvents: number;
}
