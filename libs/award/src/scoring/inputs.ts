/**
 * Metric inputs for one OPD over one award period, as produced by the usage-metrics module.
 * Only `published` assets count. Shares are fractions (0..1); counts are non-negative integers.
 */
export interface OpdInputs {
  opdCode: string;
  opdName: string;
  /** Active ASN in the OPD. */
  headcount: number;
  /** Assets published in the period (status `published`). */
  publishedAssets: number;
  /** 0..1; 0 when there are no assets. */
  meanCompleteness: number;
  /** 0..1 share of tacit types (`pelajaran`, `wawancara_pengetahuan`, `praktik_baik`). */
  tacitShare: number;
  /** 0..1 share of assets not past review-due. */
  freshShare: number;
  /** 0..1 meetings with minutes or an output asset within 14 days. */
  documentedMeetingShare: number;
  /** Distinct readers from the OPD of the OPD's assets. */
  internalReaders: number;
  /** Number of other OPDs with readers. */
  otherOpdsReached: number;
  /** Unique downloads of the OPD's assets. */
  uniqueDownloads: number;
  /** 0..1 share of the OPD's assets clicked from search. */
  searchClickedShare: number;
  /** 0..1 share of assets at `internal` or `publik` visibility. */
  openVisibilityShare: number;
  meetings: number;
  distinctAttendees: number;
  /** Mean attendance per meeting ÷ CoP members; may exceed 1 with guests (capped at 1 when scored). */
  meanAttendanceRatio: number;
  /** Distinct authors ÷ CoP members; may exceed 1 (capped at 1 when scored). */
  distinctAuthorsPerMember: number;
  /** 0..1 meetings or assets involving another OPD. */
  crossOpdShare: number;
  /** 0..4 quarters with ≥ 1 meeting and ≥ 1 new or re-verified asset (0 or 1 for a quarter period). */
  activeQuarters: number;
  /** People holding lead roles or authoring ≥ 2 assets. */
  keyPeople: number;
  /** 0..1 coverage of the knowledge-at-risk register; null = register not available (input skipped). */
  atRiskCoverage: number | null;
  endorsements: number;
  /** All reuse reports on the OPD's assets. */
  reuseReports: number;
  /** Of which from other OPDs; these weigh double (effective = reuseReports + reuseReportsOtherOpd). */
  reuseReportsOtherOpd: number;
  /** Clicks from search results onto the OPD's assets ("answered searches"). */
  searchClicks: number;
}

/** Numeric fields that must be finite and ≥ 0 (`atRiskCoverage` may also be null). */
export const NUMERIC_INPUT_FIELDS = [
  'headcount',
  'publishedAssets',
  'meanCompleteness',
  'tacitShare',
  'freshShare',
  'documentedMeetingShare',
  'internalReaders',
  'otherOpdsReached',
  'uniqueDownloads',
  'searchClickedShare',
  'openVisibilityShare',
  'meetings',
  'distinctAttendees',
  'meanAttendanceRatio',
  'distinctAuthorsPerMember',
  'crossOpdShare',
  'activeQuarters',
  'keyPeople',
  'atRiskCoverage',
  'endorsements',
  'reuseReports',
  'reuseReportsOtherOpd',
  'searchClicks',
] as const satisfies readonly (keyof OpdInputs)[];

/**
 * Problems with a run's inputs (empty when valid): every numeric field finite and ≥ 0, OPD codes
 * unique. Scoring refuses bad inputs rather than silently turning NaN or negatives into points.
 */
export function validateInputs(inputs: readonly OpdInputs[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of inputs) {
    if (seen.has(row.opdCode)) problems.push(`${row.opdCode}: duplicate opdCode`);
    seen.add(row.opdCode);
    for (const field of NUMERIC_INPUT_FIELDS) {
      const value = row[field];
      if (value === null && field === 'atRiskCoverage') continue;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        problems.push(`${row.opdCode}: ${field} must be a finite number >= 0`);
      }
    }
  }
  return problems;
}
