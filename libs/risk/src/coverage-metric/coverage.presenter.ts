import { wibDay } from '@lumbung/platform';
import type { CoverageResult } from './coverage';
import type { CoverageRun } from './coverage.service';
import type { CoverageResponseDto } from './dto/coverage-response.dto';

/**
 * An OPD's coverage for a year with the people behind it; an interview is linked only when the
 * caller may read it (`readable`, which the caller loaded), its publication day always shown.
 */
export function presentCoverage(
  scope: { opdCode: string; year: number; first: string; last: string; asOf: string },
  result: CoverageResult | undefined,
  run: Pick<CoverageRun, 'people' | 'interviews'>,
  readable: ReadonlySet<string>,
): CoverageResponseDto {
  return {
    opdCode: scope.opdCode,
    year: scope.year,
    from: scope.first,
    to: scope.last,
    asOf: scope.asOf,
    highRisk: result?.highRisk ?? 0,
    covered: result?.covered ?? 0,
    coverage: result?.coverage ?? null,
    people: (result?.people ?? []).map((p) => {
      const person = run.people.get(p.userId)!;
      const interview = run.interviews.get(p.userId);
      return {
        userId: p.userId,
        name: person.person.name,
        departureMonth: person.departure.month,
        departureKind: person.departure.kind,
        risk: p.risk,
        covered: p.covered,
        interviewAssetId: interview && readable.has(interview.assetId) ? interview.assetId : null,
        interviewPublishedOn: interview ? wibDay(interview.publishedAt) : null,
      };
    }),
  };
}
