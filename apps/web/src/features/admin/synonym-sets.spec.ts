import { describe, expect, it } from '@jest/globals';
import { setProblem, wordsOf } from './synonym-sets';

describe('synonym sets as typed', () => {
  it('splits on commas, trims, lowers and drops repeats and empty words', () => {
    expect(wordsOf(' ASN, pns ,, Pegawai, asn ')).toEqual(['asn', 'pns', 'pegawai']);
  });

  it('names the rule a set breaks', () => {
    expect(setProblem('asn, pns')).toBeUndefined();
    expect(setProblem('asn')).toBe('tooFew');
    expect(setProblem('asn, ASN')).toBe('tooFew');
    expect(setProblem(Array.from({ length: 11 }, (_, i) => `kata${i}`).join(','))).toBe('tooMany');
    expect(setProblem(`asn, ${'x'.repeat(61)}`)).toBe('wordLength');
  });
});
