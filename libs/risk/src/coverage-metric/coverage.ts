import { HIGH_RISK, attritionFactor } from '../scoring/risk-formula';

/**
 * Coverage of the register for a period (an input of the award's keberlanjutan): the share of the
 * period's high-risk people whose retention interview was published before they left.
 *
 * For a period [first, last] (WIB days) seen on `today`, with R = min(today, last):
 * - the people are those of the OPD still in post on `first` (departure after it) who are active
 *   or have left by today;
 * - a person who left by R is judged on their last day in post (attrition 5), anyone else on R;
 *   high when attrition × criticality ≥ HIGH_RISK (criticality as the register has it now);
 * - covered when a `wawancara_pengetahuan` with them as narasumber was published before their
 *   departure and by the end of the period.
 * Null when the period had no high-risk person (the award then skips the input).
 */
export interface CoveragePerson {
  userId: string;
  active: boolean;
  departure: string;
  criticality: number;
  /** WIB day of their earliest published interview, or null. */
  interviewPublishedOn: string | null;
}

export interface CoverageResult {
  highRisk: number;
  covered: number;
  /** covered ÷ highRisk (4 decimals), null without high-risk people. */
  coverage: number | null;
  people: { userId: string; risk: number; covered: boolean }[];
}

const dayBefore = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function coverageOf(
  people: readonly CoveragePerson[],
  period: { first: string; last: string },
  today: string,
): CoverageResult {
  const reference = today < period.last ? today : period.last;
  const high: CoverageResult['people'] = [];
  for (const p of people) {
    if (p.departure <= period.first) continue;
    if (!p.active && p.departure > today) continue;
    const judgedOn = p.departure <= reference ? dayBefore(p.departure) : reference;
    const risk = attritionFactor(judgedOn, p.departure) * p.criticality;
    if (risk < HIGH_RISK) continue;
    const on = p.interviewPublishedOn;
    high.push({
      userId: p.userId,
      risk,
      covered: on !== null && on < p.departure && on <= period.last,
    });
  }
  const covered = high.filter((p) => p.covered).length;
  return {
    highRisk: high.length,
    covered,
    coverage: high.length > 0 ? Math.round((covered / high.length) * 10_000) / 10_000 : null,
    people: high,
  };
}
