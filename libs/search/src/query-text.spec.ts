import { contentWords, isQuestion, typingWord, withExpansions } from './query-text';

describe('query text', () => {
  it('keeps the word being typed last, whatever is added', () => {
    expect(withExpansions('pengetahaun zqkanarim', ['etahaun'])).toBe(
      'etahaun pengetahaun zqkanarim',
    );
    expect(withExpansions('izin usaha', ['perizinan', 'izin'])).toBe('perizinan izin usaha');
    expect(withExpansions('banjir', [])).toBe('banjir');
  });

  it('knows the word being typed from a finished one', () => {
    expect(typingWord('pengetahuan zqk')).toBe('zqk');
    expect(typingWord('pengetahuan zqk ')).toBeUndefined();
    expect(typingWord('apa itu stunting?')).toBeUndefined();
    expect(typingWord('')).toBeUndefined();
  });

  it('tells questions from keywords', () => {
    expect(isQuestion('apa itu stunting')).toBe(true);
    expect(isQuestion('stunting?')).toBe(true);
    expect(isQuestion('laporan evaluasi program posyandu')).toBe(true);
    expect(isQuestion('izin usaha')).toBe(false);
    expect(contentWords('Apa itu SOP dan SOP?')).toEqual(['sop']);
  });
});
