import type { OpdMetrics } from '@lumbung/metrics';

/**
 * Metric inputs for one OPD over one award period: the fields of the usage-metrics row that the
 * scoring reads (documented on `OpdMetrics`). Only `published` assets count. Shares are fractions
 * (0..1); counts are non-negative integers.
 */
export type OpdInputs = Pick<
  OpdMetrics,
  | 'opdCode'
  | 'opdName'
  | 'headcount'
  | 'publishedAssets'
  | 'meanCompleteness'
  | 'tacitShare'
  | 'freshShare'
  | 'documentedMeetingShare'
  | 'internalReaders'
  | 'otherOpdsReached'
  | 'uniqueDownloads'
  | 'searchClickedShare'
  | 'openVisibilityShare'
  | 'meetings'
  | 'distinctAttendees'
  | 'meanAttendanceRatio'
  | 'distinctAuthorsPerMember'
  | 'crossOpdShare'
  | 'activeQuarters'
  | 'keyPeople'
  | 'atRiskCoverage'
  | 'endorsements'
  | 'reuseReports'
  | 'reuseReportsOtherOpd'
  | 'searchClicks'
>;

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
