/** Question words: a query with one is a natural-language question (and they carry no topic). */
export const QUESTION_WORDS: readonly string[] = [
  'apa',
  'apakah',
  'siapa',
  'siapakah',
  'kapan',
  'kapankah',
  'dimana',
  'dimanakah',
  'di mana',
  'manakah',
  'bagaimana',
  'bagaimanakah',
  'mengapa',
  'kenapa',
  'berapa',
  'berapakah',
  'bilamana',
];

/**
 * Indonesian tuning that lives in code. Stop words drop only function and question words that
 * carry no topic (meaningful words such as "tahun", "cara", "tidak" stay searchable).
 */
export const STOP_WORDS: readonly string[] = [
  'yang',
  'dan',
  'di',
  'ke',
  'dari',
  'untuk',
  'dengan',
  'pada',
  'adalah',
  'ini',
  'itu',
  'atau',
  'dalam',
  'oleh',
  'sebagai',
  'tersebut',
  'juga',
  'akan',
  'telah',
  'sudah',
  'para',
  'sang',
  'si',
  'nya',
  'pun',
  'lah',
  'kah',
  ...QUESTION_WORDS,
  'yakni',
  'yaitu',
  'ialah',
  'merupakan',
];

/**
 * Government vocabulary that means the same thing. Each set is expanded both ways. Admins add
 * and change sets at runtime (search_synonyms table); these are the defaults.
 */
export const DEFAULT_SYNONYM_SETS: readonly (readonly string[])[] = [
  ['asn', 'pns', 'pegawai', 'aparatur sipil negara', 'pegawai negeri sipil'],
  ['opd', 'skpd', 'perangkat daerah', 'organisasi perangkat daerah'],
  ['kak', 'tor', 'kerangka acuan kerja', 'term of reference'],
  ['sop', 'prosedur', 'standar operasional prosedur'],
  ['pergub', 'peraturan gubernur'],
  ['perda', 'peraturan daerah'],
  ['kepgub', 'keputusan gubernur'],
  ['apbd', 'anggaran pendapatan dan belanja daerah'],
  ['layanan', 'pelayanan'],
  ['izin', 'perizinan', 'ijin'],
  ['awas', 'pengawasan'],
  ['lindung', 'perlindungan'],
  ['latih', 'pelatihan', 'diklat'],
  ['km', 'manajemen pengetahuan', 'knowledge management'],
  ['cop', 'komunitas praktik', 'community of practice'],
  ['pensiun', 'purnabakti'],
  ['mutasi', 'rotasi'],
  ['pengadaan', 'pbj', 'pengadaan barang dan jasa'],
  ['puskesmas', 'pusat kesehatan masyarakat'],
  ['rsud', 'rumah sakit umum daerah'],
  ['satpol pp', 'satuan polisi pamong praja'],
  ['ptsp', 'pelayanan terpadu satu pintu'],
];

/** Meilisearch's synonym map: every member of a set maps to all the others. */
export function synonymMap(sets: readonly (readonly string[])[]): Record<string, string[]> {
  const map: Record<string, Set<string>> = {};
  for (const set of sets) {
    const words = [...new Set(set.map((w) => w.trim().toLowerCase()).filter(Boolean))];
    for (const w of words) {
      map[w] ??= new Set();
      for (const other of words) if (other !== w) map[w].add(other);
    }
  }
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, [...v].sort()]));
}
