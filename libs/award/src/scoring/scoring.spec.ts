import {
  ASPECT_KEYS,
  type AspectKey,
  type AssessorScores,
  combineScores,
  computeDataScores,
  DEFAULT_RUBRIC,
  FIRST_RULES_VERSION,
  INPUT_TABLE,
  inputTableFor,
  type OpdDataScores,
  type OpdInputs,
  percentile,
  rankOpds,
  type Rubric,
  SCORING_RULES_VERSION,
  TIE_RULE,
  validateRubric,
  winsorise,
  withDisplayValues,
} from './index';

/** A mid-sized, moderately active OPD; override what a scenario is about. */
function givenOpd(overrides: Partial<OpdInputs> = {}): OpdInputs {
  return {
    opdCode: 'OPD-X',
    opdName: 'Dinas Contoh',
    headcount: 1000,
    publishedAssets: 20,
    meanCompleteness: 0.7,
    tacitShare: 0.3,
    freshShare: 0.9,
    documentedMeetingShare: 0.6,
    internalReaders: 300,
    otherOpdsReached: 8,
    uniqueDownloads: 60,
    searchClickedShare: 0.5,
    openVisibilityShare: 0.8,
    meetings: 6,
    distinctAttendees: 80,
    meanAttendanceRatio: 0.6,
    distinctAuthorsPerMember: 0.4,
    crossOpdShare: 0.2,
    activeQuarters: 3,
    keyPeople: 6,
    atRiskCoverage: 0.5,
    endorsements: 10,
    reuseReports: 4,
    reuseReportsOtherOpd: 1,
    searchClicks: 150,
    ...overrides,
  };
}

/** No published asset, no meeting, no reader; upstream shares of an empty set reported as 1. */
function idleOpd(opdCode: string): OpdInputs {
  return givenOpd({
    opdCode,
    opdName: 'Badan Tanpa Aktivitas',
    headcount: 420,
    publishedAssets: 0,
    meanCompleteness: 0,
    tacitShare: 0,
    freshShare: 1,
    documentedMeetingShare: 1,
    internalReaders: 0,
    otherOpdsReached: 0,
    uniqueDownloads: 0,
    searchClickedShare: 0,
    openVisibilityShare: 1,
    meetings: 0,
    distinctAttendees: 0,
    meanAttendanceRatio: 0,
    distinctAuthorsPerMember: 0,
    crossOpdShare: 0,
    activeQuarters: 0,
    keyPeople: 0,
    atRiskCoverage: 0,
    endorsements: 0,
    reuseReports: 0,
    reuseReportsOtherOpd: 0,
    searchClicks: 0,
  });
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so the runs are reproducible. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 51 OPD with varied sizes (80 to ~4,000 ASN) and activity levels. */
function jakartaOpds(count = 51): OpdInputs[] {
  const random = seeded(2025);
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low));
  return Array.from({ length: count }, (_, index) => {
    const headcount = between(80, 4000);
    const publishedAssets = between(1, 120);
    const meetings = between(1, 24);
    return givenOpd({
      opdCode: `OPD-${String(index + 1).padStart(2, '0')}`,
      opdName: `OPD ${index + 1}`,
      headcount,
      publishedAssets,
      meanCompleteness: random(),
      tacitShare: random(),
      freshShare: random(),
      documentedMeetingShare: random(),
      internalReaders: Math.floor(headcount * random() * 0.8),
      otherOpdsReached: between(0, 50),
      uniqueDownloads: publishedAssets * between(0, 40),
      searchClickedShare: random(),
      openVisibilityShare: random(),
      meetings,
      distinctAttendees: between(5, 400),
      meanAttendanceRatio: random() * 1.3,
      distinctAuthorsPerMember: random() * 1.2,
      crossOpdShare: random(),
      activeQuarters: between(0, 5),
      keyPeople: between(0, 40),
      atRiskCoverage: random() < 0.2 ? null : random(),
      endorsements: between(0, 80),
      reuseReports: between(0, 30),
      reuseReportsOtherOpd: between(0, 10),
      searchClicks: between(0, 3000),
    });
  });
}

function byCode(rows: readonly OpdDataScores[], opdCode: string): OpdDataScores {
  const row = rows.find((candidate) => candidate.opdCode === opdCode);
  if (!row) throw new Error(`no row for ${opdCode}`);
  return row;
}

