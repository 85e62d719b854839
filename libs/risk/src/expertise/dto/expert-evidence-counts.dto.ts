import { ApiProperty } from '@nestjs/swagger';

export class ExpertEvidenceCountsDto {
  @ApiProperty({ description: 'Readable published assets written on the matched topics' })
  assets: number;
  @ApiProperty({ description: 'Of which interviews given as narasumber' }) interviews: number;
  @ApiProperty() cops: number;
  @ApiProperty() endorsements: number;
  @ApiProperty() reuseReports: number;
  @ApiProperty() declared: boolean;
}
