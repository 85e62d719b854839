import { type OpdInputs, validateInputs } from './inputs';
import { normaliseAcrossOpds, round2, transformValue } from './normalise';
import {
  ASPECT_KEYS,
  type AspectKey,
  DEFAULT_RUBRIC,
  INPUT_TABLE,
  type InputDefinition,
  type InputTable,
  type Rubric,
  validateRubric,
} from './rubric';

/** One input of one aspect for one OPD, with every intermediate step kept as evidence. */
export interface InputScore {
  key: string;
  label: string;
  labelEn: string;
  /** As computed from the metric inputs (a count for per-100 inputs); null = not available. */
  raw: number | null;
  /** After per-100-ASN, log(1 + x) or share clamping. */
  transformed: number | null;
  /** 0..100 across the OPD of the run; null when the input was skipped. */
  normalised: number | null;
  /** Nominal weight within the aspect (redistributed over the inputs present). */
  weight: number;
  formula: string;
  formulaEn: string;
  /**
   * The number the label names, in `unit`, 2 decimals: the rate per 100 ASN for per-100 inputs, a
   * percentage for shares, the count of active quarters (of 4), otherwise the value itself.
   */
  value: number | null;
  unit: InputUnit;
  /** The count behind a per-100-ASN rate (shown beside it); null for other units. */
  count: number | null;
}

export type InputUnit = 'per100Asn' | 'percent' | 'quarters' | 'number';

/** The unit of what an input's label names (see InputScore.value). */
export function inputUnit(definition: InputDefinition): InputUnit {
  if (definition.unit) return definition.unit;
  if (definition.transform === 'per100' || definition.transform === 'per100log') return 'per100Asn';
  return definition.transform === 'share' ? 'percent' : 'number';
}

/** The value the label names, from the raw input (see InputScore.value). */
export function displayValue(raw: number, unit: InputUnit, headcount: number): number {
  switch (unit) {
    case 'per100Asn':
      return round2(headcount > 0 ? (raw * 100) / headcount : 0);
    case 'percent':
      return round2(raw * 100);
    case 'quarters':
      return Math.round(raw * 4);
    case 'number':
      return round2(raw);
  }
}

export interface AspectDataScore {
  /** Weighted mean of the normalised inputs present, 0..100, 2 decimals. */
  data: number;
  inputs: InputScore[];
}

export interface OpdDataScores {
  opdCode: string;
  opdName: string;
  aspects: Record<AspectKey, AspectDataScore>;
}

export interface AspectScore {
  data: number;
  assessor: number | null;
  /** w·D + (1−w)·A, or D alone while no assessor has scored the aspect; 2 decimals. */
  score: number;
  /** The aspect's data weight w. */
  weight: number;
  /** True while no assessor has scored the aspect. */
  provisional: boolean;
}

export interface OpdScoreRow {
  opdCode: string;
  opdName: string;
  aspects: Record<AspectKey, AspectScore>;
  /** Weighted mean of the six aspect scores by aspect weight, 2 decimals. */
  total: number;
  /** True while any aspect is provisional. */
  provisional: boolean;
}

export type AssessorScores = ReadonlyMap<string, Partial<Record<AspectKey, number>>>;

/**
 * Data scores (D) of every aspect for every OPD of a run. Normalisation is relative to the OPD
 * passed in, so pass all OPD of the period together. Throws a RangeError on invalid inputs.
 */
export function computeDataScores(
  inputs: readonly OpdInputs[],
  table: InputTable = INPUT_TABLE,
): OpdDataScores[] {
  const problems = validateInputs(inputs);
  if (problems.length > 0) throw new RangeError(`Invalid scoring inputs: ${problems.join('; ')}`);
  const columns = mapAspects((aspect) =>
    table[aspect].map((definition) => scoreInputColumn(definition, inputs)),
  );
  return inputs.map((row, opd) => ({
    opdCode: row.opdCode,
    opdName: row.opdName,
    aspects: mapAspects((aspect) => {
      const scores = columns[aspect].map((column) => column[opd]);
      return { data: weightedDataScore(scores), inputs: scores };
    }),
  }));
}

