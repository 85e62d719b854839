/** One OPD's metric inputs for a period (the award's data scores are computed from these). */
export interface OpdMetrics {
  opdCode: string;
  opdName: string;
  /** Official ASN headcount of the OPD (the base of every per-100-ASN rate). */
  headcount: number;
  // Documentation: assets published (and still published) in the period.
  publishedAssets: number;
  meanCompleteness: number;
  tacitShare: number;
  freshShare: number;
  documentedMeetingShare: number;
  // Dissemination: use of everything the OPD had published by the end of the period.
  assetStock: number;
  openVisibilityShare: number;
  views: number;
  anonymousViews: number;
  uniqueReaders: number;
  internalReaders: number;
  internalReach: number;
  internalReachPercent: number;
  otherOpdsReached: number;
  downloads: number;
  uniqueDownloads: number;
  uniqueDownloadsPerAsset: number;
  searchClicks: number;
  searchClickedShare: number;
  shares: number;
  // Participation and sustainability: the CoP log and authorship.
  meetings: number;
  distinctAttendees: number;
  meanAttendanceRatio: number;
  crossOpdMeetings: number;
  crossOpdShare: number;
  distinctAuthorsPerMember: number;
  activeQuarters: number;
  keyPeople: number;
  /** Coverage of the knowledge-at-risk register (domain.md §7); null until the register exists. */
  atRiskCoverage: number | null;
  // Relevance and impact support.
  endorsements: number;
  reuseReports: number;
  reuseReportsOtherOpd: number;
}

export const TACIT_TYPES = ['pelajaran', 'wawancara_pengetahuan', 'praktik_baik'] as const;

export function ratio(numerator: number, denominator: number, cap = Infinity): number {
  if (!denominator) return 0;
  return round4(Math.min(cap, numerator / denominator));
}

export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
