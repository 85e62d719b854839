import { Injectable } from '@nestjs/common';
import { Workbook } from 'exceljs';
import type { Principal } from '@lumbung/identity';
import { AwardScoresService, type ScoreRow } from './award-scores.service';
import { ASPECTS, type AspectKey, type InputScore } from './scoring';

export type Cell = string | number | boolean | null;
export interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
}

/** Ranking columns the committee reads, Indonesian headings. */
const METRIC_COLUMNS: [keyof ScoreRunMetrics, string][] = [
  ['headcount', 'Jumlah ASN'],
  ['publishedAssets', 'Aset terbit'],
  ['meanCompleteness', 'Rata-rata kelengkapan'],
  ['tacitShare', 'Porsi aset tacit'],
  ['internalReachPercent', 'Jangkauan internal (%)'],
  ['otherOpdsReached', 'OPD lain terjangkau'],
  ['uniqueDownloadsPerAsset', 'Unduhan unik per aset'],
  ['meetings', 'Pertemuan CoP'],
  ['distinctAttendees', 'Peserta berbeda'],
  ['activeQuarters', 'Triwulan aktif'],
  ['endorsements', 'Penilaian bermanfaat'],
  ['reuseReports', 'Laporan penerapan'],
  ['reuseReportsOtherOpd', 'Laporan penerapan dari OPD lain'],
];
type ScoreRunMetrics = Awaited<ReturnType<AwardScoresService['compute']>>['metrics'][number];

const yesNo = (b: boolean): string => (b ? 'Ya' : 'Tidak');

/**
 * Text a spreadsheet would run as a formula: `= + - @`, their fullwidth forms `＝ ＋ － ＠` (some
 * spreadsheet setups, e.g. with East Asian input, read them as the ASCII ones), and a leading tab
 * or carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** CSV for Excel: UTF-8 BOM, CRLF, quoted fields, and no cell that a spreadsheet runs as a formula. */
export function toCsv(sheet: Sheet): Buffer {
  const cell = (v: Cell): string => {
    if (v === null) return '';
    let s = typeof v === 'boolean' ? yesNo(v) : String(v);
    if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
    return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [sheet.header, ...sheet.rows].map((r) => r.map(cell).join(','));
  return Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
  ]);
}