function scoreInputColumn(definition: InputDefinition, inputs: readonly OpdInputs[]): InputScore[] {
  const raws = inputs.map((row) => definition.value(row));
  const transformed = raws.map((raw, opd) =>
    raw === null ? null : transformValue(raw, definition.transform, inputs[opd].headcount),
  );
  const normalised = normaliseAcrossOpds(transformed, definition.transform);
  const unit = inputUnit(definition);
  return raws.map((raw, opd) => ({
    key: definition.key,
    label: definition.label,
    labelEn: definition.labelEn,
    raw,
    transformed: transformed[opd],
    normalised: normalised[opd],
    weight: definition.weight,
    formula: definition.formula,
    formulaEn: definition.formulaEn,
    value: raw === null ? null : displayValue(raw, unit, inputs[opd].headcount),
    unit,
    count: raw !== null && unit === 'per100Asn' ? raw : null,
  }));
}

/** Weighted mean over the inputs present: a skipped input's weight goes to the others. */
function weightedDataScore(inputs: readonly InputScore[]): number {
  let weighted = 0;
  let weights = 0;
  for (const input of inputs) {
    if (input.normalised === null) continue;
    weighted += input.weight * input.normalised;
    weights += input.weight;
  }
  return weights > 0 ? round2(weighted / weights) : 0;
}

/**
 * Aspect scores and totals: w·D + (1−w)·A per aspect once an assessor has scored it, D alone
 * (provisional) before. The total is the aspect-weighted mean of the rounded aspect scores, so it
 * can be re-computed by hand from the numbers shown. Throws a RangeError on an invalid rubric or
 * an assessor score outside 0..100.
 */
export function combineScores(
  dataScores: readonly OpdDataScores[],
  assessorScores: AssessorScores,
  rubric: Rubric = DEFAULT_RUBRIC,
): OpdScoreRow[] {
  const problems = validateRubric(rubric);
  if (problems.length > 0) {
    const list = problems.map((problem) => `${problem.field} ${problem.message}`).join('; ');
    throw new RangeError(`Invalid rubric: ${list}`);
  }
  return dataScores.map((row) => {
    const assessed = assessorScores.get(row.opdCode) ?? {};
    const aspects = mapAspects((aspect) =>
      combineAspect(row.aspects[aspect].data, assessed[aspect], rubric.dataWeights[aspect]),
    );
    return {
      opdCode: row.opdCode,
      opdName: row.opdName,
      aspects,
      total: weightedTotal(aspects, rubric),
      provisional: ASPECT_KEYS.some((aspect) => aspects[aspect].provisional),
    };
  });
}

function combineAspect(data: number, assessor: number | undefined, weight: number): AspectScore {
  if (assessor === undefined) {
    return { data, assessor: null, score: round2(data), weight, provisional: true };
  }
  if (!Number.isFinite(assessor) || assessor < 0 || assessor > 100) {
    throw new RangeError(`Assessor score must be within 0..100, got ${assessor}`);
  }
  const score = round2(weight * data + (1 - weight) * assessor);
  return { data, assessor, score, weight, provisional: false };
}

function weightedTotal(aspects: Record<AspectKey, AspectScore>, rubric: Rubric): number {
  let weighted = 0;
  let weights = 0;
  for (const aspect of ASPECT_KEYS) {
    weighted += rubric.aspectWeights[aspect] * aspects[aspect].score;
    weights += rubric.aspectWeights[aspect];
  }
  return round2(weighted / weights);
}

function mapAspects<T>(build: (aspect: AspectKey) => T): Record<AspectKey, T> {
  return Object.fromEntries(ASPECT_KEYS.map((aspect) => [aspect, build(aspect)])) as Record<
    AspectKey,
    T
  >;
}

/**
 * Data scores stored before inputs carried their displayed value (snapshots of finalised years)
 * get it from the same definitions, so every run reads the same way.
 */
export function withDisplayValues(
  data: OpdDataScores[],
  headcounts: ReadonlyMap<string, number>,
  table: InputTable,
): OpdDataScores[] {
  const definitions = new Map(ASPECT_KEYS.flatMap((a) => table[a].map((d) => [d.key, d])));
  return data.map((opd) => ({
    ...opd,
    aspects: mapAspects((aspect) => ({
      ...opd.aspects[aspect],
      inputs: opd.aspects[aspect].inputs.map((input: InputScore) => {
        const definition = definitions.get(input.key);
        if ((input as Partial<InputScore>).unit !== undefined || !definition) return input;
        const unit = inputUnit(definition);
        const headcount = headcounts.get(opd.opdCode) ?? 0;
        return {
          ...input,
          formulaEn: definition.formulaEn,
          value: input.raw === null ? null : displayValue(input.raw, unit, headcount),
          unit,
          count: input.raw !== null && unit === 'per100Asn' ? input.raw : null,
        };
      }),
    })),
  }));
}
