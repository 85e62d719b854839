import { Injectable } from '@nestjs/common';
import type { Principal } from '@lumbung/identity';
import { ASSET_TYPE_TEMPLATES } from '@lumbung/knowledge';
import {
  type ColumnKind,
  type ExportBook,
  type ExportCell,
  type ExportColumn,
  type ExportSheet,
} from '@lumbung/platform';
import { AwardScoresService, type ScoreRow } from './award-scores.service';
import { ASPECTS, type AspectKey, type InputScore } from './scoring';

const col = (header: string, kind: ColumnKind, explain: string): ExportColumn => ({
  header,
  kind,
  explain,
});

/** Ranking columns the committee reads: heading, kind and what each counts. */
const METRIC_COLUMNS: [keyof ScoreRunMetrics, ExportColumn][] = [
  ['headcount', col('Jumlah ASN', 'integer', 'ASN aktif OPD (dasar angka per 100 ASN).')],
  [
    'publishedAssets',
    col('Aset terbit', 'integer', 'Aset pengetahuan yang terbit dalam tahun ini.'),
  ],
  [
    'meanCompleteness',
    col(
      'Rata-rata kelengkapan',
      'percent',
      'Rata-rata kelengkapan templat aset yang terbit (0–100 %).',
    ),
  ],
  [
    'tacitShare',
    col(
      'Porsi aset tacit',
      'percent',
      'Bagian aset jenis tacit (praktik baik, pelajaran, wawancara, resep) dari semua aset terbit.',
    ),
  ],
  [
    'internalReachPercent',
    col(
      'Jangkauan internal (%)',
      'decimal',
      'Persen ASN OPD yang membaca setidaknya satu asetnya (target 50 %).',
    ),
  ],
  [
    'otherOpdsReached',
    col('OPD lain terjangkau', 'integer', 'Jumlah OPD lain yang ASN-nya membaca aset OPD ini.'),
  ],
  [
    'uniqueDownloadsPerAsset',
    col(
      'Unduhan unik per aset',
      'decimal',
      'Unduhan unik (satu per orang per aset per hari) dibagi aset terbit.',
    ),
  ],
  ['meetings', col('Pertemuan CoP', 'integer', 'Pertemuan CoP OPD yang dicatat dalam tahun ini.')],
  [
    'distinctAttendees',
    col('Peserta berbeda', 'integer', 'Orang berbeda yang menghadiri pertemuan CoP OPD.'),
  ],
  [
    'activeQuarters',
    col(
      'Triwulan aktif',
      'integer',
      'Triwulan (dari 4) dengan setidaknya satu pertemuan atau aset terbit.',
    ),
  ],
  ['endorsements', col('Penilaian bermanfaat', 'integer', 'Tanda "Bermanfaat" pada aset OPD.')],
  ['reuseReports', col('Laporan penerapan', 'integer', 'Laporan "Saya terapkan" pada aset OPD.')],
  [
    'reuseReportsOtherOpd',
    col(
      'Laporan penerapan dari OPD lain',
      'integer',
      'Laporan penerapan yang dibuat ASN OPD lain.',
    ),
  ],
];
type ScoreRunMetrics = Awaited<ReturnType<AwardScoresService['compute']>>['metrics'][number];

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
const UNIT_LABEL: Record<InputScore['unit'], string> = {
  per100Asn: 'per 100 ASN',
  percent: 'persen',
  quarters: 'triwulan (dari 4)',
  number: 'angka',
};
const SEVERITY_LABEL: Record<string, string> = { high: 'Tinggi', medium: 'Sedang', low: 'Rendah' };
const QUARTER = ['I', 'II', 'III', 'IV'];
const quarterLabel = (q: number): string => `Triwulan ${QUARTER[q - 1] ?? q}`;

/** The ranking with the six aspects and their inputs, or one OPD's evidence pack. */
@Injectable()
export class AwardExportService {
  constructor(private readonly scores: AwardScoresService) {}

