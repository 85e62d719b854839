import type { RateLimiter } from '@lumbung/platform';
import { SharedThrottlerStorage, WindowedThrottlerStorage } from './throttler-storage';

describe('WindowedThrottlerStorage', () => {
  afterEach(() => jest.useRealTimers());

  it('allows `limit` hits per window, blocks the next for blockDuration, then starts afresh', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const store = new WindowedThrottlerStorage();
    const hit = () => store.increment('1.2.3.4', 60_000, 3, 60_000, 'default');
    for (let i = 1; i <= 3; i++) {
      const r = await hit();
      expect(r).toMatchObject({ totalHits: i, isBlocked: false, timeToBlockExpire: 0 });
    }
    const fourth = await hit();
    expect(fourth).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    // Another address and another throttler name are not affected.
    expect((await store.increment('5.6.7.8', 60_000, 3, 60_000, 'default')).isBlocked).toBe(false);
    expect((await store.increment('1.2.3.4', 60_000, 3, 60_000, 'other')).isBlocked).toBe(false);
    jest.setSystemTime(1_000_000 + 30_000);
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    jest.setSystemTime(1_000_000 + 60_001);
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('without a block duration only refuses until the oldest hit leaves the window', async () => {
    jest.useFakeTimers({ now: 0 });
    const store = new WindowedThrottlerStorage();
    const hit = () => store.increment('k', 10_000, 2, 0, 'default');
    await hit();
    jest.setSystemTime(4_000);
    await hit();
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 6 });
    jest.setSystemTime(10_000);
    expect(await hit()).toMatchObject({ isBlocked: false, totalHits: 2 });
  });
});

describe('SharedThrottlerStorage', () => {
  /** A RateLimiter that returns the hits it is told (the counting itself is PostgreSQL's). */
  const limiter = (hits: number, resetMs: number) => {
    const seen: { key: string; windowMs: number }[] = [];
    const fake = {
      seen,
      hit: (key: string, windowMs: number) => {
        seen.push({ key, windowMs });
        return Promise.resolve({ hits, resetMs });
      },
    };
    return fake;
  };

  it('allows up to the limit, counting per throttler and key over the route window', async () => {
    const l = limiter(3, 20_500);
    const store = new SharedThrottlerStorage(l as unknown as RateLimiter);
    expect(await store.increment('abc', 60_000, 3, 60_000, 'default')).toEqual({
      totalHits: 3,
      timeToExpire: 21,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    expect(l.seen).toEqual([{ key: 'http:default:abc', windowMs: 60_000 }]);
  });

  it('refuses the hit past the limit until the window has room', async () => {
    const store = new SharedThrottlerStorage(limiter(4, 1_200) as unknown as RateLimiter);
    expect(await store.increment('abc', 60_000, 3, 60_000, 'default')).toEqual({
      totalHits: 4,
      timeToExpire: 2,
      isBlocked: true,
      timeToBlockExpire: 2,
    });
  });
});
