import { ApiProperty } from '@nestjs/swagger';
import { AnomalyFlagDto } from '@lumbung/metrics';
import { EvidenceAssetDto } from './evidence-asset.dto';
import { EvidenceMeetingDto } from './evidence-meeting.dto';
import { EvidenceReuseReportDto } from './evidence-reuse-report.dto';

export class AwardEvidenceDto {
  @ApiProperty({ type: [EvidenceAssetDto], description: 'Published in the year, readable by you' })
  assets: EvidenceAssetDto[];
  @ApiProperty({ description: 'Published in the year but not readable by you' })
  restrictedAssets: number;
  @ApiProperty({ type: [EvidenceMeetingDto] }) meetings: EvidenceMeetingDto[];
  @ApiProperty({ type: [EvidenceReuseReportDto] }) reuseReports: EvidenceReuseReportDto[];
  @ApiProperty({ type: [AnomalyFlagDto] }) anomalies: AnomalyFlagDto[];
}
