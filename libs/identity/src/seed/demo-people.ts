/** Deterministic generator of plausible Jakarta civil servants for demo data and benchmarks. */

const GIVEN = [
  'Agus',
  'Budi',
  'Citra',
  'Dewi',
  'Eko',
  'Fitri',
  'Gilang',
  'Hendra',
  'Indah',
  'Joko',
  'Kartika',
  'Lestari',
  'Mulyadi',
  'Nurul',
  'Oktaviani',
  'Putri',
  'Rahmat',
  'Sari',
  'Taufik',
  'Utami',
  'Wahyu',
  'Yanti',
  'Zainal',
  'Ayu',
  'Bambang',
  'Dian',
  'Fajar',
  'Hadi',
  'Irawati',
  'Kurniawan',
  'Ratna',
  'Siti',
  'Teguh',
  'Wulan',
  'Yusuf',
  'Anisa',
  'Dimas',
  'Lina',
  'Rizky',
  'Maya',
];
const FAMILY = [
  'Santoso',
  'Wijaya',
  'Hidayat',
  'Saputra',
  'Lestari',
  'Pratama',
  'Nugroho',
  'Siregar',
  'Simanjuntak',
  'Rahman',
  'Kusuma',
  'Setiawan',
  'Hasibuan',
  'Wibowo',
  'Permana',
  'Suryani',
  'Handayani',
  'Firmansyah',
  'Purnomo',
  'Situmorang',
  'Harahap',
  'Susanto',
  'Gunawan',
  'Maulana',
];
export const DEMO_POSITIONS: readonly { jabatan: string; kategori: string }[] = [
  { jabatan: 'Analis Kebijakan Ahli Muda', kategori: 'fungsional_ahli_muda' },
  {
    jabatan: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama',
    kategori: 'fungsional_ahli_pertama',
  },
  { jabatan: 'Perencana Ahli Madya', kategori: 'fungsional_ahli_madya' },
  { jabatan: 'Widyaiswara Ahli Utama', kategori: 'fungsional_ahli_utama' },
  { jabatan: 'Kepala Subbagian Umum', kategori: 'administrasi' },
  { jabatan: 'Kepala Seksi Pelayanan', kategori: 'administrasi' },
  { jabatan: 'Pengelola Data dan Informasi', kategori: 'administrasi' },
  { jabatan: 'Pranata Komputer Ahli Muda', kategori: 'fungsional_ahli_muda' },
  { jabatan: 'Kepala Badan', kategori: 'pimpinan_tinggi' },
  { jabatan: 'Auditor Ahli Madya', kategori: 'fungsional_ahli_madya' },
];

/** Small seeded PRNG (mulberry32) so demo data is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** A valid NIP: birth date, appointment month, sex digit, 3-digit sequence. */
export function makeNip(rand: () => number, sequence: number): string {
  const year = 1966 + Math.floor(rand() * 34);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const apptYear = Math.min(2024, year + 21 + Math.floor(rand() * 10));
  const apptMonth = 1 + Math.floor(rand() * 12);
  const sex = rand() < 0.5 ? 1 : 2;
  return `${year}${pad(month, 2)}${pad(day, 2)}${apptYear}${pad(apptMonth, 2)}${sex}${pad(sequence % 1000, 3)}`;
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

export function makeName(rand: () => number): string {
  return `${pick(rand, GIVEN)} ${pick(rand, FAMILY)}`;
}
