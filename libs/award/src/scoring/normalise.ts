import { type InputTransform } from './rubric';

/** Winsorising bounds across the OPD of a run: the 5th and 95th percentile. */
export const WINSOR_LOWER = 0.05;
export const WINSOR_UPPER = 0.95;

/** Rounds to 2 decimals, the precision at which scores are shown, stored and compared. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * The p-th percentile (p in 0..1) of ascending values, interpolating linearly between the two
 * nearest ranks (the spreadsheet PERCENTILE.INC rule, so assessors can reproduce it in Excel).
 */
export function percentile(sortedValues: readonly number[], p: number): number {
  if (sortedValues.length === 0) throw new RangeError('percentile of an empty list');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile p must be within 0..1, got ${p}`);
  const position = p * (sortedValues.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const fraction = position - below;
  return sortedValues[below] + fraction * (sortedValues[above] - sortedValues[below]);
}

/** The [low, high] winsorising bounds of values (any order). */
export function winsorBounds(
  values: readonly number[],
  lower = WINSOR_LOWER,
  upper = WINSOR_UPPER,
): { low: number; high: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { low: percentile(sorted, lower), high: percentile(sorted, upper) };
}

/** Values clamped to their own lower/upper percentiles, in the original order. */
export function winsorise(
  values: readonly number[],
  lower = WINSOR_LOWER,
  upper = WINSOR_UPPER,
): number[] {
  if (values.length === 0) return [];
  const { low, high } = winsorBounds(values, lower, upper);
  return values.map((value) => clamp(value, low, high));
}

/**
 * Raw value → comparable value. `headcount` is the base of the per-100-ASN rates; an OPD without
 * headcount has no rate (0). Shares are clamped to 0..1, which also caps ratios such as attendance
 * with guests at 1.
 */
export function transformValue(raw: number, transform: InputTransform, headcount: number): number {
  switch (transform) {
    case 'share':
      return clamp(raw, 0, 1);
    case 'ratio':
      return raw;
    case 'log':
      return Math.log1p(raw);
    case 'per100':
      return per100(raw, headcount);
    case 'per100log':
      return Math.log1p(per100(raw, headcount));
  }
}

function per100(count: number, headcount: number): number {
  return headcount > 0 ? (count * 100) / headcount : 0;
}

/**
 * Transformed values of one input, one per OPD of the run (null = not available), → 0..100.
 *
 * Shares are already on an absolute 0..1 scale with a meaning of their own (a 50% internal reach
 * is BPSDM's target however the other OPD do), so they are multiplied by 100 and NOT min-max
 * scaled: min-max would stretch a narrow spread (e.g. 0.91 vs 0.93) into 0 vs 100.
 *
 * Every other input is winsorised at P5/P95 across the OPD (so one outlier cannot crush the
 * rest), then min-max scaled. If all values are equal after winsorising there is no spread to
 * scale: OPD with a positive value get 100 and zeros get 0. Since transformed values are ≥ 0, a
 * zero always lands at the bottom and scores 0: an OPD without activity never gains points here.
 */
export function normaliseAcrossOpds(
  transformed: readonly (number | null)[],
  transform: InputTransform,
): (number | null)[] {
  if (transform === 'share') {
    return transformed.map((value) => (value === null ? null : clamp(value, 0, 1) * 100));
  }
  const present = transformed.filter((value): value is number => value !== null);
  if (present.length === 0) return transformed.map(() => null);
  const { low, high } = winsorBounds(present);
  return transformed.map((value) => {
    if (value === null) return null;
    if (high === low) return value > 0 ? 100 : 0;
    return ((clamp(value, low, high) - low) / (high - low)) * 100;
  });
}
