import { describe, expect, it } from '@jest/globals';
import { defaultOrder, sortRows, validateRankingSearch } from './award-search';

const row = (opdCode: string, opdName: string, rank: number, total: number, dok: number) => ({
  opdCode,
  opdName,
  rank,
  total,
  aspects: {
    relevansi: { score: 0 },
    partisipasi: { score: 0 },
    dokumentasi: { score: dok },
    diseminasi: { score: 0 },
    manfaat: { score: 0 },
    keberlanjutan: { score: 0 },
  },
});

describe('the ranking order in the URL', () => {
  it('keeps only a real year, a known column and a direction', () => {
    expect(validateRankingSearch({ tahun: '2025', urut: 'dokumentasi', arah: 'asc' })).toEqual({
      tahun: 2025,
      urut: 'dokumentasi',
      arah: 'asc',
    });
    expect(validateRankingSearch({ tahun: '1999', urut: 'rahasia', arah: 'up' })).toEqual({});
    expect(validateRankingSearch({ tahun: '2025.5', urut: 'rank' })).toEqual({});
  });

  it('sorts by a column, ties in ranking order, names by Indonesian collation', () => {
    const rows = [
      row('A', 'Dinas Kesehatan', 1, 80, 50),
      row('B', 'Badan Kepegawaian', 2, 70, 90),
      row('C', 'Biro Umum', 3, 60, 50),
    ];
    expect(sortRows(rows, 'dokumentasi', 'desc').map((r) => r.opdCode)).toEqual(['B', 'A', 'C']);
    expect(sortRows(rows, 'dokumentasi', 'asc').map((r) => r.opdCode)).toEqual(['A', 'C', 'B']);
    expect(sortRows(rows, 'opd', 'asc').map((r) => r.opdCode)).toEqual(['B', 'C', 'A']);
    expect(sortRows(rows, 'total', 'asc').map((r) => r.opdCode)).toEqual(['C', 'B', 'A']);
    expect(defaultOrder('rank')).toBe('asc');
    expect(defaultOrder('total')).toBe('desc');
  });
});
