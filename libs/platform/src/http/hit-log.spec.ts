import { HitLog } from './hit-log';

describe('HitLog', () => {
  it('counts the hits inside the window and forgets the ones that left it', () => {
    const log = new HitLog(60_000);
    for (let t = 0; t < 5; t++) log.add('a', 1_000 + t * 10_000);
    expect(log.live('a', 41_000)).toEqual({ hits: 5, nextExpiry: 61_000 });
    // At 61,000 the first hit (1,000) is exactly one window old: gone.
    expect(log.live('a', 61_000)).toEqual({ hits: 4, nextExpiry: 71_000 });
    expect(log.live('a', 200_000)).toEqual({ hits: 0, nextExpiry: undefined });
    expect(log.size).toBe(0);
  });

  it('keeps keys apart', () => {
    const log = new HitLog(1_000);
    log.add('a', 10);
    log.add('a', 20);
    log.add('b', 30);
    expect(log.live('a', 500).hits).toBe(2);
    expect(log.live('b', 500).hits).toBe(1);
    log.clear('a');
    expect(log.live('a', 500).hits).toBe(0);
  });

  it('stays exact over many hits while compacting its queue', () => {
    const log = new HitLog(1_000);
    for (let t = 0; t < 10_000; t++) {
      log.add('k', t);
      // Exactly the hits of the last second (t-999 … t), capped by how many there were.
      expect(log.live('k', t).hits).toBe(Math.min(t + 1, 1_000));
    }
  });

  it('treats a clock that steps back as the last time seen (the queue stays ordered)', () => {
    const log = new HitLog(1_000);
    log.add('k', 5_000);
    log.add('k', 4_000);
    expect(log.live('k', 5_999)).toEqual({ hits: 2, nextExpiry: 6_000 });
    expect(log.live('k', 6_000).hits).toBe(0);
  });

  it('sweep drops idle keys', () => {
    const log = new HitLog(1_000);
    log.add('old', 0);
    log.add('new', 5_000);
    log.sweep(5_500);
    expect(log.size).toBe(1);
    expect(log.live('new', 5_500).hits).toBe(1);
  });
});
