import { createHmac } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { wibDay } from '../time/wib';

/**
 * Usage event types (`endorse_withdraw` records a withdrawn endorsement); counted by libs/metrics.
 */
export const USAGE_EVENT_TYPES = [
  'view',
  'download',
  'search',
  'search_click',
  'endorse',
  'endorse_withdraw',
  'reuse_report',
  'share',
] as const;
export type UsageEventType = (typeof USAGE_EVENT_TYPES)[number];

/** Why an event never counts (kept in the raw log so every metric is recomputable). */
export type UsageExclusion = 'author' | 'staff' | 'service';

/** Who did it: a logged-in user, or an anonymous reader known only by a daily pseudonymous key. */
export interface UsageActor {
  userId?: string;
  /** The user's OPD at the time of the event. */
  opdId?: string;
  /** User id, or `anon:<hmac>` for anonymous readers. */
  key: string;
}

export interface UsageEvent {
  type: UsageEventType;
  actor: UsageActor;
  /** The asset with its OPD and CoP at the time of the event. */
  asset?: { id: string; opdId: string; copId?: string | null };
  /** The attachment downloaded or the search clicked from. */
  objectId?: string;
  position?: number;
  excluded?: UsageExclusion | null;
  idempotencyKey?: string;
}

/**
 * The append-only raw usage log, as a port: libs/metrics owns `usage_events` and provides the
 * implementation (its `UsageEventsModule`); contexts that see usage (libs/knowledge) inject this
 * class and never touch the table. Time and WIB day are the database's, so every node assigns the
 * same period. Knows no domain: callers pass ids and the exclusion they decided.
 */
export abstract class UsageEventLog {
  /**
   * Appends one event on `tx` (alone without one); false when the idempotency key was already
   * used by the same actor.
   */
  abstract record(tx: EntityManager | undefined, event: UsageEvent): Promise<boolean>;

  /**
   * Appends one event outside any transaction, grouped with the events other requests append at
   * the same moment (group commit): resolves only after that write committed.
   */
  abstract append(event: UsageEvent): Promise<void>;
}

/**
 * An anonymous reader's key: an HMAC of address, browser and WIB day (COUNTER's session idea),
 * so repeats within a day can be filtered without storing the address.
 */
export function anonymousUsageKey(
  secret: string,
  ip: string,
  userAgent: string,
  at = new Date(),
): string {
  const day = wibDay(at);
  const mac = createHmac('sha256', secret)
    .update(`usage-anon|${ip}|${userAgent}|${day}`)
    .digest('base64url');
  return `anon:${mac.slice(0, 32)}`;
}

/**
 * Robots, harvesters, monitors and link unfurlers (after the COUNTER robots list's families):
 * their requests are served but never recorded, so no metric counts them.
 */
const ROBOT_PATTERN = new RegExp(
  [
    'bot\\b',
    'bot/',
    'crawl',
    'spider',
    'slurp',
    'scrapy',
    'curl/',
    'wget',
    'python-requests',
    'python-urllib',
    'aiohttp',
    'go-http-client',
    'java/',
    'okhttp',
    'libwww',
    'httpclient',
    'headlesschrome',
    'phantomjs',
    'lighthouse',
    'pingdom',
    'uptime',
    'monitor',
    'facebookexternalhit',
    'whatsapp',
    'slackbot',
    'skypeuripreview',
    'embedly',
    'preview',
    'archiver',
    'feedfetcher',
    'mediapartners',
  ].join('|'),
  'i',
);

export function isRobot(userAgent: string | undefined): boolean {
  return userAgent !== undefined && ROBOT_PATTERN.test(userAgent);
}