function normalisedOf(row: OpdDataScores, aspect: AspectKey, key: string): number | null {
  const input = row.aspects[aspect].inputs.find((candidate) => candidate.key === key);
  if (!input) throw new Error(`no input ${key} in ${aspect}`);
  return input.normalised;
}

/** Hand-made data scores, for scenarios about combining and totals only. */
function givenDataScores(opdCode: string, data: Record<AspectKey, number>): OpdDataScores {
  return {
    opdCode,
    opdName: opdCode,
    aspects: {
      relevansi: { data: data.relevansi, inputs: [] },
      partisipasi: { data: data.partisipasi, inputs: [] },
      dokumentasi: { data: data.dokumentasi, inputs: [] },
      diseminasi: { data: data.diseminasi, inputs: [] },
      manfaat: { data: data.manfaat, inputs: [] },
      keberlanjutan: { data: data.keberlanjutan, inputs: [] },
    },
  };
}

/** A ranking row: every aspect scores `aspectScore` unless overridden. */
function givenRow(
  opdCode: string,
  total: number,
  overrides: Partial<Record<AspectKey, number>> = {},
  aspectScore = 50,
): { opdCode: string; total: number; aspects: Record<AspectKey, { score: number }> } {
  const score = (aspect: AspectKey): { score: number } => ({
    score: overrides[aspect] ?? aspectScore,
  });
  return {
    opdCode,
    total,
    aspects: {
      relevansi: score('relevansi'),
      partisipasi: score('partisipasi'),
      dokumentasi: score('dokumentasi'),
      diseminasi: score('diseminasi'),
      manfaat: score('manfaat'),
      keberlanjutan: score('keberlanjutan'),
    },
  };
}

const NO_ASSESSOR: AssessorScores = new Map();

