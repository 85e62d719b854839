import { ASPECT_KEYS, type AspectKey } from './award-search';

/** The median of each aspect's score across the ranking's OPD (null without rows). */
export function aspectMedians(
  rows: readonly { aspects: Record<AspectKey, { score: number }> }[],
): Record<AspectKey, number> | null {
  if (rows.length === 0) return null;
  return Object.fromEntries(
    ASPECT_KEYS.map((key) => {
      const values = rows.map((r) => r.aspects[key].score).sort((a, b) => a - b);
      const mid = Math.floor(values.length / 2);
      const at = (i: number) => values[i] ?? 0;
      const median = values.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
      return [key, Math.round(median * 100) / 100];
    }),
  ) as Record<AspectKey, number>;
}
