import type { PublishedInterview } from '@lumbung/knowledge';
import type { PersonAssessment } from '../register/risk-assessor.service';
import { presentCoverage } from './coverage.presenter';

const assessed = (name: string, month: string) =>
  ({ person: { name }, departure: { month, kind: 'pensiun' } }) as unknown as PersonAssessment;
const scope = {
  opdCode: 'BAPPEDA',
  year: 2025,
  first: '2025-01-01',
  last: '2025-12-31',
  asOf: '2025-06-15',
};

describe('coverage presenter', () => {
  it('links an interview only when the caller may read it; its day always shows', () => {
    const interviews = new Map<string, PublishedInterview>([
      [
        'u-1',
        { assetId: 'a-1', narasumberId: 'u-1', publishedAt: new Date('2025-03-10T20:00:00Z') },
      ],
      [
        'u-2',
        { assetId: 'a-2', narasumberId: 'u-2', publishedAt: new Date('2025-04-01T03:00:00Z') },
      ],
    ]);
    const run = {
      people: new Map([
        ['u-1', assessed('Sari', '2025-09')],
        ['u-2', assessed('Budi', '2025-11')],
        ['u-3', assessed('Rina', '2026-01')],
      ]),
      interviews,
    };
    const result = {
      highRisk: 3,
      covered: 2,
      coverage: 0.6667,
      people: [
        { userId: 'u-1', risk: 0.9, covered: true },
        { userId: 'u-2', risk: 0.8, covered: true },
        { userId: 'u-3', risk: 0.7, covered: false },
      ],
    };
    const dto = presentCoverage(scope, result, run, new Set(['a-1']));
    expect(dto).toEqual({
      opdCode: 'BAPPEDA',
      year: 2025,
      from: '2025-01-01',
      to: '2025-12-31',
      asOf: '2025-06-15',
      highRisk: 3,
      covered: 2,
      coverage: 0.6667,
      people: [
        {
          userId: 'u-1',
          name: 'Sari',
          departureMonth: '2025-09',
          departureKind: 'pensiun',
          risk: 0.9,
          covered: true,
          interviewAssetId: 'a-1',
          interviewPublishedOn: '2025-03-11',
        },
        {
          userId: 'u-2',
          name: 'Budi',
          departureMonth: '2025-11',
          departureKind: 'pensiun',
          risk: 0.8,
          covered: true,
          interviewAssetId: null,
          interviewPublishedOn: '2025-04-01',
        },
        {
          userId: 'u-3',
          name: 'Rina',
          departureMonth: '2026-01',
          departureKind: 'pensiun',
          risk: 0.7,
          covered: false,
          interviewAssetId: null,
          interviewPublishedOn: null,
        },
      ],
    });
  });

  it('answers an OPD without high-risk people with zeros and no coverage', () => {
    const dto = presentCoverage(
      scope,
      undefined,
      { people: new Map(), interviews: new Map() },
      new Set(),
    );
    expect(dto).toMatchObject({ highRisk: 0, covered: 0, coverage: null, people: [] });
  });
});
