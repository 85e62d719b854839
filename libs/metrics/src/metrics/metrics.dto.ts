import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsReportDay, QueryQuarter, YearQueryDto } from '@lumbung/platform';

export class MetricsPeriodQueryDto extends YearQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 4,
    description: 'Triwulan; omit for the year',
  })
  @IsOptional()
  @QueryQuarter()
  quarter?: number;
}

export class AssetMetricsQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2025-01-01',
    description: 'First WIB day (default: a year ago)',
  })
  @IsOptional()
  @IsReportDay()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2025-12-31',
    description: 'Last WIB day (default: today)',
  })
  @IsOptional()
  @IsReportDay()
  to?: string;
}

export class ReadersByOpdDto {
  @ApiProperty() opdCode!: string;
  @ApiProperty({ description: 'Sum of daily unique readers from this OPD' }) readers!: number;
}

export class AssetMetricsDto {
  @ApiProperty({ format: 'uuid' }) assetId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty() views!: number;
  @ApiProperty({ description: 'Sum over WIB days of distinct logged-in readers' })
  uniqueReaders!: number;
  @ApiProperty() downloads!: number;
  @ApiProperty() endorsements!: number;
  @ApiProperty() reuseReports!: number;
  @ApiProperty() searchClicks!: number;
  @ApiProperty({ type: [ReadersByOpdDto] }) readersByOpd!: ReadersByOpdDto[];
}

const SHARE = { minimum: 0, maximum: 1 } as const;

/** One OPD's metric inputs for a year or a Triwulan (the award's data scores come from these). */
export class OpdMetricsDto {
  @ApiProperty() opdCode!: string;
  @ApiProperty() opdName!: string;
  @ApiProperty({ description: 'Official ASN headcount (base of every per-100-ASN rate)' })
  headcount!: number;
  @ApiProperty({ description: 'Assets published in the period (and still published)' })
  publishedAssets!: number;
  @ApiProperty({ ...SHARE, description: 'Mean completeness of those assets' })
  meanCompleteness!: number;
  @ApiProperty({ ...SHARE, description: 'Share of tacit types among them' }) tacitShare!: number;
  @ApiProperty({ ...SHARE, description: 'Share not past review-due at the end of the period' })
  freshShare!: number;
  @ApiProperty({ ...SHARE, description: 'Meetings with minutes or an output within 14 days' })
  documentedMeetingShare!: number;
  @ApiProperty({ description: 'Everything the OPD had published by the end of the period' })
  assetStock!: number;
  @ApiProperty({ ...SHARE, description: 'Share of the stock at internal or publik visibility' })
  openVisibilityShare!: number;
  @ApiProperty() views!: number;
  @ApiProperty() anonymousViews!: number;
  @ApiProperty({ description: 'Distinct logged-in readers of the OPD’s assets' })
  uniqueReaders!: number;
  @ApiProperty({ description: 'Distinct readers from the OPD itself' }) internalReaders!: number;
  @ApiProperty({ description: 'internalReaders ÷ headcount (target 0.5)' })
  internalReach!: number;
  @ApiProperty() internalReachPercent!: number;
  @ApiProperty({ description: 'Other OPDs with readers' }) otherOpdsReached!: number;
  @ApiProperty() downloads!: number;
  @ApiProperty({ description: 'Sum over days of distinct downloaders per asset' })
  uniqueDownloads!: number;
  @ApiProperty() uniqueDownloadsPerAsset!: number;
  @ApiProperty({ description: 'Clicks from search results onto the OPD’s assets' })
  searchClicks!: number;
  @ApiProperty({ ...SHARE, description: 'Share of the stock clicked from search at least once' })
  searchClickedShare!: number;
  @ApiProperty() shares!: number;
  @ApiProperty() meetings!: number;
  @ApiProperty() distinctAttendees!: number;
  @ApiProperty({ ...SHARE, description: 'Mean attendees ÷ CoP members, each capped at 1' })
  meanAttendanceRatio!: number;
  @ApiProperty() crossOpdMeetings!: number;
  @ApiProperty({ ...SHARE, description: 'Meetings or assets involving another OPD' })
  crossOpdShare!: number;
  @ApiProperty({ ...SHARE, description: 'Distinct authors ÷ members of the OPD’s CoPs' })
  distinctAuthorsPerMember!: number;
  @ApiProperty({ minimum: 0, maximum: 4, description: 'Quarters with a meeting and an asset' })
  activeQuarters!: number;
  @ApiProperty({ description: 'Lead roles or authors of ≥ 2 published assets' })
  keyPeople!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Coverage of the knowledge-at-risk register; null until the register exists',
  })
  atRiskCoverage!: number | null;
  @ApiProperty({ description: 'Endorsements net of withdrawals' }) endorsements!: number;
  @ApiProperty() reuseReports!: number;
  @ApiProperty({ description: 'Of which from other OPDs' }) reuseReportsOtherOpd!: number;
}

export class QuarterMetricsDto extends OpdMetricsDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4 }) quarter!: number;
}

/** An asset in a breakdown: never by title when the caller may not read it. */
export class AnomalyAssetDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id!: string | null;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) type!: string | null;
  @ApiProperty({ description: 'The caller may not read it (then id, title and type are null)' })
  restricted!: boolean;
}

