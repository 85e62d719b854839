import { themeTopic } from './evidence.loader';

describe('themeTopic: a CoP theme as a topic', () => {
  it.each([
    ['Kearsipan Daerah', 'kearsipan-daerah'],
    ['Mutu layanan kesehatan primer', 'mutu-layanan-kesehatan-primer'],
    ['Manajemen pengetahuan dan pembelajaran ASN', 'manajemen-pengetahuan-dan-pembelajaran'],
    ['  #Lalu   Lintas ', 'lalu-lintas'],
    ['???', undefined],
  ])('%p → %p', (theme, topic) => {
    expect(themeTopic(theme)).toBe(topic);
  });
});
