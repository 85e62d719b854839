import { describe, expect, it } from '@jest/globals';
import { ASPECT_KEYS } from './award-search';
import { aspectMedians } from './median';

const row = (score: number, dokumentasi = score) => ({
  aspects: Object.fromEntries(
    ASPECT_KEYS.map((k) => [k, { score: k === 'dokumentasi' ? dokumentasi : score }]),
  ) as Record<(typeof ASPECT_KEYS)[number], { score: number }>,
});

describe('the median the radar compares an OPD with', () => {
  it('takes the middle score of an odd count and the mean of the middle two of an even one', () => {
    expect(aspectMedians([row(10), row(50), row(20)])?.relevansi).toBe(20);
    expect(aspectMedians([row(10, 1), row(50, 2), row(20, 4), row(0, 3)])).toEqual(
      expect.objectContaining({ relevansi: 15, dokumentasi: 2.5 }),
    );
    expect(aspectMedians([])).toBeNull();
  });
});