export class TopAssetDto extends AnomalyAssetDto {
  @ApiProperty() views!: number;
  @ApiProperty() uniqueReaders!: number;
  @ApiProperty() downloads!: number;
  @ApiProperty() endorsements!: number;
  @ApiProperty() reuseReports!: number;
}

export class LocalizedMessageDto {
  @ApiProperty() id!: string;
  @ApiProperty() en!: string;
}

export class MonthViewsDto {
  @ApiProperty({ description: 'YYYY-MM', example: '2025-07' }) month!: string;
  @ApiProperty() views!: number;
}

export class SpikeMonthDto extends MonthViewsDto {
  @ApiProperty({
    description: 'Average views a month over the previous 12 months (since first use)',
  })
  average!: number;
  @ApiProperty({ description: '3 × average + 100: above it the month is a spike' })
  threshold!: number;
}

/** Evidence of a spike: the asset's spiking months against its own 12-month baseline. */
export class SpikeEvidenceDto {
  @ApiProperty({ description: 'Views of the highest spiking month' }) views!: number;
  @ApiProperty({ description: 'Baseline average of the first spiking month' }) average!: number;
  @ApiProperty({ description: 'Threshold of the first spiking month' }) threshold!: number;
  @ApiProperty({ type: [SpikeMonthDto], description: 'The consecutive spiking months' })
  months!: SpikeMonthDto[];
  @ApiProperty({ type: [MonthViewsDto], description: 'The baseline months, oldest first' })
  history!: MonthViewsDto[];
  @ApiProperty({ type: AnomalyAssetDto }) asset!: AnomalyAssetDto;
}

/** Evidence of one account's concentration on an asset, or burst of reads, over a run of days. */
export class AccountEvidenceDto {
  @ApiProperty({ format: 'date', description: 'First WIB day of the run' }) day!: string;
  @ApiProperty({ format: 'date', description: 'Last WIB day of the run' }) lastDay!: string;
  @ApiProperty({ description: 'Flagged days in the run' }) days!: number;
  @ApiProperty({ description: 'The account’s counted views (reads for a burst) over the run' })
  value!: number;
  @ApiProperty({ description: 'All counted views of the asset on those days (burst: = value)' })
  total!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'A stable pseudonym of the account (never who it is)',
  })
  account!: string | null;
  @ApiProperty({ type: String, nullable: true }) accountOpdCode!: string | null;
  @ApiPropertyOptional({ type: AnomalyAssetDto, description: 'Concentrations: the asset' })
  asset?: AnomalyAssetDto;
}

export class AnomalyFlagDto {
  @ApiProperty({ description: 'Stable id of the cause' }) id!: string;
  @ApiProperty({ enum: ['spike', 'concentration', 'burst'] }) kind!: string;
  @ApiProperty({
    enum: ['high', 'medium', 'low'],
    description: 'The list is sorted by severity, most severe first',
  })
  severity!: string;
  @ApiProperty() opdCode!: string;
  @ApiProperty({
    description: 'YYYY-MM (first spiking month) for spikes, the first WIB day otherwise',
    example: '2025-08',
  })
  period!: string;
  @ApiProperty({ type: LocalizedMessageDto, description: 'What happened, with its numbers' })
  message!: LocalizedMessageDto;
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(SpikeEvidenceDto) }, { $ref: getSchemaPath(AccountEvidenceDto) }],
  })
  evidence!: SpikeEvidenceDto | AccountEvidenceDto;
}

export class MetricDefinitionDto {
  @ApiProperty({ example: 'internalReachPercent' }) key!: string;
  @ApiProperty({ example: 'Jangkauan internal' }) label!: string;
  @ApiProperty({ example: 'Internal reach' }) labelEn!: string;
  @ApiProperty({ enum: ['count', 'share', 'percent', 'ratio'] }) unit!: string;
  @ApiProperty({ description: 'How it is counted, in Indonesian' }) definition!: string;
  @ApiProperty({ description: 'How it is counted, in English' }) definitionEn!: string;
}

/** Distinct readers of the OPD's assets from one reader OPD, in the year and each Triwulan. */
export class ReaderOpdRowDto {
  @ApiProperty() opdCode!: string;
  @ApiProperty() opdName!: string;
  @ApiProperty({ description: 'Distinct readers from this OPD in the year' }) readers!: number;
  @ApiProperty({
    type: [Number],
    minItems: 4,
    maxItems: 4,
    description: 'Distinct readers from this OPD in Triwulan I–IV',
  })
  quarters!: number[];
}

export class OpdDetailDto {
  @ApiProperty() year!: number;
  @ApiProperty({ type: OpdMetricsDto }) opd!: OpdMetricsDto;
  @ApiProperty({ type: [QuarterMetricsDto] }) quarters!: QuarterMetricsDto[];
  @ApiProperty({ type: [TopAssetDto], description: 'The 10 most viewed assets of the year' })
  topAssets!: TopAssetDto[];
  @ApiProperty({ type: [AnomalyFlagDto] }) anomalies!: AnomalyFlagDto[];
  @ApiProperty({
    type: [ReaderOpdRowDto],
    description: 'Readers by the OPD they work in, most readers first (OPDs with readers only)',
  })
  readersByOpd!: ReaderOpdRowDto[];
  @ApiProperty({
    type: [MetricDefinitionDto],
    description: 'What the numbers mean (the one definition each place shows beside them)',
  })
  definitions!: MetricDefinitionDto[];
}
