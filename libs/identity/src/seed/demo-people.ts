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
export interface DemoPosition {
  jabatan: string;
  kategori: string;
}

const fungsional = (jabatan: string, level: 'pertama' | 'muda' | 'madya'): DemoPosition => ({
  jabatan: `${jabatan} Ahli ${level[0].toUpperCase()}${level.slice(1)}`,
  kategori: `fungsional_ahli_${level}`,
});
const adm = (jabatan: string): DemoPosition => ({ jabatan, kategori: 'administrasi' });
const COMMON: readonly DemoPosition[] = [
  fungsional('Analis Kebijakan', 'muda'),
  fungsional('Perencana', 'madya'),
  fungsional('Pranata Komputer', 'muda'),
  fungsional('Analis Sumber Daya Manusia Aparatur', 'pertama'),
  adm('Pengelola Data dan Informasi'),
];

/** Positions by agency type (the head first), read from the OPD's name: the head's title and its units differ. */
const BY_KIND: Record<string, readonly DemoPosition[]> = {
  Badan: [
    { jabatan: 'Kepala Badan', kategori: 'pimpinan_tinggi' },
    adm('Kepala Bidang Program dan Pelaporan'),
    adm('Kepala Subbagian Umum'),
    adm('Kepala Subbidang Evaluasi'),
  ],
  Dinas: [
    { jabatan: 'Kepala Dinas', kategori: 'pimpinan_tinggi' },
    adm('Kepala Bidang Pelayanan'),
    adm('Kepala Seksi Pelayanan'),
    adm('Kepala Subbagian Umum'),
  ],
  Biro: [
    { jabatan: 'Kepala Biro', kategori: 'pimpinan_tinggi' },
    adm('Kepala Bagian'),
    adm('Kepala Subbagian Tata Usaha Biro'),
    fungsional('Analis Hukum', 'muda'),
  ],
  Kota: [
    { jabatan: 'Sekretaris Kota Administrasi', kategori: 'pimpinan_tinggi' },
    adm('Camat'),
    adm('Lurah'),
    adm('Kepala Bagian Pemerintahan'),
  ],
  Kabupaten: [
    { jabatan: 'Sekretaris Kabupaten Administrasi', kategori: 'pimpinan_tinggi' },
    adm('Camat'),
    adm('Lurah'),
    adm('Kepala Bagian Perekonomian dan Pembangunan'),
  ],
  Inspektorat: [
    { jabatan: 'Inspektur', kategori: 'pimpinan_tinggi' },
    adm('Inspektur Pembantu Wilayah'),
    fungsional('Auditor', 'madya'),
    fungsional('Auditor', 'muda'),
    fungsional('Pengawas Penyelenggaraan Urusan Pemerintahan Daerah', 'muda'),
  ],
  Satuan: [
    { jabatan: 'Kepala Satuan Polisi Pamong Praja', kategori: 'pimpinan_tinggi' },
    adm('Kepala Bidang Penegakan Peraturan Daerah'),
    adm('Kepala Seksi Operasi dan Pengendalian'),
    fungsional('Polisi Pamong Praja', 'pertama'),
  ],
  Sekretariat: [
    { jabatan: 'Sekretaris', kategori: 'pimpinan_tinggi' },
    adm('Kepala Bagian Persidangan'),
    adm('Kepala Subbagian Rapat dan Risalah'),
    fungsional('Analis Hukum', 'muda'),
  ],
};

/**
 * Staff positions that fit an OPD: its agency type (Badan, Dinas, Biro, Kota…, read from its name)
 * and its mandate. The head's own title (first of each list) is not handed out to staff.
 */
export function positionsFor(opdName: string, code = ''): readonly DemoPosition[] {
  const own = (BY_KIND[opdName.split(' ')[0]] ?? BY_KIND.Badan).slice(1);
  const extra =
    code === 'BPSDM'
      ? [
          fungsional('Widyaiswara', 'madya'),
          { jabatan: 'Widyaiswara Ahli Utama', kategori: 'fungsional_ahli_utama' },
        ]
      : code === 'DINKES'
        ? [
            fungsional('Epidemiolog Kesehatan', 'muda'),
            fungsional('Administrator Kesehatan', 'madya'),
          ]
        : code === 'BPKD' || code === 'BAPENDA'
          ? [fungsional('Analis Keuangan Pusat dan Daerah', 'muda')]
          : [];
  return [...own, ...COMMON, ...extra];
}

/** Every demo position (any agency type). */
export const DEMO_POSITIONS: readonly DemoPosition[] = [
  ...new Map(
    [
      ...Object.values(BY_KIND).flat(),
      ...COMMON,
      ...positionsFor('', 'BPSDM'),
      ...positionsFor('', 'DINKES'),
    ].map((p) => [p.jabatan, p]),
  ).values(),
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