export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  const book = new Workbook();
  book.creator = 'Lumbung';
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name.slice(0, 31));
    ws.addRow(s.header).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((v) => (typeof v === 'boolean' ? yesNo(v) : v)));
    ws.columns.forEach((c, i) => {
      c.width = Math.min(60, Math.max(10, s.header[i]?.length ?? 10));
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The ranking with the six aspects and their inputs, or one OPD's evidence pack. */
@Injectable()
export class AwardExportService {
  constructor(private readonly scores: AwardScoresService) {}

  async ranking(year: number): Promise<Sheet[]> {
    const snapshot = await this.scores.snapshot(year);
    const run = snapshot ?? (await this.scores.compute(year, false));
    const metrics = new Map(run.metrics.map((m) => [m.opdCode, m]));
    const header = [
      'Peringkat',
      'Kode OPD',
      'Nama OPD',
      'Nilai Total',
      'Pemenang',
      'Sementara',
      ...ASPECTS.flatMap((a) => [`${a.label} (data)`, `${a.label} (asesor)`, `${a.label} (nilai)`]),
      ...METRIC_COLUMNS.map(([, label]) => label),
      'Versi rubrik',
    ];
    const rows = run.rows.map((r: ScoreRow) => [
      r.rank,
      r.opdCode,
      r.opdName,
      r.total,
      r.winner,
      r.provisional,
      ...ASPECTS.flatMap((a) => [
        r.aspects[a.key].data,
        r.aspects[a.key].assessor,
        r.aspects[a.key].score,
      ]),
      ...METRIC_COLUMNS.map(([key]) => (metrics.get(r.opdCode)?.[key] ?? null) as Cell),
      r.rubricVersion,
    ]);
    const inputs = inputsSheet(run.data.map((d) => ({ opdCode: d.opdCode, aspects: d.aspects })));
    return [{ name: `Peringkat ${year}`, header, rows }, inputs];
  }

  async evidencePack(principal: Principal, year: number, code: string): Promise<Sheet[]> {
    const d = await this.scores.drillDown(principal, year, code);
    const summary: Sheet = {
      name: 'Ringkasan',
      header: ['Aspek', 'Nilai data', 'Nilai asesor', 'Nilai aspek', 'Bobot data', 'Sementara'],
      rows: [
        ...ASPECTS.map((a) => {
          const x = d.aspects[a.key];
          return [a.label, x.data, x.assessor, x.score, x.weight, x.provisional] as Cell[];
        }),
        ['Nilai Total', null, null, d.total, null, d.provisional],
        ['Peringkat', null, null, d.rank, null, null],
      ],
    };
    const inputs = inputsSheet([{ aspects: d.aspects }]);
    const e = d.evidence;
    return [
      summary,
      inputs,
      {
        name: 'Aset',
        header: ['ID', 'Judul', 'Jenis', 'Visibilitas', 'Kelengkapan', 'Terbit'],
        rows: e.assets.map((a) => [
          a.id,
          a.title,
          a.type,
          a.visibility,
          a.completeness,
          a.publishedAt,
        ]),
      },
      {
        name: 'Pertemuan',
        header: ['ID', 'CoP', 'Tanggal', 'Triwulan', 'Topik', 'Jumlah peserta', 'Notula ≤ 14 hari'],
        rows: e.meetings.map((m) => [
          m.id,
          m.cop,
          m.heldDate,
          m.quarter,
          m.topic,
          m.attendees,
          m.documented,
        ]),
      },
      {
        name: 'Laporan Penerapan',
        header: ['Aset', 'OPD pelapor', 'Waktu', 'Cerita'],
        rows: e.reuseReports.map((r) => [
          r.assetTitle ?? '(terbatas)',
          r.reporterOpdCode,
          r.at,
          r.story,
        ]),
      },
      {
        name: 'Anomali',
        header: ['Jenis', 'Periode', 'Keterangan'],
        rows: e.anomalies.map((a) => [a.kind, a.period, a.message.id]),
      },
    ];
  }
}

/** Every input of every aspect: raw, normalised, weight and formula (with the OPD when several). */
function inputsSheet(
  opds: { opdCode?: string; aspects: Record<AspectKey, { inputs: InputScore[] }> }[],
): Sheet {
  const withOpd = opds.some((o) => o.opdCode);
  return {
    name: 'Masukan',
    header: [
      ...(withOpd ? ['Kode OPD'] : []),
      'Aspek',
      'Masukan',
      'Nilai mentah',
      'Nilai normalisasi (0-100)',
      'Bobot',
      'Rumus',
    ],
    rows: opds.flatMap((o) =>
      ASPECTS.flatMap((a) =>
        o.aspects[a.key].inputs.map((i) => [
          ...(withOpd ? [o.opdCode ?? null] : []),
          a.label,
          i.label,
          i.raw,
          i.normalised,
          i.weight,
          i.formula,
        ]),
      ),
    ),
  };
}

/** One CSV from several sheets: a `Bagian` (section) column in front. */
export function sheetsToCsv(sheets: Sheet[]): Buffer {
  if (sheets.length === 1) return toCsv(sheets[0]);
  const width = Math.max(...sheets.map((s) => s.header.length));
  const pad = (r: Cell[]): Cell[] => [...r, ...Array<Cell>(width - r.length).fill(null)];
  return toCsv({
    name: 'Paket',
    header: ['Bagian', ...pad(sheets[0].header.map(() => null)).map((_, i) => `Kolom ${i + 1}`)],
    rows: sheets.flatMap((s) => [
      [s.name, ...pad(s.header)],
      ...s.rows.map((r) => [s.name, ...pad(r)]),
    ]),
  });
}
