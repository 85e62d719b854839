import { ApiProperty } from '@nestjs/swagger';

export class EvidenceReuseReportDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null (with title and story) when the caller may not read the asset',
  })
  assetId: string | null;
  @ApiProperty({ type: String, nullable: true }) assetTitle: string | null;
  @ApiProperty() reporterOpdCode: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) story: string | null;
}
