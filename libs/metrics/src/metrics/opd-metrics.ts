/** One OPD's metric inputs for a period (the award's data scores are computed from these). */
export interface OpdMetrics {
  opdCode: string;
  opdName: string;
  /** Official ASN headcount of the OPD (the base of every per-100-ASN rate). */
  headcount: number;
  // Documentation: assets published (and still published) in the period.
  /** Assets published in the period (status `published`). */
  publishedAssets: number;
  /** 0..1 mean completeness of those assets; 0 when there are none. */
  meanCompleteness: number;
  /** 0..1 share of tacit types (`pelajaran`, `wawancara_pengetahuan`, `praktik_baik`). */
  tacitShare: number;
  /** 0..1 share of those assets not past review-due at the end of the period. */
  freshShare: number;
  /** 0..1 meetings with minutes or an output asset within 14 days. */
  documentedMeetingShare: number;
  // Dissemination: use of everything the OPD had published by the end of the period.
  assetStock: number;
  /** 0..1 share of the stock at `internal` or `publik` visibility. */
  openVisibilityShare: number;
  views: number;
  anonymousViews: number;
  /** Distinct logged-in readers of the OPD's assets (the period reader set). */
  uniqueReaders: number;
  /** Distinct readers from the OPD itself. */
  internalReaders: number;
  /** internalReaders ÷ headcount (BPSDM's target: 0.5), and the same as a percentage. */
  internalReach: number;
  internalReachPercent: number;
  /** Number of other OPDs with readers. */
  otherOpdsReached: number;
  downloads: number;
  /** Sum over days of distinct downloaders per asset (COUNTER unique item requests). */
  uniqueDownloads: number;
  uniqueDownloadsPerAsset: number;
  /** Clicks from search results onto the OPD's assets ("answered searches"). */
  searchClicks: number;
  /** 0..1 share of the stock clicked from search at least once. */
  searchClickedShare: number;
  shares: number;
  // Participation and sustainability: the CoP log and authorship.
  meetings: number;
  distinctAttendees: number;
  /** Mean over meetings of attendees ÷ CoP members on that date, each capped at 1. */
  meanAttendanceRatio: number;
  crossOpdMeetings: number;
  /** 0..1 meetings or assets involving another OPD. */
  crossOpdShare: number;
  /** Distinct authors of the period's assets ÷ members of the OPD's CoPs, capped at 1. */
  distinctAuthorsPerMember: number;
  /** Quarters (0–4) with ≥ 1 meeting and ≥ 1 new or re-verified asset. */
  activeQuarters: number;
  /** People holding lead roles or authoring ≥ 2 published assets. */
  keyPeople: number;
  /**
   * Coverage of the knowledge-at-risk register (libs/risk/README.md). The register is its own
   * context (libs/risk): these metrics leave it null and the award fills it in from the register.
   */
  atRiskCoverage: number | null;
  // Relevance and impact support.
  /** Endorsements net of withdrawals in the period. */
  endorsements: number;
  reuseReports: number;
  /** Of which from other OPDs (they weigh double in the award). */
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

type Num = string | number | null;
/** One OPD's row of a counting query, by column name (numbers may come back as strings). */
export type CountRow = Record<string, Num> & { opdId: string };
export interface OpdRow {
  id: string;
  code: string;
  name: string;
  headcount: number;
}

/** The metric row of one OPD from its rows of each counting query (absent: all zero). */
export function toOpdMetrics(
  o: OpdRow,
  counts: Record<'assets' | 'usage' | 'readers' | 'meetings' | 'people', Partial<CountRow>>,
): OpdMetrics {
  const { assets: a, usage: u, readers: r, meetings: m, people: p } = counts;
  const n = (row: Partial<CountRow>, key: string): number => Number(row[key] ?? 0);
  const published = n(a, 'published');
  const stock = n(a, 'stock');
  const meetingCount = n(m, 'meetings');
  const internal = n(r, 'internal');
  return {
    opdCode: o.code,
    opdName: o.name,
    headcount: o.headcount,
    publishedAssets: published,
    meanCompleteness: round4(n(a, 'completeness')),
    tacitShare: ratio(n(a, 'tacit'), published),
    freshShare: ratio(n(a, 'fresh'), published),
    documentedMeetingShare: ratio(n(m, 'documented'), meetingCount),
    assetStock: stock,
    openVisibilityShare: ratio(n(a, 'openStock'), stock),
    views: n(u, 'views'),
    anonymousViews: n(u, 'anonymousViews'),
    uniqueReaders: n(r, 'readers'),
    internalReaders: internal,
    internalReach: ratio(internal, o.headcount),
    internalReachPercent: round4(ratio(internal, o.headcount) * 100),
    otherOpdsReached: n(r, 'otherOpds'),
    downloads: n(u, 'downloads'),
    uniqueDownloads: n(u, 'uniqueDownloads'),
    uniqueDownloadsPerAsset: ratio(n(u, 'uniqueDownloads'), stock),
    searchClicks: n(u, 'searchClicks'),
    searchClickedShare: ratio(n(u, 'clicked'), stock, 1),
    shares: n(u, 'shares'),
    meetings: meetingCount,
    distinctAttendees: n(m, 'attendees'),
    meanAttendanceRatio: round4(n(m, 'attendance')),
    crossOpdMeetings: n(m, 'crossMeetings'),
    crossOpdShare: ratio(n(m, 'crossMeetings') + n(a, 'crossAssets'), meetingCount + published),
    distinctAuthorsPerMember: ratio(n(p, 'authors'), n(p, 'members'), 1),
    activeQuarters: n(p, 'activeQuarters'),
    keyPeople: n(p, 'keyPeople'),
    atRiskCoverage: null,
    endorsements: n(u, 'endorsements'),
    reuseReports: n(u, 'reuseReports'),
    reuseReportsOtherOpd: n(u, 'reuseOther'),
  };
}
