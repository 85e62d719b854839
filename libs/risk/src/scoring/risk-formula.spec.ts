import {
  assessRisk,
  attritionFactor,
  criticalityOf,
  criticalTopics,
  HIGH_RISK,
  type TopicStanding,
  topicCriticality,
} from './risk-formula';

const TODAY = '2026-03-15';

/** A topic of the person's; override what the scenario is about. */
function topic(overrides: Partial<TopicStanding> = {}): TopicStanding {
  return { topic: 'anggaran', weight: 3, othersWithTopic: 4, publishedAssets: 5, ...overrides };
}

describe('attritionFactor: how soon the person leaves', () => {
  it.each([
    ['already gone (records not updated)', '2026-01-01', 5],
    ['today', '2026-03-15', 5],
    ['exactly 12 months ahead', '2027-03-15', 5],
    ['a day past 12 months', '2027-03-16', 4],
    ['exactly 24 months ahead', '2028-03-15', 4],
    ['a day past 24 months', '2028-03-16', 3],
    ['exactly 36 months ahead', '2029-03-15', 3],
    ['within 60 months', '2031-03-15', 2],
    ['a day past 60 months', '2031-03-16', 1],
    ['in 20 years', '2046-01-01', 1],
  ])('%s → %i', (_label, departure, factor) => {
    expect(attritionFactor(TODAY, departure)).toBe(factor);
  });

  it('counts calendar months from the end of a month (31 January + 12 months = 31 January)', () => {
    expect(attritionFactor('2026-01-31', '2027-01-31')).toBe(5);
    expect(attritionFactor('2026-01-31', '2027-02-01')).toBe(4);
  });
});

describe('topicCriticality: 1 + rarity + documentation gap', () => {
  it.each([
    ['nobody else, nothing published', 0, 0, 5],
    ['nobody else, one asset', 0, 1, 4],
    ['nobody else, two assets', 0, 2, 4],
    ['nobody else, three assets', 0, 3, 3],
    ['one other, nothing published', 1, 0, 4],
    ['one other, two assets', 1, 2, 3],
    ['two others, nothing published', 2, 0, 3],
    ['many others, well documented', 9, 12, 1],
  ])('%s → %i', (_label, othersWithTopic, publishedAssets, value) => {
    expect(topicCriticality({ othersWithTopic, publishedAssets })).toBe(value);
  });
});

describe('criticalityOf: the person’s strongest topics, weighted by evidence', () => {
  it('the only one who knows an undocumented topic is 5', () => {
    expect(criticalityOf([topic({ othersWithTopic: 0, publishedAssets: 0 })])).toBe(5);
  });

  it('a topic the whole OPD shares and documents is 1', () => {
    expect(criticalityOf([topic()])).toBe(1);
  });

  it('no recorded expertise is 1 (until topics are declared or overridden)', () => {
    expect(criticalityOf([])).toBe(1);
  });

  it('weights each topic by its evidence: a rare side topic moves a shared main one a little', () => {
    // (6·1 + 2·5) / 8 = 2
    expect(
      criticalityOf([
        topic({ topic: 'utama', weight: 6 }),
        topic({ topic: 'langka', weight: 2, othersWithTopic: 0, publishedAssets: 0 }),
      ]),
    ).toBe(2);
  });

  it('rounds a mean of exactly .5 up', () => {
    // (1·1 + 1·4) / 2 = 2.5 → 3
    expect(
      criticalityOf([
        topic({ topic: 'a', weight: 1 }),
        topic({ topic: 'b', weight: 1, othersWithTopic: 1, publishedAssets: 0 }),
      ]),
    ).toBe(3);
  });

  it('uses only the five strongest topics (ties by name)', () => {
    const strong = ['a', 'b', 'c', 'd', 'e'].map((t) => topic({ topic: t, weight: 5 }));
    const faint = topic({ topic: 'z', weight: 1, othersWithTopic: 0, publishedAssets: 0 });
    expect(criticalTopics([faint, ...strong]).map((t) => t.topic)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
    expect(criticalityOf([faint, ...strong])).toBe(1);
  });
});

describe('assessRisk: attrition × criticality, high from 15', () => {
  const rare = [topic({ othersWithTopic: 0, publishedAssets: 1 })]; // criticality 4

  it('an expert leaving within a year with a rare topic is high', () => {
    expect(
      assessRisk({ today: TODAY, departure: '2026-10-01', topics: rare, override: null }),
    ).toEqual({ attrition: 5, criticalityComputed: 4, criticality: 4, risk: 20, high: true });
  });

  it('the same expert leaving in three years is not (3 × 4 = 12)', () => {
    expect(
      assessRisk({ today: TODAY, departure: '2029-01-01', topics: rare, override: null }),
    ).toMatchObject({ attrition: 3, risk: 12, high: false });
  });

  it('exactly 15 is high; 12 is not', () => {
    const three = [topic({ othersWithTopic: 2, publishedAssets: 0 })]; // criticality 3
    expect(
      assessRisk({ today: TODAY, departure: '2026-12-01', topics: three, override: null }),
    ).toMatchObject({ risk: HIGH_RISK, high: true });
    expect(
      assessRisk({ today: TODAY, departure: '2027-12-01', topics: three, override: null }),
    ).toMatchObject({ risk: 12, high: false });
  });

  it('an OPD admin’s override replaces the computed criticality, which stays visible', () => {
    expect(
      assessRisk({ today: TODAY, departure: '2027-06-01', topics: [topic()], override: 4 }),
    ).toEqual({ attrition: 4, criticalityComputed: 1, criticality: 4, risk: 16, high: true });
  });

  it('someone with no recorded expertise leaving tomorrow is 5, not high', () => {
    expect(
      assessRisk({ today: TODAY, departure: '2026-03-16', topics: [], override: null }),
    ).toMatchObject({ risk: 5, high: false });
  });
});
