import { nextDailyRun } from './daily-run';

describe('nextDailyRun', () => {
  it('is 07:00 WIB the same day when that is still ahead', () => {
    // 05:00 WIB on 4 December = 22:00 UTC on 3 December.
    expect(nextDailyRun(new Date('2026-12-03T22:00:00Z'), 7).toISOString()).toBe(
      '2026-12-04T00:00:00.000Z',
    );
  });

  it('is the next day once 07:00 WIB has passed (or is now)', () => {
    expect(nextDailyRun(new Date('2026-12-04T00:00:00Z'), 7).toISOString()).toBe(
      '2026-12-05T00:00:00.000Z',
    );
    expect(nextDailyRun(new Date('2026-12-04T08:38:00Z'), 7).toISOString()).toBe(
      '2026-12-05T00:00:00.000Z',
    );
  });

  it('crosses the UTC date line for late WIB hours', () => {
    // 23:00 WIB = 16:00 UTC.
    expect(nextDailyRun(new Date('2026-12-04T10:00:00Z'), 23).toISOString()).toBe(
      '2026-12-04T16:00:00.000Z',
    );
  });
});
