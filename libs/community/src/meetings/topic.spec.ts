import { normalizeTopic } from './topic';

describe('normalizeTopic', () => {
  it('normalises topics for duplicate checks', () => {
    expect(normalizeTopic('  Rapat  Evaluasi: Triwulan-I! ')).toBe('rapat evaluasi triwulan i');
    expect(normalizeTopic('RAPAT evaluasi triwulan I')).toBe('rapat evaluasi triwulan i');
  });
});
