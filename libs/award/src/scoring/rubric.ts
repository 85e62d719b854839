import { type OpdInputs } from './inputs';

/**
 * Version of the data-score formulas and within-aspect weights below; stored with every rubric
 * version and score. `kma-data-2026.1` feeds the knowledge-at-risk coverage (libs/risk) into
 * keberlanjutan; `kma-data-2025.1` had no register, so that input was always skipped.
 */
export const SCORING_RULES_VERSION = 'kma-data-2026.1';
export const FIRST_RULES_VERSION = 'kma-data-2025.1';

/** The six KMA aspects, in the order of the official assessment form. */
export const ASPECTS = [
  { key: 'relevansi', label: 'Relevansi Tema', labelEn: 'Theme relevance' },
  {
    key: 'partisipasi',
    label: 'Partisipasi dan Kolaborasi',
    labelEn: 'Participation and collaboration',
  },
  {
    key: 'dokumentasi',
    label: 'Dokumentasi dan Aset Pengetahuan',
    labelEn: 'Documentation and knowledge assets',
  },
  {
    key: 'diseminasi',
    label: 'Aksesibilitas dan Diseminasi',
    labelEn: 'Accessibility and dissemination',
  },
  { key: 'manfaat', label: 'Manfaat dan Dampak', labelEn: 'Benefit and impact' },
  { key: 'keberlanjutan', label: 'Keberlanjutan', labelEn: 'Sustainability' },
] as const;

export type AspectKey = (typeof ASPECTS)[number]['key'];

export const ASPECT_KEYS: readonly AspectKey[] = ASPECTS.map((aspect) => aspect.key);

/** There are 51 OPD in the provincial government; more winners than OPD is meaningless. */
export const MAX_WINNERS = 51;

export interface Rubric {
  /** Weight of each aspect in the total (BPSDM sets them per year; default all 1). */
  readonly aspectWeights: Readonly<Record<AspectKey, number>>;
  /** w in w·D + (1−w)·A, per aspect, each 0..1. */
  readonly dataWeights: Readonly<Record<AspectKey, number>>;
  /** How many top-ranked OPD win (ties at the cut-off all win). */
  readonly winners: number;
}

export const DEFAULT_RUBRIC: Rubric = Object.freeze({
  aspectWeights: Object.freeze({
    relevansi: 1,
    partisipasi: 1,
    dokumentasi: 1,
    diseminasi: 1,
    manfaat: 1,
    keberlanjutan: 1,
  }),
  dataWeights: Object.freeze({
    relevansi: 0.2,
    partisipasi: 0.7,
    dokumentasi: 0.7,
    diseminasi: 0.8,
    manfaat: 0.3,
    keberlanjutan: 0.6,
  }),
  winners: 15,
});

/** What can be wrong with a rubric's value (the problem codes of its 400). */
export type RubricProblemCode =
  | 'unknown_aspect'
  | 'not_a_number'
  | 'out_of_range'
  | 'negative'
  | 'none_positive'
  | 'winners_range';

export interface RubricProblem {
  /** Dotted path of the offending field, e.g. `dataWeights.manfaat`. */
  field: string;
  problem: RubricProblemCode;
  /** For logs and the RangeError of `combineScores` (people read libs/award's errors). */
  message: string;
}

