import { editDistance, Vocabulary } from './spelling';

describe('spelling', () => {
  it('counts edits, an adjacent swap as one, and stops past the budget', () => {
    expect(editDistance('pengetahaun', 'pengetahuan', 2)).toBe(1);
    expect(editDistance('perizinan', 'perijinan', 2)).toBe(1);
    expect(editDistance('izin', 'ijin', 1)).toBe(1);
    expect(editDistance('banjir', 'bencana', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('offers the nearest, then most common, words of the index within the typo budget', () => {
    const v = new Vocabulary([
      ['pengetahuan', 40],
      ['pengetahuannya', 2],
      ['penetapan', 9],
      ['izin', 12],
      ['ijin', 3],
      ['perizinan', 20],
    ]);
    expect(v.corrections('pengetahaun').map((c) => c.word)).toEqual(['pengetahuan']);
    expect(v.corrections('izn')).toEqual([]);
    expect(v.corrections('izim').map((c) => c.word)).toEqual(['izin']);
    expect(v.corrections('perizinen')[0]).toEqual({
      word: 'perizinan',
      distance: 1,
      documents: 20,
    });
    expect(v.hasPrefix('pengeta')).toBe(true);
    expect(v.hasPrefix('pengetz')).toBe(false);
    expect(v.documents('izin')).toBe(12);
  });
});
