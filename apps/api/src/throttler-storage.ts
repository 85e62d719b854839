import type { ThrottlerStorage } from '@nestjs/throttler';
import { HitLog, type RateLimiter } from '@lumbung/platform';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/**
 * The per-address request limit kept in PostgreSQL (RateLimiter), so every API process counts
 * the same hits: N processes behind a proxy allow a client RATE_LIMIT_PER_MINUTE in all, not N
 * times it. A hit past the limit is refused until the sliding window has room again; refused
 * hits count too, so a client that keeps hammering stays refused.
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly limiter: RateLimiter) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const { hits, resetMs } = await this.limiter.hit(`http:${throttlerName}:${key}`, ttl);
    if (hits > limit) return blocked(hits, resetMs);
    return {
      totalHits: hits,
      timeToExpire: seconds(resetMs),
      isBlocked: false,
      timeToBlockExpire: 0,
    };
  }
}

/**
 * The same limit in this process's memory (RATE_LIMIT_STORE=memory, one API process only): the same rules as @nestjs/throttler's in-memory store
 * (a sliding window of `limit` hits; the hit past it blocks the key for `blockDuration`), with
 * O(1) bookkeeping per request instead of filtering every hit of the last minute.
 */
export class WindowedThrottlerStorage implements ThrottlerStorage {
  private readonly logs = new Map<number, HitLog>();
  private readonly blockedUntil = new Map<string, number>();
  private calls = 0;

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const id = `${throttlerName}:${key}`;
    const log = this.logFor(ttl);
    if ((this.calls += 1) % 10_000 === 0) this.sweep(now);
    const until = this.blockedUntil.get(id);
    if (until !== undefined) {
      if (until > now) return Promise.resolve(blocked(limit + 1, until - now));
      this.blockedUntil.delete(id);
      log.clear(id);
    }
    const { hits, nextExpiry } = log.live(id, now);
    if (hits >= limit) {
      const wait = blockDuration > 0 ? blockDuration : (nextExpiry ?? now + ttl) - now;
      if (blockDuration > 0) this.blockedUntil.set(id, now + wait);
      return Promise.resolve(blocked(hits + 1, wait));
    }
    log.add(id, now);
    return Promise.resolve({
      totalHits: hits + 1,
      timeToExpire: seconds((nextExpiry ?? now + ttl) - now),
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  }

  private logFor(ttl: number): HitLog {
    let log = this.logs.get(ttl);
    if (!log) this.logs.set(ttl, (log = new HitLog(ttl)));
    return log;
  }

  private sweep(now: number): void {
    for (const log of this.logs.values()) log.sweep(now);
    for (const [id, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(id);
  }
}

function blocked(totalHits: number, waitMs: number): ThrottlerStorageRecord {
  return {
    totalHits,
    timeToExpire: seconds(waitMs),
    isBlocked: true,
    timeToBlockExpire: seconds(waitMs),
  };
}