describe('KMA scoring', () => {
  describe('input table', () => {
    it('weights within every aspect sum to 1', () => {
      for (const aspect of ASPECT_KEYS) {
        const sum = INPUT_TABLE[aspect].reduce((total, input) => total + input.weight, 0);
        expect(sum).toBeCloseTo(1, 10);
      }
    });
  });

  describe('an OPD with no activity among 51 OPD', () => {
    const run = [...jakartaOpds(50), idleOpd('OPD-IDLE')];
    const dataScores = computeDataScores(run);
    const idle = byCode(dataScores, 'OPD-IDLE');

    it('scores 0 in every data score and every input, while the others do not', () => {
      for (const aspect of ASPECT_KEYS) {
        expect(idle.aspects[aspect].data).toBe(0);
        for (const input of idle.aspects[aspect].inputs) expect(input.normalised).toBe(0);
        const best = Math.max(...dataScores.map((row) => row.aspects[aspect].data));
        expect(best).toBeGreaterThan(20);
      }
    });

    it('gets only what the assessors give: relevansi 80 → 64, manfaat 50 → 35', () => {
      const assessed: AssessorScores = new Map([['OPD-IDLE', { relevansi: 80, manfaat: 50 }]]);
      const [row] = combineScores([idle], assessed);
      expect(row.aspects.relevansi).toEqual({
        data: 0,
        assessor: 80,
        score: 64,
        weight: 0.2,
        provisional: false,
      });
      expect(row.aspects.manfaat.score).toBe(35);
      for (const aspect of ['partisipasi', 'dokumentasi', 'diseminasi', 'keberlanjutan'] as const) {
        expect(row.aspects[aspect]).toMatchObject({ score: 0, assessor: null, provisional: true });
      }
      // (64 + 35 + 0 + 0 + 0 + 0) / 6
      expect(row.total).toBe(16.5);
      expect(row.provisional).toBe(true);
    });
  });

  describe('doubling one OPD internal readers and other OPDs reached', () => {
    const base = jakartaOpds();
    base[10] = { ...base[10], headcount: 1000, internalReaders: 200, otherOpdsReached: 5 };
    const doubled = base.map((row, index) =>
      index === 10 ? { ...row, internalReaders: 400, otherOpdsReached: 10 } : row,
    );
    const before = computeDataScores(base);
    const after = computeDataScores(doubled);
    const code = base[10].opdCode;

    it('raises that OPD diseminasi data score and its two inputs', () => {
      const was = byCode(before, code);
      const now = byCode(after, code);
      expect(now.aspects.diseminasi.data).toBeGreaterThan(was.aspects.diseminasi.data);
      expect(normalisedOf(was, 'diseminasi', 'internalReach')).toBeCloseTo(20, 10);
      expect(normalisedOf(now, 'diseminasi', 'internalReach')).toBeCloseTo(40, 10);
      expect(normalisedOf(now, 'diseminasi', 'otherOpdsReached')).toBeGreaterThan(
        normalisedOf(was, 'diseminasi', 'otherOpdsReached') ?? Infinity,
      );
      expect(normalisedOf(now, 'diseminasi', 'downloadsPerAsset')).toBe(
        normalisedOf(was, 'diseminasi', 'downloadsPerAsset'),
      );
    });

    it('leaves every other aspect of every OPD unchanged', () => {
      for (const [index, row] of after.entries()) {
        for (const aspect of ASPECT_KEYS.filter((key) => key !== 'diseminasi')) {
          expect(row.aspects[aspect]).toEqual(before[index].aspects[aspect]);
        }
      }
    });
  });

  describe('provisional aspects', () => {
    const [dataRow] = computeDataScores([givenOpd({ opdCode: 'OPD-A' }), idleOpd('OPD-B')]);

    it('shows D alone while unscored, and w·D + (1−w)·A once an assessor scores it', () => {
      const data = dataRow.aspects.dokumentasi.data;
      expect(data).toBeGreaterThan(0);
      const [before] = combineScores([dataRow], NO_ASSESSOR);
      expect(before.aspects.dokumentasi).toMatchObject({ score: data, provisional: true });

      const [after] = combineScores([dataRow], new Map([['OPD-A', { dokumentasi: 90 }]]));
      expect(after.aspects.dokumentasi).toMatchObject({ assessor: 90, provisional: false });
      expect(after.aspects.dokumentasi.score).toBeCloseTo(0.7 * data + 0.3 * 90, 2);
      expect(after.provisional).toBe(true);
    });

    it('makes the OPD final once all six aspects are scored', () => {
      const all = Object.fromEntries(ASPECT_KEYS.map((aspect) => [aspect, 70]));
      const [row] = combineScores([dataRow], new Map([['OPD-A', all]]));
      expect(row.provisional).toBe(false);
    });

    it('rejects an assessor score outside 0..100', () => {
      expect(() => combineScores([dataRow], new Map([['OPD-A', { manfaat: 101 }]]))).toThrow(
        RangeError,
      );
    });
  });

  describe('normalisation', () => {
    it('percentile interpolates linearly between ranks', () => {
      expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
      expect(percentile([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 10);
      expect(percentile([1, 2, 3, 4], 0)).toBe(1);
      expect(percentile([1, 2, 3, 4], 1)).toBe(4);
    });

    it('winsorise clamps to P5/P95 and keeps the order', () => {
      const values = [1000, ...Array.from({ length: 20 }, (_, index) => index + 1)];
      // 21 values: P5 is the 2nd smallest (2), P95 the 2nd largest (20).
      expect(winsorise(values, 0.05, 0.95)).toEqual([20, 2, 2, ...values.slice(3)]);
    });

    it('one huge outlier does not crush the others', () => {
      const run = [
        ...Array.from({ length: 50 }, (_, index) =>
          givenOpd({ opdCode: `OPD-${index}`, publishedAssets: index }),
        ),
        givenOpd({ opdCode: 'OPD-HUGE', publishedAssets: 1_000_000 }),
      ];
      const scores = computeDataScores(run);
      const assets = (code: string): number | null =>
        normalisedOf(byCode(scores, code), 'dokumentasi', 'assetsPer100');
      expect(assets('OPD-HUGE')).toBe(100);
      // Without winsorising OPD-49 would get log(1 + 4.9) / log(1 + 100000) ≈ 15.
      expect(assets('OPD-48')).toBe(100);
      expect(assets('OPD-47')).toBeCloseTo(99.43, 2);
      // (log 3.5 − (log 1.2 + log 1.3)/2) / ((log 5.7 + log 5.8)/2 − (log 1.2 + log 1.3)/2)
      expect(assets('OPD-25')).toBeCloseTo(67.49, 2);
      expect(assets('OPD-10')).toBeCloseTo(30.84, 2);
      expect(assets('OPD-2')).toBe(0);
    });

    it('per 100 ASN: a larger OPD with the same per-capita output gets the same scores', () => {
      const small = givenOpd({
        opdCode: 'OPD-SMALL',
        headcount: 200,
        publishedAssets: 10,
        internalReaders: 50,
        uniqueDownloads: 30,
        distinctAttendees: 40,
        endorsements: 3,
        reuseReports: 2,
        reuseReportsOtherOpd: 1,
        searchClicks: 90,
      });
      const large = {
        ...small,
        opdCode: 'OPD-LARGE',
        headcount: 2000,
        publishedAssets: 100,
        internalReaders: 500,
        uniqueDownloads: 300,
        distinctAttendees: 400,
        endorsements: 30,
        reuseReports: 20,
        reuseReportsOtherOpd: 10,
        searchClicks: 900,
      };
      const scores = computeDataScores([...jakartaOpds(49), small, large]);
      const smallScores = byCode(scores, 'OPD-SMALL');
      const largeScores = byCode(scores, 'OPD-LARGE');
      for (const aspect of ASPECT_KEYS) {
        expect(largeScores.aspects[aspect].data).toBe(smallScores.aspects[aspect].data);
        expect(largeScores.aspects[aspect].data).toBeGreaterThan(0);
      }
    });

    it('scales shares ×100 without min-max (0.91 and 0.93 stay 91 and 93)', () => {
      const scores = computeDataScores([
        givenOpd({ opdCode: 'OPD-A', meanCompleteness: 0.91 }),
        givenOpd({ opdCode: 'OPD-B', meanCompleteness: 0.93, meanAttendanceRatio: 1.4 }),
      ]);
      expect(normalisedOf(byCode(scores, 'OPD-A'), 'dokumentasi', 'meanCompleteness')).toBe(91);
      expect(normalisedOf(byCode(scores, 'OPD-B'), 'dokumentasi', 'meanCompleteness')).toBe(93);
      // attendance with guests is capped at 1
      expect(normalisedOf(byCode(scores, 'OPD-B'), 'partisipasi', 'attendanceRatio')).toBe(100);
    });

    it('when all values are equal after winsorising, positives get 100 and zeros 0', () => {
      const run = [
        ...Array.from({ length: 50 }, (_, index) =>
          givenOpd({ opdCode: `OPD-${index}`, keyPeople: 4 }),
        ),
        givenOpd({ opdCode: 'OPD-NONE', keyPeople: 0 }),
      ];
      const scores = computeDataScores(run);
      expect(normalisedOf(byCode(scores, 'OPD-0'), 'keberlanjutan', 'keyPeople')).toBe(100);
      expect(normalisedOf(byCode(scores, 'OPD-NONE'), 'keberlanjutan', 'keyPeople')).toBe(0);
    });

    it('skips a missing knowledge-at-risk register and redistributes its weight', () => {
      // key people are equal everywhere → 100; two active quarters → 50
      const scores = computeDataScores([
        givenOpd({ opdCode: 'OPD-A', activeQuarters: 2, atRiskCoverage: null }),
        givenOpd({ opdCode: 'OPD-B', activeQuarters: 2, atRiskCoverage: 0.2 }),
      ]);
      const missing = byCode(scores, 'OPD-A').aspects.keberlanjutan;
      // (0.4·50 + 0.3·100) / 0.7
      expect(missing.data).toBe(71.43);
      expect(missing.inputs.find((input) => input.key === 'atRiskCoverage')).toMatchObject({
        raw: null,
        normalised: null,
      });
      // 0.4·50 + 0.3·100 + 0.3·20
      expect(byCode(scores, 'OPD-B').aspects.keberlanjutan.data).toBe(56);
    });

    it('counts reuse reports from other OPDs double', () => {
      const scores = computeDataScores([
        givenOpd({ opdCode: 'OPD-A', reuseReports: 4, reuseReportsOtherOpd: 0 }),
        givenOpd({ opdCode: 'OPD-B', reuseReports: 4, reuseReportsOtherOpd: 2 }),
      ]);
      const reuse = (code: string) =>
        byCode(scores, code).aspects.manfaat.inputs.find((input) => input.key === 'reusePer100');
      expect(reuse('OPD-A')).toMatchObject({ raw: 4, normalised: 0 });
      // 4 reports, 2 of them from other OPDs: 6 effective, 0.6 per 100 ASN
      expect(reuse('OPD-B')).toMatchObject({ raw: 6, normalised: 100 });
      expect(reuse('OPD-B')?.transformed).toBeCloseTo(Math.log1p(0.6), 12);
    });

    it('refuses negative or non-finite inputs', () => {
      expect(() => computeDataScores([givenOpd({ publishedAssets: -1 })])).toThrow(
        /publishedAssets/,
      );
      expect(() => computeDataScores([givenOpd({ tacitShare: Number.NaN })])).toThrow(/tacitShare/);
    });
  });

  describe('ranking', () => {
    it('tie at place 15: places 15 and 16 fully tied both rank 15 and both win', () => {
      const rows = [
        ...Array.from({ length: 14 }, (_, index) => givenRow(`OPD-${index + 10}`, 90 - index)),
        givenRow('OPD-Z', 70),
        givenRow('OPD-Y', 70),
      ];
      const ranked = rankOpds(rows, 15);
      expect(ranked).toHaveLength(16);
      expect(ranked.slice(14).map((row) => [row.opdCode, row.rank, row.winner])).toEqual([
        ['OPD-Y', 15, true],
        ['OPD-Z', 15, true],
      ]);
      expect(ranked[13]).toMatchObject({ rank: 14, winner: true });
    });

    it('uses standard competition ranking 1, 2, 2, 4; with 2 winners rank 4 does not win', () => {
      const ranked = rankOpds(
        [
          givenRow('OPD-D', 60),
          givenRow('OPD-B', 80),
          givenRow('OPD-A', 90),
          givenRow('OPD-C', 80),
        ],
        2,
      );
      expect(ranked.map((row) => [row.opdCode, row.rank, row.winner])).toEqual([
        ['OPD-A', 1, true],
        ['OPD-B', 2, true],
        ['OPD-C', 2, true],
        ['OPD-D', 4, false],
      ]);
    });

    it('breaks a tie on total by dokumentasi, then diseminasi', () => {
      const ranked = rankOpds(
        [
          givenRow('OPD-A', 70, { dokumentasi: 60, diseminasi: 99 }),
          givenRow('OPD-B', 70, { dokumentasi: 80 }),
          givenRow('OPD-C', 70, { dokumentasi: 60, diseminasi: 100 }),
        ],
        15,
      );
      expect(ranked.map((row) => [row.opdCode, row.rank])).toEqual([
        ['OPD-B', 1],
        ['OPD-C', 2],
        ['OPD-A', 3],
      ]);
    });

    it('compares totals at 2 decimals: 70.004 and 70.001 are tied, dokumentasi decides', () => {
      const ranked = rankOpds(
        [givenRow('OPD-A', 70.004), givenRow('OPD-B', 70.001, { dokumentasi: 51 })],
        1,
      );
      expect(ranked.map((row) => [row.opdCode, row.rank, row.winner])).toEqual([
        ['OPD-B', 1, true],
        ['OPD-A', 2, false],
      ]);
    });

    it('publishes the tie rule in Indonesian and English', () => {
      expect(TIE_RULE.id).toMatch(/Dokumentasi/);
      expect(TIE_RULE.en).toMatch(/Documentation/);
    });
  });

  describe('rubric', () => {
    it('accepts the default rubric', () => {
      expect(validateRubric(DEFAULT_RUBRIC)).toEqual([]);
    });

    it('rejects dataWeights > 1, negative aspect weights and winners 0', () => {
      const rubric: Rubric = {
        aspectWeights: { ...DEFAULT_RUBRIC.aspectWeights, manfaat: -1 },
        dataWeights: { ...DEFAULT_RUBRIC.dataWeights, diseminasi: 1.2 },
        winners: 0,
      };
      expect(validateRubric(rubric).map((problem) => problem.field)).toEqual([
        'dataWeights.diseminasi',
        'aspectWeights.manfaat',
        'winners',
      ]);
    });

    it('rejects aspect weights that are all zero, and combineScores refuses such a rubric', () => {
      const rubric: Rubric = {
        ...DEFAULT_RUBRIC,
        aspectWeights: {
          relevansi: 0,
          partisipasi: 0,
          dokumentasi: 0,
          diseminasi: 0,
          manfaat: 0,
          keberlanjutan: 0,
        },
      };
      expect(validateRubric(rubric).map((problem) => problem.field)).toEqual(['aspectWeights']);
      expect(() => combineScores([], NO_ASSESSOR, rubric)).toThrow(/aspectWeights/);
    });

    it('aspect weights change the total as computed by hand', () => {
      const data = givenDataScores('OPD-A', {
        relevansi: 40,
        partisipasi: 80,
        dokumentasi: 90,
        diseminasi: 60,
        manfaat: 20,
        keberlanjutan: 50,
      });
      const assessed: AssessorScores = new Map([
        [
          'OPD-A',
          {
            relevansi: 60,
            partisipasi: 50,
            dokumentasi: 70,
            diseminasi: 100,
            manfaat: 70,
            keberlanjutan: 80,
          },
        ],
      ]);
      const [equal] = combineScores([data], assessed);
      // 0.2·40+0.8·60=56, 0.7·80+0.3·50=71, 0.7·90+0.3·70=84, 0.8·60+0.2·100=68,
      // 0.3·20+0.7·70=55, 0.6·50+0.4·80=62
      expect(ASPECT_KEYS.map((aspect) => equal.aspects[aspect].score)).toEqual([
        56, 71, 84, 68, 55, 62,
      ]);
      expect(equal.total).toBe(66); // 396 / 6
      expect(equal.provisional).toBe(false);

      const weighted: Rubric = {
        ...DEFAULT_RUBRIC,
        aspectWeights: { ...DEFAULT_RUBRIC.aspectWeights, dokumentasi: 3, manfaat: 0 },
      };
      const [heavy] = combineScores([data], assessed, weighted);
      expect(heavy.total).toBe(72.71); // (56 + 71 + 3·84 + 68 + 0·55 + 62) / 7 = 509 / 7
    });
  });
});

describe('rules versions: the register coverage enters keberlanjutan with kma-data-2026.1', () => {
  const coverage = (table = INPUT_TABLE, atRiskCoverage: number | null = 0.5) =>
    computeDataScores(
      [
        givenOpd({ opdCode: 'OPD-A', atRiskCoverage }),
        givenOpd({ opdCode: 'OPD-B', atRiskCoverage: 0 }),
      ],
      table,
    )[0].aspects.keberlanjutan;

  it('scores the coverage under the current rules', () => {
    expect(inputTableFor(SCORING_RULES_VERSION)).toBe(INPUT_TABLE);
    const input = coverage().inputs.find((i) => i.key === 'atRiskCoverage');
    expect(input).toMatchObject({ raw: 0.5, normalised: 50, weight: 0.3 });
  });

  it('leaves a year on kma-data-2025.1 exactly as it was, whatever the register says', () => {
    const old = inputTableFor(FIRST_RULES_VERSION);
    const withCoverage = coverage(old, 0.9);
    const without = coverage(old, null);
    expect(withCoverage).toEqual(without);
    expect(withCoverage.inputs.find((i) => i.key === 'atRiskCoverage')).toMatchObject({
      raw: null,
      normalised: null,
    });
    // The same data score as the aspect had before the register existed: its two other inputs.
    expect(withCoverage.data).toBe(coverage(INPUT_TABLE, null).data);
  });

  it('scores a rules version it does not know with the current table', () => {
    expect(inputTableFor('matriks')).toBe(INPUT_TABLE);
  });
});

describe('the number an input label names', () => {
  it('shows a per-100-ASN input as the rate with its count, active quarters as a count of 4', () => {
    const opd = givenOpd({ opdCode: 'OPD-A', headcount: 800, searchClicks: 40, activeQuarters: 3 });
    const [row] = computeDataScores([opd, idleOpd('OPD-B')]);
    const input = (key: string) =>
      ASPECT_KEYS.flatMap((a) => row.aspects[a].inputs).find((i) => i.key === key)!;
    expect(input('searchClicksPer100')).toMatchObject({
      raw: 40,
      value: 5,
      count: 40,
      unit: 'per100Asn',
    });
    expect(input('activeQuarters')).toMatchObject({
      raw: 0.75,
      value: 3,
      count: null,
      unit: 'quarters',
    });
    expect(input('tacitShare').unit).toBe('percent');
    expect(input('keyPeople').unit).toBe('number');
  });

  it('gives snapshots stored before these fields the same values from the definitions', () => {
    const data = computeDataScores([givenOpd({ opdCode: 'OPD-A' }), idleOpd('OPD-B')]);
    const stripped = data.map((d) => ({
      ...d,
      aspects: Object.fromEntries(
        ASPECT_KEYS.map((a) => [
          a,
          {
            ...d.aspects[a],
            inputs: d.aspects[a].inputs.map(
              ({ value: _v, unit: _u, count: _c, formulaEn: _f, ...rest }) => rest,
            ),
          },
        ]),
      ),
    })) as unknown as typeof data;
    const headcounts = new Map([
      ['OPD-A', givenOpd({ opdCode: 'OPD-A' }).headcount],
      ['OPD-B', idleOpd('OPD-B').headcount],
    ]);
    expect(withDisplayValues(stripped, headcounts, INPUT_TABLE)).toEqual(data);
  });
});
