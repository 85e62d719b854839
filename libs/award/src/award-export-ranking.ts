import type { ExportCell, ExportColumn } from '@lumbung/platform';
import { col } from './award-export-inputs';
import type { ScoreRow, ScoreRun } from './award-score-runs.service';
import { ASPECTS } from './scoring';

type ScoreRunMetrics = ScoreRun['metrics'][number];

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

/** The ranking sheet's columns: rank, OPD, total, the six aspects, the metrics, the rubric. */
export function rankingColumns(winners: number): ExportColumn[] {
  return [
    col('Peringkat', 'integer', 'Urutan menurut Nilai Total (sama nilai, sama peringkat).'),
    col('Kode OPD', 'text', 'Kode singkat OPD.'),
    col('Nama OPD', 'text', 'Nama resmi OPD.'),
    col('Nilai Total', 'decimal', 'Jumlah nilai aspek dikali bobot aspek dalam rubrik (0–100).'),
    col('Pemenang', 'yesNo', `Ya untuk ${winners} OPD teratas.`),
    col('Sementara', 'yesNo', 'Ya bila ada aspek yang belum dinilai asesor (nilai dapat berubah).'),
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
}

/** One ranking row per OPD, in the order of {@link rankingColumns}. */
export function rankingRows(run: Pick<ScoreRun, 'rows' | 'metrics'>): ExportCell[][] {
  const metrics = new Map(run.metrics.map((m) => [m.opdCode, m]));
  return run.rows.map((r: ScoreRow): ExportCell[] => [
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
}
