import type { OpdMetrics } from './opd-metrics';

/** How a number reads: a count, a 0..1 share, a percentage (0..100) or an unbounded ratio. */
export type MetricUnit = 'count' | 'share' | 'percent' | 'ratio';

/**
 * What one number of an OPD's metrics means: its name, unit and how it is counted (the rules:
 * libs/metrics/README.md), in Indonesian and English. Every place that shows the number (the OPD
 * dashboard, the award's drill-down) shows this text beside it, so a label cannot drift from what
 * is computed.
 */
export interface MetricDefinition {
  key: keyof OpdMetrics | 'readersByOpd';
  label: string;
  labelEn: string;
  unit: MetricUnit;
  definition: string;
  definitionEn: string;
}

const PERIOD = 'dalam periode (tahun atau Triwulan, menurut tanggal WIB)';
const PERIOD_EN = 'in the period (year or Triwulan, by WIB date)';

/** The definitions, in the order the OPD dashboard shows the numbers. */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  {
    key: 'publishedAssets',
    label: 'Aset terbit',
    labelEn: 'Published assets',
    unit: 'count',
    definition: `Aset OPD yang diterbitkan ${PERIOD} dan masih berstatus terbit.`,
    definitionEn: `The OPD's assets published ${PERIOD_EN} and still published.`,
  },
  {
    key: 'views',
    label: 'Tayangan',
    labelEn: 'Views',
    unit: 'count',
    definition:
      'Tayangan aset OPD; tayangan ulang oleh orang yang sama dalam 30 detik dihitung sekali, penulis aset, admin dan akun layanan tidak dihitung.',
    definitionEn:
      "Views of the OPD's assets; repeats by the same person within 30 seconds count once, the assets' authors, admins and service accounts never count.",
  },
  {
    key: 'uniqueReaders',
    label: 'Pembaca unik',
    labelEn: 'Distinct readers',
    unit: 'count',
    definition: `ASN berbeda yang masuk dan membaca aset OPD ${PERIOD}, dari OPD mana pun (penulis aset tidak dihitung).`,
    definitionEn: `Distinct signed-in ASN who read the OPD's assets ${PERIOD_EN}, from any OPD (the assets' authors excluded).`,
  },
  {
    key: 'internalReaders',
    label: 'Pembaca dari OPD sendiri',
    labelEn: 'Readers from the OPD itself',
    unit: 'count',
    definition: `Pembaca unik yang bertugas di OPD ini ${PERIOD}.`,
    definitionEn: `Distinct readers who work in this OPD ${PERIOD_EN}.`,
  },
  {
    key: 'internalReachPercent',
    label: 'Jangkauan internal',
    labelEn: 'Internal reach',
    unit: 'percent',
    definition:
      'Pembaca dari OPD sendiri ÷ jumlah ASN OPD × 100. Target BPSDM: sedikitnya 50 % ASN OPD membaca asetnya.',
    definitionEn:
      "Readers from the OPD itself ÷ the OPD's ASN headcount × 100. BPSDM's target: at least 50 % of the OPD's ASN read its assets.",
  },
  {
    key: 'otherOpdsReached',
    label: 'OPD lain yang membaca',
    labelEn: 'Other OPDs with readers',
    unit: 'count',
    definition: `Jumlah OPD lain yang sedikitnya satu ASN-nya membaca aset OPD ini ${PERIOD} (jangkauan lintas OPD).`,
    definitionEn: `Number of other OPDs with at least one ASN who read this OPD's assets ${PERIOD_EN} (cross-OPD reach).`,
  },
  {
    key: 'meetings',
    label: 'Pertemuan',
    labelEn: 'Meetings',
    unit: 'count',
    definition: `Pertemuan Komunitas Praktik yang diselenggarakan OPD ini ${PERIOD}.`,
    definitionEn: `Meetings of the communities of practice this OPD hosts ${PERIOD_EN}.`,
  },
  {
    key: 'distinctAttendees',
    label: 'Peserta unik',
    labelEn: 'Distinct attendees',
    unit: 'count',
    definition: 'ASN berbeda yang tercatat hadir di pertemuan tersebut, dari OPD mana pun.',
    definitionEn: 'Distinct ASN recorded as attending those meetings, from any OPD.',
  },
  {
    key: 'meanAttendanceRatio',
    label: 'Rata-rata kehadiran',
    labelEn: 'Mean attendance',
    unit: 'share',
    definition:
      'Rata-rata per pertemuan dari jumlah hadir ÷ anggota Komunitas Praktik pada tanggal itu (paling tinggi 100 %).',
    definitionEn:
      "Mean over meetings of attendees ÷ the community's members on that date (at most 100 %).",
  },
  {
    key: 'crossOpdMeetings',
    label: 'Pertemuan lintas OPD',
    labelEn: 'Cross-OPD meetings',
    unit: 'count',
    definition: 'Pertemuan yang dihadiri sedikitnya satu ASN dari OPD lain.',
    definitionEn: 'Meetings attended by at least one ASN from another OPD.',
  },
  {
    key: 'headcount',
    label: 'Jumlah ASN',
    labelEn: 'ASN headcount',
    unit: 'count',
    definition: 'Jumlah ASN resmi OPD (dasar setiap angka per 100 ASN dan jangkauan internal).',
    definitionEn:
      "The OPD's official ASN headcount (the base of every per-100-ASN rate and reach).",
  },
  {
    key: 'atRiskCoverage',
    label: 'Cakupan pengetahuan berisiko',
    labelEn: 'Knowledge-at-risk coverage',
    unit: 'share',
    definition:
      'Pegawai berisiko tinggi yang wawancara retensinya terbit sebelum mereka berhenti ÷ semua pegawai berisiko tinggi pada tahun itu; masukan aspek Keberlanjutan Penghargaan KMA.',
    definitionEn:
      "High-risk staff whose retention interview was published before they left ÷ all the year's high-risk staff; an input of the KMA award's Sustainability aspect.",
  },
  {
    key: 'readersByOpd',
    label: 'Pembaca per OPD',
    labelEn: 'Readers by OPD',
    unit: 'count',
    definition:
      'Pembaca unik aset OPD ini menurut OPD tempat pembaca bertugas, per Triwulan; jumlah baris setahun sama dengan pembaca unik setahun.',
    definitionEn:
      "Distinct readers of this OPD's assets by the OPD the reader works in, per Triwulan; the year's rows add up to the year's distinct readers.",
  },
];
