import { bm25, minDistance, proximity } from './bm25-reranker';

describe('bm25', () => {
  const corpus = { n: 1000, avgLen: 100 };

  it('weighs a rare word above a common one', () => {
    const df = new Map([
      ['banjir', 5],
      ['jakarta', 600],
    ]);
    const s = bm25(
      [
        { id: 'rare', term: 'banjir', tf: 1, len: 100 },
        { id: 'common', term: 'jakarta', tf: 1, len: 100 },
      ],
      df,
      corpus,
    );
    expect(s.get('rare')).toBeGreaterThan(3 * (s.get('common') ?? 0));
  });

  it('rewards repetition with saturation and penalises long passages', () => {
    const df = new Map([['antrean', 10]]);
    const score = (tf: number, len: number) =>
      bm25([{ id: 'x', term: 'antrean', tf, len }], df, corpus).get('x') ?? 0;
    expect(score(2, 100)).toBeGreaterThan(score(1, 100));
    expect(score(20, 100) / score(10, 100)).toBeLessThan(1.1);
    expect(score(1, 50)).toBeGreaterThan(score(1, 400));
  });

  it('adds the words of one passage and matches the textbook value', () => {
    const df = new Map([
      ['a', 10],
      ['b', 100],
    ]);
    const s = bm25(
      [
        { id: 'd', term: 'a', tf: 2, len: 100 },
        { id: 'd', term: 'b', tf: 1, len: 100 },
      ],
      df,
      corpus,
    );
    const idf = (d: number) => Math.log(1 + (1000 - d + 0.5) / (d + 0.5));
    const expected = (idf(10) * 2 * 2.2) / (2 + 1.2) + (idf(100) * 1 * 2.2) / (1 + 1.2);
    expect(s.get('d')).toBeCloseTo(expected, 10);
  });
});

describe('proximity', () => {
  const df = new Map([
    ['universitas', 40],
    ['cape', 5],
    ['town', 6],
  ]);

  it('finds the closest pair of positions', () => {
    expect(minDistance([3, 40, 90], [12, 41])).toBe(1);
    expect(minDistance([5], [5, 9])).toBe(4);
    expect(minDistance([1], [])).toBe(Infinity);
  });

  it('ranks a passage where the words stand together above one where they are scattered', () => {
    const s = proximity(
      [
        // "… Universitas Cape Town (1916)."
        { id: 'together', term: 'universitas', positions: [30] },
        { id: 'together', term: 'cape', positions: [31] },
        { id: 'together', term: 'town', positions: [32] },
        // "Bandar Udara … Cape Town … universitas … "
        { id: 'scattered', term: 'cape', positions: [4, 20] },
        { id: 'scattered', term: 'town', positions: [5, 21] },
        { id: 'scattered', term: 'universitas', positions: [60] },
      ],
      df,
      1000,
    );
    expect(s.get('together')).toBeGreaterThan(s.get('scattered') ?? 0);
    // The adjacent "cape town" pair counts in both; only the distant university does not.
    expect(s.get('scattered')).toBeGreaterThan(0);
  });

  it('gives nothing to a passage with one of the words only', () => {
    const s = proximity([{ id: 'one', term: 'cape', positions: [1, 2, 3] }], df, 1000);
    expect(s.has('one')).toBe(false);
  });
});

describe('bm25 term weights', () => {
  it('multiplies a weighted term and leaves the others', () => {
    const df = new Map([
      ['yordan', 3],
      ['letak', 3],
    ]);
    const corpus = { n: 1000, avgLen: 100 };
    const s = bm25(
      [
        { id: 'name', term: 'yordan', tf: 1, len: 100, weight: 1.5 },
        { id: 'word', term: 'letak', tf: 1, len: 100 },
      ],
      df,
      corpus,
    );
    expect(s.get('name')).toBeCloseTo(1.5 * (s.get('word') ?? 0), 10);
  });
});
