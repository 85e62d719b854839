/**
 * Per-key hit times within a sliding window, for rate limits. Times are recorded in arrival
 * order, so expired hits are only ever at the front of a key's queue: counting is O(1) amortised
 * per hit, where filtering every key's whole array (what @nestjs/throttler's in-memory storage
 * does) costs O(hits in the window) on every request.
 */
export class HitLog {
  private readonly keys = new Map<string, { times: number[]; head: number }>();

  constructor(private readonly windowMs: number) {}

  /** Hits of `key` still inside the window ending at `now`, and when the oldest of them expires. */
  live(key: string, now: number): { hits: number; nextExpiry: number | undefined } {
    const entry = this.keys.get(key);
    if (!entry) return { hits: 0, nextExpiry: undefined };
    const { times } = entry;
    while (entry.head < times.length && times[entry.head] <= now - this.windowMs) entry.head += 1;
    if (entry.head === times.length) {
      this.keys.delete(key);
      return { hits: 0, nextExpiry: undefined };
    }
    if (entry.head > 1024 && entry.head * 2 > times.length) {
      times.splice(0, entry.head);
      entry.head = 0;
    }
    return { hits: times.length - entry.head, nextExpiry: times[entry.head] + this.windowMs };
  }

  add(key: string, now: number): void {
    const entry = this.keys.get(key);
    if (entry) entry.times.push(Math.max(now, entry.times[entry.times.length - 1]));
    else this.keys.set(key, { times: [now], head: 0 });
  }

  clear(key: string): void {
    this.keys.delete(key);
  }

  /** Drops keys with no live hits (call now and then; `live` drops the ones it meets). */
  sweep(now: number): void {
    for (const key of [...this.keys.keys()]) this.live(key, now);
  }

  get size(): number {
    return this.keys.size;
  }
}
