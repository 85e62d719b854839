import { type ColumnKind, type ExportCell, toWorkbook } from '@lumbung/platform';
import type { RegisterItemDto } from './dto/register-item.dto';

/** What a person reads instead of the codes the API carries. */
const KIND_LABEL: Record<string, string> = {
  bup: 'Pensiun (BUP)',
  rencana: 'Rencana keluar',
};
const REASON_LABEL: Record<string, string> = {
  mutasi: 'Mutasi',
  pindah_instansi: 'Pindah instansi',
  pensiun_dini: 'Pensiun dini',
  akhir_kontrak_pppk: 'Akhir kontrak PPPK',
};
const CATEGORY_LABEL: Record<string, string> = {
  administrasi: 'Administrasi',
  pimpinan_tinggi: 'Pimpinan tinggi',
  fungsional_ahli_pertama: 'Fungsional ahli pertama',
  fungsional_ahli_muda: 'Fungsional ahli muda',
  fungsional_ahli_madya: 'Fungsional ahli madya',
  fungsional_ahli_utama: 'Fungsional ahli utama',
  fungsional_keterampilan: 'Fungsional keterampilan',
  fungsional_lain: 'Fungsional lain',
};
export const PLAN_STATE_LABEL: Record<string, string> = {
  direncanakan: 'Direncanakan',
  diwawancarai: 'Diwawancarai',
  aset_terbit: 'Aset terbit',
  dibatalkan: 'Dibatalkan',
};

interface Column {
  header: string;
  kind: ColumnKind;
  explain: string;
  value: (i: RegisterItemDto) => ExportCell;
}

const COLUMNS: Column[] = [
  { header: 'Nama', kind: 'text', explain: 'Nama ASN.', value: (i) => i.name },
  { header: 'Jabatan', kind: 'text', explain: 'Jabatan saat ini.', value: (i) => i.jabatan },
  {
    header: 'Kategori jabatan',
    kind: 'text',
    explain: 'Menentukan batas usia pensiun (BUP 58, 60 atau 65 tahun).',
    value: (i) => CATEGORY_LABEL[i.jabatanKategori] ?? i.jabatanKategori,
  },
  {
    header: 'Bulan keluar',
    kind: 'month',
    explain:
      'Bulan pensiun (hari pertama bulan setelah ulang tahun BUP) atau bulan rencana keluar yang dicatat admin OPD. Tanggal lahir tidak pernah ditampilkan.',
    value: (i) => i.departureMonth,
  },
  {
    header: 'Jenis',
    kind: 'text',
    explain: 'Pensiun (BUP) atau rencana keluar.',
    value: (i) => KIND_LABEL[i.departureKind] ?? i.departureKind,
  },
  {
    header: 'Alasan',
    kind: 'text',
    explain: 'Alasan rencana keluar (kosong untuk pensiun BUP).',
    value: (i) =>
      i.departureReason ? (REASON_LABEL[i.departureReason] ?? i.departureReason) : null,
  },
  {
    header: 'Bulan tersisa',
    kind: 'integer',
    explain: 'Bulan penuh sampai keluar (negatif bila sudah lewat).',
    value: (i) => i.monthsToDeparture,
  },
  {
    header: 'Atrisi (1–5)',
    kind: 'integer',
    explain:
      'Dari waktu sampai keluar: ≤ 12 bulan 5, ≤ 24 bulan 4, ≤ 36 bulan 3, ≤ 60 bulan 2, lebih lama 1.',
    value: (i) => i.attrition,
  },
  {
    header: 'Kritikalitas (1–5)',
    kind: 'integer',
    explain:
      'Seberapa sedikit rekan di OPD yang menguasai topiknya dan seberapa sedikit topiknya terdokumentasi; nilai yang ditetapkan admin OPD bila ada.',
    value: (i) => i.criticality,
  },
  {
    header: 'Risiko (1–25)',
    kind: 'integer',
    explain: 'Atrisi × kritikalitas.',
    value: (i) => i.risk,
  },
  { header: 'Risiko tinggi', kind: 'yesNo', explain: 'Ya bila risiko ≥ 15.', value: (i) => i.high },
  {
    header: 'Topik',
    kind: 'text',
    explain: 'Topik terkuat dari bukti (paling banyak 5).',
    value: (i) => i.topics.join(', '),
  },
  {
    header: 'Topik terdokumentasi',
    kind: 'percent',
    explain: 'Porsi topiknya yang sudah punya aset terbit (kosong tanpa topik).',
    value: (i) => i.documentedShare,
  },
  {
    header: 'Rencana retensi',
    kind: 'text',
    explain: 'Status wawancara retensi: Direncanakan, Diwawancarai, Aset terbit atau Dibatalkan.',
    value: (i) => (i.plan ? (PLAN_STATE_LABEL[i.plan.state] ?? i.plan.state) : 'Belum ada'),
  },
  {
    header: 'Pewawancara',
    kind: 'text',
    explain: 'Siapa yang mewawancarai.',
    value: (i) => i.plan?.interviewer.name ?? null,
  },
  {
    header: 'Target wawancara',
    kind: 'date',
    explain: 'Wawancara selambatnya hari ini.',
    value: (i) => i.plan?.targetDate ?? null,
  },
  {
    header: 'Terlambat',
    kind: 'yesNo',
    explain: 'Ya bila belum diwawancarai dan target sudah lewat atau keluar ≤ 60 hari lagi.',
    value: (i) => (i.plan ? i.plan.overdue : null),
  },
];

/**
 * The register as an assessor or OPD admin hands it on: one row per person with readable labels,
 * real dates and number formats, a frozen filtered header, and a "Keterangan" sheet saying what
 * each column means (the shared export writer).
 */
export function registerWorkbook(
  meta: { opdCode: string; opdName: string; asOf: string; rulesVersion: string; generatedAt: Date },
  items: readonly RegisterItemDto[],
): Promise<Buffer> {
  const [y, m, d] = meta.asOf.split('-');
  return toWorkbook({
    intro: [
      `Pengetahuan berisiko: ${meta.opdName} (${meta.opdCode})`,
      `Dihitung per ${d}/${m}/${y}, aturan risiko ${meta.rulesVersion}; ${items.length} orang`,
    ],
    sheets: [
      {
        name: 'Pengetahuan berisiko',
        columns: COLUMNS.map(({ header, kind, explain }) => ({ header, kind, explain })),
        rows: items.map((i) => COLUMNS.map((c) => c.value(i))),
      },
    ],
    notes: [
      [
        'Data pribadi',
        'Berisi rencana keluar pegawai (UU PDP 27/2022): hanya untuk admin dan verifikator OPD ini, penilai, dan admin. Setiap unduhan dicatat.',
      ],
    ],
    generatedAt: meta.generatedAt,
  });
}
