import { describe, expect, it } from '@jest/globals';
import { byTriwulan, triwulanNumeral } from './triwulan';

describe('byTriwulan', () => {
  it('groups by year and Triwulan, newest first, keeping the order inside a group', () => {
    const groups = byTriwulan([
      { id: 'a', year: 2025, quarter: 1 },
      { id: 'b', year: 2025, quarter: 2 },
      { id: 'c', year: 2025, quarter: 1 },
      { id: 'd', year: 2024, quarter: 4 },
    ]);
    expect(groups.map((g) => [g.year, g.quarter, g.items.map((i) => i.id)])).toEqual([
      [2025, 2, ['b']],
      [2025, 1, ['a', 'c']],
      [2024, 4, ['d']],
    ]);
  });

  it('writes Triwulan in Roman numerals', () => {
    expect([1, 2, 3, 4].map(triwulanNumeral)).toEqual(['I', 'II', 'III', 'IV']);
  });
});
