/**
 * Spike rule of domain.md §5: a Triwulan more than 3 standard deviations above the OPD's own
 * history, and (after COUNTER's abnormal-spike rule) more than three times its average, so the
 * steady growth of a young repository is not flagged.
 */
export const SPIKE_SIGMAS = 3;
export const SPIKE_TIMES_MEAN = 3;
/** …and at least this far above the mean, so a flat history does not flag tiny increases. */
export const SPIKE_MIN_EXCESS = 10;
/** At least this many earlier quarters make a history. */
export const SPIKE_MIN_HISTORY = 2;

export interface SpikeCheck {
  flagged: boolean;
  mean: number;
  sd: number;
  threshold: number;
}

/** Pure: is `value` a spike against `history` (earlier quarters' values, oldest first)? */
export function spike(value: number, history: number[]): SpikeCheck {
  if (history.length < SPIKE_MIN_HISTORY) return { flagged: false, mean: 0, sd: 0, threshold: 0 };
  const mean = history.reduce((s, x) => s + x, 0) / history.length;
  const sd = Math.sqrt(history.reduce((s, x) => s + (x - mean) ** 2, 0) / history.length);
  const threshold = Math.max(
    mean + SPIKE_SIGMAS * sd,
    SPIKE_TIMES_MEAN * mean,
    mean + SPIKE_MIN_EXCESS,
  );
  return {
    flagged: value > threshold,
    mean: Math.round(mean * 100) / 100,
    sd: Math.round(sd * 100) / 100,
    threshold: Math.round(threshold * 100) / 100,
  };
}
