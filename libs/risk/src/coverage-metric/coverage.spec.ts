import { type CoveragePerson, coverageOf } from './coverage';

const YEAR_2025 = { first: '2025-01-01', last: '2025-12-31' };
const TODAY = '2026-12-03';

function person(overrides: Partial<CoveragePerson> = {}): CoveragePerson {
  return {
    userId: 'u1',
    active: true,
    departure: '2026-06-01',
    criticality: 4,
    interviewPublishedOn: null,
    ...overrides,
  };
}

describe('coverageOf: high-risk people with an interview published before they left', () => {
  it('an expert who left in the year with their interview published before is covered', () => {
    const result = coverageOf(
      [
        person({
          active: false,
          departure: '2025-08-01',
          criticality: 3,
          interviewPublishedOn: '2025-06-10',
        }),
      ],
      YEAR_2025,
      TODAY,
    );
    expect(result).toEqual({
      highRisk: 1,
      covered: 1,
      coverage: 1,
      people: [{ userId: 'u1', risk: 15, covered: true }],
    });
  });

  it('an interview published after the departure does not cover', () => {
    const result = coverageOf(
      [person({ active: false, departure: '2025-08-01', interviewPublishedOn: '2025-08-01' })],
      YEAR_2025,
      TODAY,
    );
    expect(result).toMatchObject({ highRisk: 1, covered: 0, coverage: 0 });
  });

  it('someone still in post is judged on the last day of the year: 18 months ahead is attrition 4', () => {
    const high = person({ departure: '2027-06-01', criticality: 4 });
    const low = person({ userId: 'u2', departure: '2027-06-01', criticality: 3 });
    const result = coverageOf([high, low], YEAR_2025, TODAY);
    expect(result.people).toEqual([{ userId: 'u1', risk: 16, covered: false }]);
  });

  it('an interview published after the end of the year counts for the next year, not this one', () => {
    const p = person({ departure: '2027-06-01', interviewPublishedOn: '2026-02-01' });
    expect(coverageOf([p], YEAR_2025, TODAY).covered).toBe(0);
    expect(coverageOf([p], { first: '2026-01-01', last: '2026-12-31' }, TODAY).covered).toBe(1);
  });

  it('leaves out who had left before the year, and inactive people who have not left', () => {
    const result = coverageOf(
      [
        person({ userId: 'gone', active: false, departure: '2024-12-01' }),
        person({ userId: 'left-on-first-day', active: false, departure: '2025-01-01' }),
        person({ userId: 'deactivated', active: false, departure: '2030-01-01', criticality: 5 }),
      ],
      YEAR_2025,
      TODAY,
    );
    expect(result).toEqual({ highRisk: 0, covered: 0, coverage: null, people: [] });
  });

  it('is the share, to 4 decimals', () => {
    const people = [1, 2, 3].map((i) =>
      person({
        userId: `u${i}`,
        active: false,
        departure: '2025-09-01',
        interviewPublishedOn: i === 1 ? '2025-03-01' : null,
      }),
    );
    expect(coverageOf(people, YEAR_2025, TODAY).coverage).toBe(0.3333);
  });
});