/** Problems with a rubric (empty when valid). Checks values at runtime: rubrics come from storage. */
export function validateRubric(rubric: Rubric): RubricProblem[] {
  const problems: RubricProblem[] = [];
  let aspectWeightSum = 0;
  for (const key of ASPECT_KEYS) {
    const dataWeight: unknown = rubric.dataWeights?.[key];
    if (!isFiniteNumber(dataWeight)) {
      problems.push({
        field: `dataWeights.${key}`,
        problem: 'not_a_number',
        message: 'must be a finite number',
      });
    } else if (dataWeight < 0 || dataWeight > 1) {
      problems.push({
        field: `dataWeights.${key}`,
        problem: 'out_of_range',
        message: 'must be between 0 and 1',
      });
    }
    const aspectWeight: unknown = rubric.aspectWeights?.[key];
    if (!isFiniteNumber(aspectWeight)) {
      problems.push({
        field: `aspectWeights.${key}`,
        problem: 'not_a_number',
        message: 'must be a finite number',
      });
    } else if (aspectWeight < 0) {
      problems.push({
        field: `aspectWeights.${key}`,
        problem: 'negative',
        message: 'must not be negative',
      });
    } else {
      aspectWeightSum += aspectWeight;
    }
  }
  if (aspectWeightSum <= 0) {
    problems.push({
      field: 'aspectWeights',
      problem: 'none_positive',
      message: 'at least one aspect weight must be positive',
    });
  }
  const winners: unknown = rubric.winners;
  if (!Number.isInteger(winners) || (winners as number) < 1 || (winners as number) > MAX_WINNERS) {
    problems.push({
      field: 'winners',
      problem: 'winners_range',
      message: `must be an integer from 1 to ${MAX_WINNERS}`,
    });
  }
  return problems;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * How a raw input becomes comparable across OPD (see normalise.ts):
 * - `per100`: count per 100 ASN (headcount), then winsorised and min-max scaled;
 * - `log`: log(1 + x) for skewed counts, then winsorised and min-max scaled;
 * - `per100log`: log(1 + count per 100 ASN), then winsorised and min-max scaled;
 * - `share`: a 0..1 fraction, clamped and multiplied by 100 (already an absolute scale);
 * - `ratio`: an unbounded ratio used as is, then winsorised and min-max scaled.
 */
export type InputTransform = 'per100' | 'log' | 'per100log' | 'share' | 'ratio';

export interface InputDefinition {
  key: string;
  /** Indonesian label shown to assessors and OPD. */
  label: string;
  labelEn: string;
  /** Weight within the aspect; the weights of an aspect sum to 1. */
  weight: number;
  /** Raw value for one OPD; null means "not available" (skipped, its weight redistributed). */
  value: (i: OpdInputs) => number | null;
  transform: InputTransform;
  /** Human-readable formula (Indonesian), shown next to the number. */
  formula: string;
  formulaEn: string;
  /**
   * What the label names, when it is not what the transform implies: `quarters` shows the
   * count of active quarters (the value is that count ÷ 4).
   */
  unit?: 'quarters';
}

export type InputTable = Readonly<Record<AspectKey, readonly InputDefinition[]>>;

/**
 * A share of nothing is 0, not 1: an upstream "share of assets/meetings" over an empty set must
 * not give an OPD without activity any points (an inactive OPD scores 0 in every data score).
 */
const ofAssets = (i: OpdInputs, share: number): number => (i.publishedAssets > 0 ? share : 0);
const ofMeetings = (i: OpdInputs, share: number): number => (i.meetings > 0 ? share : 0);

/** Endorsements support both relevance and impact: peers found the asset useful. */
const ENDORSEMENTS: Omit<InputDefinition, 'weight'> = {
  key: 'endorsementsPer100',
  label: 'Dukungan (endorsement) per 100 ASN',
  labelEn: 'Endorsements per 100 ASN',
  value: (i) => i.endorsements,
  transform: 'per100log',
  formula: 'log(1 + dukungan per 100 ASN)',
  formulaEn: 'log(1 + endorsements per 100 ASN)',
};

/**
 * The INPUT TABLE: the data score of each aspect is the weighted mean of these inputs, each
 * normalised to 0..100 across all OPD of the run. Within-aspect weights (sum 1 per aspect):
 * - relevansi: answered searches 0.6 (direct evidence the OPD's assets meet demand),
 *   endorsements 0.4 (peer opinion, easier to solicit);
 * - partisipasi: attendees per 100 ASN 0.3 (breadth), attendance ratio 0.25, authors per member
 *   0.25 (depth: members who show up and who write), cross-OPD share 0.2 (collaboration);
 * - dokumentasi: assets per 100 ASN 0.3 (volume), completeness 0.2 and tacit share 0.2 (quality
 *   and the portal's purpose: capturing tacit knowledge), documented meetings 0.15, freshness 0.15;
 * - diseminasi: internal reach 0.3 (BPSDM's headline target, ≥ 50%), other OPDs reached 0.2,
 *   downloads per asset 0.2, clicked from search 0.15, open visibility 0.15;
 * - manfaat: reuse reports 0.6 (observed benefit), endorsements 0.4;
 * - keberlanjutan: active quarters 0.4 (regularity through the year), key people 0.3 and
 *   knowledge-at-risk coverage 0.3 (the knowledge survives people leaving).
 */
export const INPUT_TABLE: InputTable = {
  relevansi: [
    {
      key: 'searchClicksPer100',
      label: 'Pencarian terjawab per 100 ASN',
      labelEn: 'Answered searches per 100 ASN',
      weight: 0.6,
      value: (i) => i.searchClicks,
      transform: 'per100log',
      formula: 'log(1 + klik dari hasil pencarian per 100 ASN)',
      formulaEn: 'log(1 + clicks from search results per 100 ASN)',
    },
    { ...ENDORSEMENTS, weight: 0.4 },
  ],
  partisipasi: [
    {
      key: 'attendeesPer100',
      label: 'Peserta pertemuan (unik) per 100 ASN',
      labelEn: 'Distinct meeting attendees per 100 ASN',
      weight: 0.3,
      value: (i) => i.distinctAttendees,
      transform: 'per100log',
      formula: 'log(1 + peserta unik per 100 ASN)',
      formulaEn: 'log(1 + distinct attendees per 100 ASN)',
    },
    {
      key: 'attendanceRatio',
      label: 'Rata-rata kehadiran per pertemuan ÷ anggota KP',
      labelEn: 'Mean attendance per meeting ÷ CoP members',
      weight: 0.25,
      value: (i) => ofMeetings(i, i.meanAttendanceRatio),
      transform: 'share',
      formula: 'min(1, rata-rata hadir ÷ anggota KP) × 100',
      formulaEn: 'min(1, mean attendance ÷ CoP members) × 100',
    },
    {
      key: 'authorsPerMember',
      label: 'Penulis unik per anggota KP',
      labelEn: 'Distinct authors per CoP member',
      weight: 0.25,
      value: (i) => i.distinctAuthorsPerMember,
      transform: 'share',
      formula: 'min(1, penulis unik ÷ anggota KP) × 100',
      formulaEn: 'min(1, distinct authors ÷ CoP members) × 100',
    },
    {
      key: 'crossOpdShare',
      label: 'Porsi pertemuan/aset lintas OPD',
      labelEn: 'Share of meetings or assets involving another OPD',
      weight: 0.2,
      value: (i) => (i.meetings + i.publishedAssets > 0 ? i.crossOpdShare : 0),
      transform: 'share',
      formula: 'porsi lintas OPD × 100',
      formulaEn: 'cross-OPD share × 100',
    },
  ],
  dokumentasi: [
    {
      key: 'assetsPer100',
      label: 'Aset terbit per 100 ASN',
      labelEn: 'Published assets per 100 ASN',
      weight: 0.3,
      value: (i) => i.publishedAssets,
      transform: 'per100log',
      formula: 'log(1 + aset terbit per 100 ASN)',
      formulaEn: 'log(1 + published assets per 100 ASN)',
    },
    {
      key: 'meanCompleteness',
      label: 'Rata-rata kelengkapan aset',
      labelEn: 'Mean asset completeness',
      weight: 0.2,
      value: (i) => ofAssets(i, i.meanCompleteness),
      transform: 'share',
      formula: 'rata-rata kelengkapan × 100',
      formulaEn: 'mean completeness × 100',
    },
    {
      key: 'tacitShare',
      label: 'Porsi aset pengetahuan tacit',
      labelEn: 'Share of tacit asset types',
      weight: 0.2,
      value: (i) => ofAssets(i, i.tacitShare),
      transform: 'share',
      formula: 'porsi jenis tacit × 100',
      formulaEn: 'share of tacit types × 100',
    },
    {
      key: 'documentedMeetingShare',
      label: 'Porsi pertemuan terdokumentasi (≤ 14 hari)',
      labelEn: 'Share of meetings with minutes or an output asset within 14 days',
      weight: 0.15,
      value: (i) => ofMeetings(i, i.documentedMeetingShare),
      transform: 'share',
      formula: 'porsi pertemuan dengan notulen/aset keluaran ≤ 14 hari × 100',
      formulaEn: 'share of meetings with minutes or an output asset within 14 days × 100',
    },
    {
      key: 'freshShare',
      label: 'Porsi aset belum lewat jatuh tempo tinjauan',
      labelEn: 'Share of assets not past review-due',
      weight: 0.15,
      value: (i) => ofAssets(i, i.freshShare),
      transform: 'share',
      formula: 'porsi aset belum lewat jatuh tempo tinjauan × 100',
      formulaEn: 'share of assets not past review-due × 100',
    },
  ],
  diseminasi: [
    {
      key: 'internalReach',
      label: 'Jangkauan internal (pembaca ÷ ASN; target ≥ 50%)',
      labelEn: 'Internal reach (readers ÷ headcount; target ≥ 50%)',
      weight: 0.3,
      value: (i) => (i.headcount > 0 ? i.internalReaders / i.headcount : 0),
      transform: 'share',
      formula: 'min(1, pembaca unik dari OPD ÷ jumlah ASN) × 100',
      formulaEn: 'min(1, distinct readers from the OPD ÷ headcount) × 100',
    },
    {
      key: 'otherOpdsReached',
      label: 'OPD lain yang membaca',
      labelEn: 'Other OPDs with readers',
      weight: 0.2,
      value: (i) => i.otherOpdsReached,
      transform: 'log',
      formula: 'log(1 + jumlah OPD lain dengan pembaca)',
      formulaEn: 'log(1 + other OPDs with readers)',
    },
    {
      key: 'downloadsPerAsset',
      label: 'Unduhan unik per aset',
      labelEn: 'Unique downloads per asset',
      weight: 0.2,
      value: (i) => (i.publishedAssets > 0 ? i.uniqueDownloads / i.publishedAssets : 0),
      transform: 'log',
      formula: 'log(1 + unduhan unik ÷ aset terbit)',
      formulaEn: 'log(1 + unique downloads ÷ published assets)',
    },
    {
      key: 'searchClickedShare',
      label: 'Porsi aset diklik dari pencarian',
      labelEn: 'Share of assets clicked from search',
      weight: 0.15,
      value: (i) => ofAssets(i, i.searchClickedShare),
      transform: 'share',
      formula: 'porsi aset diklik dari pencarian × 100',
      formulaEn: 'share of assets clicked from search × 100',
    },
    {
      key: 'openVisibilityShare',
      label: 'Porsi aset bervisibilitas internal/publik',
      labelEn: 'Share of assets at internal or publik visibility',
      weight: 0.15,
      value: (i) => ofAssets(i, i.openVisibilityShare),
      transform: 'share',
      formula: 'porsi aset internal/publik × 100',
      formulaEn: 'share of internal or publik assets × 100',
    },
  ],
  manfaat: [
    {
      key: 'reusePer100',
      label: 'Laporan pemanfaatan ulang per 100 ASN (dari OPD lain bernilai ganda)',
      labelEn: 'Reuse reports per 100 ASN (other OPDs count double)',
      weight: 0.6,
      value: (i) => i.reuseReports + i.reuseReportsOtherOpd,
      transform: 'per100log',
      formula: 'log(1 + (laporan + laporan dari OPD lain) per 100 ASN)',
      formulaEn: 'log(1 + (reports + reports from other OPDs) per 100 ASN)',
    },
    { ...ENDORSEMENTS, weight: 0.4 },
  ],
  keberlanjutan: [
    {
      key: 'activeQuarters',
      label: 'Triwulan aktif (dari 4)',
      labelEn: 'Active quarters (of 4)',
      weight: 0.4,
      value: (i) => i.activeQuarters / 4,
      transform: 'share',
      unit: 'quarters',
      formula: 'triwulan aktif ÷ 4 × 100',
      formulaEn: 'active quarters ÷ 4 × 100',
    },
    {
      key: 'keyPeople',
      label: 'Orang kunci (peran pemimpin atau ≥ 2 aset)',
      labelEn: 'Key people (lead roles or authoring ≥ 2 assets)',
      weight: 0.3,
      value: (i) => i.keyPeople,
      transform: 'log',
      formula: 'log(1 + jumlah orang kunci)',
      formulaEn: 'log(1 + key people)',
    },
    {
      key: 'atRiskCoverage',
      label: 'Cakupan daftar pengetahuan berisiko',
      labelEn: 'Knowledge-at-risk register coverage',
      weight: 0.3,
      value: (i) => i.atRiskCoverage,
      transform: 'share',
      formula:
        'pegawai berisiko tinggi yang wawancara retensinya terbit sebelum berhenti ÷ pegawai berisiko tinggi × 100 (dilewati bila tidak ada yang berisiko tinggi)',
      formulaEn:
        'high-risk staff whose retention interview was published before they left ÷ high-risk staff × 100 (skipped when nobody is at high risk)',
    },
  ],
};

/**
 * The table each rules version scores with. Years whose rubric names `kma-data-2025.1` (finalised
 * ones above all) keep scoring without the coverage, whatever the register says today; a version
 * this code does not know scores with the current table.
 */
export const INPUT_TABLES: Readonly<Record<string, InputTable>> = {
  [SCORING_RULES_VERSION]: INPUT_TABLE,
  [FIRST_RULES_VERSION]: {
    ...INPUT_TABLE,
    keberlanjutan: INPUT_TABLE.keberlanjutan.map((input) =>
      input.key === 'atRiskCoverage'
        ? {
            ...input,
            value: () => null,
            formula:
              'cakupan daftar pengetahuan berisiko × 100 (dilewati bila daftar belum tersedia)',
            formulaEn: 'knowledge-at-risk register coverage × 100 (skipped: no register then)',
          }
        : input,
    ),
  },
};

export function inputTableFor(rulesVersion: string): InputTable {
  return INPUT_TABLES[rulesVersion] ?? INPUT_TABLE;
}
