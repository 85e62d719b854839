import { describe, expect, it } from '@jest/globals';
import { highlightParts, replaceTerm } from './highlight';

describe('search highlights', () => {
  it('splits text at the API ranges into plain and marked parts', () => {
    expect(highlightParts('Pelayanan perizinan daring', [[10, 19]])).toEqual([
      { text: 'Pelayanan ', marked: false },
      { text: 'perizinan', marked: true },
      { text: ' daring', marked: false },
    ]);
  });

  it('merges overlapping ranges, clamps them, and keeps text without marks whole', () => {
    expect(
      highlightParts('abcdef', [
        [4, 99],
        [0, 2],
        [1, 3],
        [5, 5],
      ]),
    ).toEqual([
      { text: 'abc', marked: true },
      { text: 'd', marked: false },
      { text: 'ef', marked: true },
    ]);
    expect(highlightParts('<b>teks</b>', [])).toEqual([{ text: '<b>teks</b>', marked: false }]);
  });

  it('replaces a term of the query by a synonym', () => {
    expect(replaceTerm('syarat izin usaha', 'izin', 'perizinan')).toBe('syarat perizinan usaha');
    expect(replaceTerm('SOP pengadaan', 'sop', 'standar operasional prosedur')).toBe(
      'standar operasional prosedur pengadaan',
    );
    expect(replaceTerm('pergub', 'peraturan gubernur', 'pergub')).toBe('pergub');
  });
});