  async ranking(year: number): Promise<ExportBook> {
    const snapshot = await this.scores.snapshot(year);
    const run = snapshot ?? (await this.scores.compute(year, false));
    const metrics = new Map(run.metrics.map((m) => [m.opdCode, m]));
    const columns = [
      col('Peringkat', 'integer', 'Urutan menurut Nilai Total (sama nilai, sama peringkat).'),
      col('Kode OPD', 'text', 'Kode singkat OPD.'),
      col('Nama OPD', 'text', 'Nama resmi OPD.'),
      col('Nilai Total', 'decimal', 'Jumlah nilai aspek dikali bobot aspek dalam rubrik (0–100).'),
      col('Pemenang', 'yesNo', `Ya untuk ${run.rubric.winners} OPD teratas.`),
      col(
        'Sementara',
        'yesNo',
        'Ya bila ada aspek yang belum dinilai asesor (nilai dapat berubah).',
      ),
      ...ASPECTS.flatMap((a) => [
        col(
          `${a.label} (data)`,
          'decimal',
          `Nilai data aspek ${a.label}: rata-rata berbobot masukannya (lembar Masukan), 0–100.`,
        ),
        col(
          `${a.label} (asesor)`,
          'decimal',
          `Nilai asesor aspek ${a.label} (0–100), kosong bila belum dinilai.`,
        ),
        col(
          `${a.label} (nilai)`,
          'decimal',
          `Nilai aspek ${a.label}: nilai data dan nilai asesor digabung dengan bobot data rubrik.`,
        ),
      ]),
      ...METRIC_COLUMNS.map(([, c]) => c),
      col('Versi rubrik', 'integer', 'Versi bobot rubrik yang dipakai untuk nilai ini.'),
    ];
    const rows = run.rows.map((r: ScoreRow): ExportCell[] => [
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
      ...METRIC_COLUMNS.map(([key]) => (metrics.get(r.opdCode)?.[key] ?? null) as ExportCell),
      r.rubricVersion,
    ]);
    const inputs = inputsSheet(run.data.map((d) => ({ opdCode: d.opdCode, aspects: d.aspects })));
    return {
      intro: [
        `Penghargaan Knowledge Management (KMA) ${year}: peringkat OPD`,
        `Versi rubrik ${run.rubric.version}, aturan ${run.rubric.rulesVersion}; ${
          snapshot ? 'final' : 'sementara (belum difinalkan)'
        }`,
      ],
      sheets: [{ name: `Peringkat ${year}`, columns, rows }, inputs],
    };
  }

  async evidencePack(principal: Principal, year: number, code: string): Promise<ExportBook> {
    const d = await this.scores.drillDown(principal, year, code);
    const summary: ExportSheet = {
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
    const e = d.evidence;
    return {
      intro: [
        `Penghargaan KMA ${year}: paket bukti ${d.opdName} (${d.opdCode})`,
        `Versi rubrik ${d.rubricVersion}; ${d.frozen ? 'final' : 'sementara (belum difinalkan)'}`,
      ],
      sheets: [
        summary,
        inputsSheet([{ aspects: d.aspects }]),
        {
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
        },
        {
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
        },
        {
          name: 'Laporan Penerapan',
          columns: [
            col(
              'Aset',
              'text',
              'Aset yang diterapkan ("(terbatas)" bila Anda tidak dapat membacanya).',
            ),
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
        },
        {
          name: 'Anomali',
          columns: [
            col(
              'Tingkat',
              'text',
              'Tinggi, sedang atau rendah; daftar diurutkan dari yang tertinggi.',
            ),
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
        },
      ],
    };
  }
}

/** Every input of every aspect: raw, normalised, weight and formula (with the OPD when several). */
function inputsSheet(
  opds: { opdCode?: string; aspects: Record<AspectKey, { inputs: InputScore[] }> }[],
): ExportSheet {
  const withOpd = opds.some((o) => o.opdCode);
  return {
    name: 'Masukan',
    columns: [
      ...(withOpd ? [col('Kode OPD', 'text', 'Kode singkat OPD.')] : []),
      col('Aspek', 'text', 'Aspek yang memakai masukan ini.'),
      col('Masukan', 'text', 'Nama masukan data.'),
      col(
        'Nilai',
        'decimal',
        'Angka yang disebut nama masukan, dalam satuannya (kolom Satuan), sebelum dinormalisasi.',
      ),
      col('Satuan', 'text', 'Per 100 ASN, persen, triwulan (dari 4), atau angka apa adanya.'),
      col(
        'Jumlah',
        'integer',
        'Hitungan di balik laju per 100 ASN (mis. jumlah klik); kosong untuk satuan lain.',
      ),
      col(
        'Nilai normalisasi (0-100)',
        'decimal',
        'Nilai mentah dibandingkan semua OPD, diubah ke 0–100.',
      ),
      col('Bobot', 'percent', 'Bobot masukan dalam aspeknya.'),
      col('Rumus', 'longText', 'Cara menghitung nilai mentah dan normalisasinya.'),
    ],
    rows: opds.flatMap((o) =>
      ASPECTS.flatMap((a) =>
        o.aspects[a.key].inputs.map((i) => [
          ...(withOpd ? [o.opdCode ?? null] : []),
          a.label,
          i.label,
          i.value,
          UNIT_LABEL[i.unit],
          i.count,
          i.normalised,
          i.weight,
          i.formula,
        ]),
      ),
    ),
  };
}
