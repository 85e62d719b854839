import { ApiProperty } from '@nestjs/swagger';

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
