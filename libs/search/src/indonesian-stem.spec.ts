import { stemsOf, stemWord } from './indonesian-stem';

describe('Indonesian stemmer', () => {
  it('brings affixed forms of one word to one stem', () => {
    const forms = ['menemukan', 'penemu', 'penemuan', 'ditemukan'];
    expect(new Set(forms.map(stemWord)).size).toBe(1);
    expect(stemWord('pengetahuan')).toBe(stemWord('mengetahui'));
    expect(stemWord('pelayanan')).toBe(stemWord('melayani'));
    expect(stemWord('perizinan')).toBe('izin');
    expect(stemWord('pengawasan')).toBe(stemWord('mengawasi'));
  });

  it('leaves short words, roots and non-words alone', () => {
    expect(stemWord('gps')).toBe('gps');
    expect(stemWord('data')).toBe('data');
    expect(stemWord('2025')).toBe('2025');
  });

  it('lists only the stems that differ from the words, once each', () => {
    expect(stemsOf('Penemuan lampu oleh penemu terkenal')).toBe('temu kenal');
    expect(stemWord('menemukan')).toBe('temu');
  });
});
