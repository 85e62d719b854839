import type { EntityManager } from 'typeorm';

/**
 * Whether meetings may still be logged in a year: a finalised award year is frozen, so no meeting
 * may be added, moved into, changed or removed inside it. libs/award owns the award years and
 * implements this port (community cannot depend on the award, which reads the CoP log).
 */
export interface AwardYearLock {
  /** Throws `AWARD_YEAR_FINALIZED` (409, details.year) when `year` has been finalised. */
  assertMeetingsOpen(tx: EntityManager | undefined, year: number): Promise<void>;
}

export const AWARD_YEAR_LOCK = Symbol('AWARD_YEAR_LOCK');
