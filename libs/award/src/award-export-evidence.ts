import { ASSET_TYPE_TEMPLATES } from '@lumbung/knowledge';
import type { ExportSheet } from '@lumbung/platform';
import { col, inputsSheet } from './award-export-inputs';
import type { AwardScoresService } from './award-scores.service';
import { ASPECTS } from './scoring';

type DrillDown = Awaited<ReturnType<AwardScoresService['drillDown']>>;
type Evidence = DrillDown['evidence'];

const TYPE_LABEL = new Map(ASSET_TYPE_TEMPLATES.map((t) => [t.type, t.label.id]));
const VISIBILITY_LABEL: Record<string, string> = {
  publik: 'Publik',
  internal: 'Internal (semua ASN)',
  opd: 'OPD',
  cop: 'Anggota CoP',
};
const ANOMALY_LABEL: Record<string, string> = {
  spike: 'Lonjakan',
  concentration: 'Dominasi satu akun',
  burst: 'Ledakan singkat',
};
const SEVERITY_LABEL: Record<string, string> = { high: 'Tinggi', medium: 'Sedang', low: 'Rendah' };
const QUARTER = ['I', 'II', 'III', 'IV'];
const quarterLabel = (q: number): string => `Triwulan ${QUARTER[q - 1] ?? q}`;

/** One OPD's evidence pack: its scores, inputs, assets, meetings, reuse reports and anomalies. */
export function evidenceSheets(d: DrillDown): ExportSheet[] {
  const e = d.evidence;
  return [
    summarySheet(d),
    inputsSheet([{ aspects: d.aspects }]),
    assetsSheet(e),
    meetingsSheet(e),
    reuseSheet(e),
    anomaliesSheet(e),
  ];
}

function summarySheet(d: DrillDown): ExportSheet {
  return {
    name: 'Ringkasan',
    columns: [
      col('Aspek', 'text', 'Aspek penilaian KMA.'),
      col('Nilai data', 'decimal', 'Rata-rata berbobot masukan aspek (lembar Masukan), 0–100.'),
      col(
        'Nilai asesor',
        'decimal',
        'Nilai yang diberikan asesor (0–100), kosong bila belum dinilai.',
      ),
      col('Nilai aspek', 'decimal', 'Nilai data dan nilai asesor digabung dengan bobot data.'),
      col('Bobot data', 'percent', 'Bagian nilai data dalam nilai aspek.'),
      col('Sementara', 'yesNo', 'Ya bila asesor belum menilai aspek ini.'),
    ],
    rows: [
      ...ASPECTS.map((a) => {
        const x = d.aspects[a.key];
        return [a.label, x.data, x.assessor, x.score, x.weight, x.provisional];
      }),
      ['Nilai Total', null, null, d.total, null, d.provisional],
      ['Peringkat', null, null, d.rank, null, null],
    ],
  };
}

function assetsSheet(e: Evidence): ExportSheet {
  return {
    name: 'Aset',
    columns: [
      col('ID', 'text', 'Pengenal aset di Lumbung.'),
      col('Judul', 'text', 'Judul aset.'),
      col('Jenis', 'text', 'Jenis templat aset.'),
      col('Visibilitas', 'text', 'Siapa yang dapat membaca aset.'),
      col(
        'Kelengkapan',
        'percent',
        'Bagian templat yang terisi (bagian wajib, ringkasan, tag, mode SECI, lampiran).',
      ),
      col('Terbit', 'datetime', 'Waktu terbit (WIB).'),
    ],
    rows: e.assets.map((a) => [
      a.id,
      a.title,
      TYPE_LABEL.get(a.type as never) ?? a.type,
      VISIBILITY_LABEL[a.visibility] ?? a.visibility,
      a.completeness,
      a.publishedAt,
    ]),
  };
}

function meetingsSheet(e: Evidence): ExportSheet {
  return {
    name: 'Pertemuan',
    columns: [
      col('ID', 'text', 'Pengenal pertemuan di Lumbung.'),
      col('CoP', 'text', 'Komunitas yang bertemu.'),
      col('Tanggal', 'date', 'Tanggal pertemuan (WIB).'),
      col('Triwulan', 'text', 'Triwulan pendampingan BPSDM.'),
      col('Topik', 'text', 'Topik pertemuan.'),
      col('Jumlah peserta', 'integer', 'Peserta yang tercatat hadir.'),
      col(
        'Notula ≤ 14 hari',
        'yesNo',
        'Ya bila notula dicatat paling lambat 14 hari setelah pertemuan.',
      ),
    ],
    rows: e.meetings.map((m) => [
      m.id,
      m.cop,
      m.heldDate,
      quarterLabel(m.quarter),
      m.topic,
      m.attendees,
      m.documented,
    ]),
  };
}

function reuseSheet(e: Evidence): ExportSheet {
  return {
    name: 'Laporan Penerapan',
    columns: [
      col('Aset', 'text', 'Aset yang diterapkan ("(terbatas)" bila Anda tidak dapat membacanya).'),
      col('OPD pelapor', 'text', 'OPD dari ASN yang menerapkan.'),
      col('Waktu', 'datetime', 'Waktu laporan (WIB).'),
      col('Cerita', 'longText', 'Cerita penerapan dari pelapor.'),
    ],
    rows: e.reuseReports.map((r) => [
      r.assetTitle ?? '(terbatas)',
      r.reporterOpdCode,
      r.at,
      r.story,
    ]),
  };
}

function anomaliesSheet(e: Evidence): ExportSheet {
  return {
    name: 'Anomali',
    columns: [
      col('Tingkat', 'text', 'Tinggi, sedang atau rendah; daftar diurutkan dari yang tertinggi.'),
      col('Jenis', 'text', 'Lonjakan, dominasi satu akun, atau ledakan singkat pemakaian.'),
      col('Periode', 'text', 'Bulan pertama lonjakan, atau hari (WIB) pertama kejadian.'),
      col('Keterangan', 'longText', 'Penjelasan dengan angka yang memicunya.'),
    ],
    rows: e.anomalies.map((a) => [
      SEVERITY_LABEL[a.severity] ?? a.severity,
      ANOMALY_LABEL[a.kind] ?? a.kind,
      a.period,
      a.message.id,
    ]),
  };
}
