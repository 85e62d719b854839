import { Workbook, type Worksheet } from 'exceljs';
import type { RegisterItemDto } from './dto/register-response.dto';

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

type Value = string | number | Date | null;
interface Column {
  header: string;
  explain: string;
  value: (i: RegisterItemDto) => Value;
  /** Excel number format for dates and shares. */
  numFmt?: string;
}

/** A calendar day (`YYYY-MM-DD`) or month (`YYYY-MM`) as an Excel date (no time, no zone shift). */
const excelDay = (day: string | null): Date | null =>
  day ? new Date(`${day.length === 7 ? `${day}-01` : day.slice(0, 10)}T00:00:00Z`) : null;

const COLUMNS: Column[] = [
  { header: 'Nama', explain: 'Nama ASN.', value: (i) => i.name },
  { header: 'Jabatan', explain: 'Jabatan saat ini.', value: (i) => i.jabatan },
  {
    header: 'Kategori jabatan',
    explain: 'Menentukan batas usia pensiun (BUP 58, 60 atau 65 tahun).',
    value: (i) => CATEGORY_LABEL[i.jabatanKategori] ?? i.jabatanKategori,
  },
  {
    header: 'Bulan keluar',
    explain:
      'Bulan pensiun (hari pertama bulan setelah ulang tahun BUP) atau bulan rencana keluar yang dicatat admin OPD. Tanggal lahir tidak pernah ditampilkan.',
    value: (i) => excelDay(i.departureMonth),
    numFmt: 'mmm yyyy',
  },
  {
    header: 'Jenis',
    explain: 'Pensiun (BUP) atau rencana keluar.',
    value: (i) => KIND_LABEL[i.departureKind] ?? i.departureKind,
  },
  {
    header: 'Alasan',
    explain: 'Alasan rencana keluar (kosong untuk pensiun BUP).',
    value: (i) =>
      i.departureReason ? (REASON_LABEL[i.departureReason] ?? i.departureReason) : null,
  },
  {
    header: 'Bulan tersisa',
    explain: 'Bulan penuh sampai keluar (negatif bila sudah lewat).',
    value: (i) => i.monthsToDeparture,
    numFmt: '0',
  },
  {
    header: 'Atrisi (1–5)',
    explain:
      'Dari waktu sampai keluar: ≤ 12 bulan 5, ≤ 24 bulan 4, ≤ 36 bulan 3, ≤ 60 bulan 2, lebih lama 1.',
    value: (i) => i.attrition,
    numFmt: '0',
  },
  {
    header: 'Kritikalitas (1–5)',
    explain:
      'Seberapa sedikit rekan di OPD yang menguasai topiknya dan seberapa sedikit topiknya terdokumentasi; nilai yang ditetapkan admin OPD bila ada.',
    value: (i) => i.criticality,
    numFmt: '0',
  },
  { header: 'Risiko (1–25)', explain: 'Atrisi × kritikalitas.', value: (i) => i.risk, numFmt: '0' },
  {
    header: 'Risiko tinggi',
    explain: 'Ya bila risiko ≥ 15.',
    value: (i) => (i.high ? 'Ya' : 'Tidak'),
  },
  {
    header: 'Topik',
    explain: 'Topik terkuat dari bukti (paling banyak 5).',
    value: (i) => i.topics.join(', '),
  },
  {
    header: 'Topik terdokumentasi',
    explain: 'Porsi topiknya yang sudah punya aset terbit (kosong tanpa topik).',
    value: (i) => i.documentedShare,
    numFmt: '0%',
  },
  {
    header: 'Rencana retensi',
    explain: 'Status wawancara retensi: Direncanakan, Diwawancarai, Aset terbit atau Dibatalkan.',
    value: (i) => (i.plan ? (PLAN_STATE_LABEL[i.plan.state] ?? i.plan.state) : 'Belum ada'),
  },
  {
    header: 'Pewawancara',
    explain: 'Siapa yang mewawancarai.',
    value: (i) => i.plan?.interviewer.name ?? null,
  },
  {
    header: 'Target wawancara',
    explain: 'Wawancara selambatnya hari ini.',
    value: (i) => excelDay(i.plan?.targetDate ?? null),
    numFmt: 'dd/mm/yyyy',
  },
  {
    header: 'Terlambat',
    explain: 'Ya bila belum diwawancarai dan target sudah lewat atau keluar ≤ 60 hari lagi.',
    value: (i) => (i.plan ? (i.plan.overdue ? 'Ya' : 'Tidak') : null),
  },
];

const MAX_WIDTH = 60;
const width = (v: Value): number => (v === null ? 0 : v instanceof Date ? 10 : String(v).length);

/** Column widths to their content (headers included), capped, so nothing is cut or sprawls. */
function fitColumns(ws: Worksheet, rows: Value[][], headers: string[]): void {
  headers.forEach((h, c) => {
    const longest = Math.max(h.length, ...rows.map((r) => width(r[c])));
    ws.getColumn(c + 1).width = Math.min(MAX_WIDTH, longest + 2);
  });
}

/**
 * The register as an assessor or OPD admin hands it on: one row per person with readable labels,
 * real dates and number formats, a frozen header with a filter, and a "Keterangan" sheet saying
 * what each column means and when the file was made.
 */
export async function registerWorkbook(
  meta: { opdCode: string; opdName: string; asOf: string; rulesVersion: string; generatedAt: Date },
  items: readonly RegisterItemDto[],
): Promise<Buffer> {
  const book = new Workbook();
  book.creator = 'Lumbung';
  book.created = meta.generatedAt;
  const ws = book.addWorksheet('Pengetahuan berisiko', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const headers = COLUMNS.map((c) => c.header);
  const rows = items.map((i) => COLUMNS.map((c) => c.value(i)));
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  COLUMNS.forEach((c, idx) => {
    if (c.numFmt) ws.getColumn(idx + 1).numFmt = c.numFmt;
  });
  ws.getRow(1).numFmt = '@';
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  fitColumns(ws, rows, headers);

  const about = book.addWorksheet('Keterangan');
  const aboutRows: Value[][] = [
    ['OPD', `${meta.opdName} (${meta.opdCode})`],
    ['Dihitung untuk tanggal', excelDay(meta.asOf)],
    ['Dibuat', meta.generatedAt],
    ['Versi aturan risiko', meta.rulesVersion],
    ['Jumlah orang', items.length],
    [null, null],
    ['Kolom', 'Arti'],
    ...COLUMNS.map((c) => [c.header, c.explain]),
    [null, null],
    [
      'Data pribadi',
      'Berisi rencana keluar pegawai (UU PDP 27/2022): hanya untuk admin dan verifikator OPD ini, penilai, dan admin. Setiap unduhan dicatat.',
    ],
  ];
  for (const r of aboutRows) about.addRow(r);
  about.getCell('B2').numFmt = 'dd/mm/yyyy';
  // The generation time in WIB as Excel shows it (Excel dates carry no zone).
  about.getCell('B3').value = new Date(meta.generatedAt.getTime() + 7 * 3600_000);
  about.getCell('B3').numFmt = 'dd/mm/yyyy hh:mm "WIB"';
  about.getRow(7).font = { bold: true };
  about.getColumn(1).width = 26;
  about.getColumn(2).width = 100;
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await book.xlsx.writeBuffer());
}
