import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { GroupCommit } from '../database/group-commit';
import { preparedQuery } from '../database/prepared-query';
import { wibDay } from '../time/wib';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

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
 * The append-only raw usage log. Time is the database's clock (never the client's), and the
 * WIB day is derived by the database too, so every node assigns the same period. Knows no domain:
 * callers pass ids and the exclusion they decided.
 */
@Injectable()
export class UsageEventLog {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Appends one event; false when the idempotency key was already used by the same actor. */
  async record(event: UsageEvent, manager: EntityManager = this.ds.manager): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO usage_events (type, actor_user_id, actor_key, actor_opd_id, asset_id, asset_opd_id,
                                 asset_cop_id, object_id, position, excluded, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (actor_key, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        event.type,
        event.actor.userId ?? null,
        event.actor.key,
        event.actor.opdId ?? null,
        event.asset?.id ?? null,
        event.asset?.opdId ?? null,
        event.asset?.copId ?? null,
        event.objectId ?? null,
        event.position ?? null,
        event.excluded ?? null,
        event.idempotencyKey ?? null,
      ],
    );
    return rows.length === 1;
  }

  /**
   * Appends one event outside any transaction, grouped with the events other requests append at
   * the same moment into one INSERT (group commit): resolves only after that INSERT committed, so
   * nothing acknowledged is lost, while the database does one statement per group, not per read.
   */
  append(event: UsageEvent): Promise<void> {
    return this.appends.add(event);
  }

  private readonly appends = new GroupCommit<UsageEvent>(async (group) => {
    const col = <T>(f: (e: UsageEvent) => T): T[] => group.map(f);
    await preparedQuery(
      this.ds,
      `INSERT INTO usage_events (type, actor_user_id, actor_key, actor_opd_id, asset_id, asset_opd_id,
                                 asset_cop_id, object_id, position, excluded)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[],
                            $7::uuid[], $8::uuid[], $9::int[], $10::text[])`,
      [
        col((e) => e.type),
        col((e) => e.actor.userId ?? null),
        col((e) => e.actor.key),
        col((e) => e.actor.opdId ?? null),
        col((e) => e.asset?.id ?? null),
        col((e) => e.asset?.opdId ?? null),
        col((e) => e.asset?.copId ?? null),
        col((e) => e.objectId ?? null),
        col((e) => e.position ?? null),
        col((e) => e.excluded ?? null),
      ],
    );
  });

  /**
   * An anonymous reader's key: an HMAC of address, browser and WIB day (COUNTER's session idea),
   * so repeats within a day can be filtered without storing the address.
   */
  anonymousKey(ip: string, userAgent: string, at = new Date()): string {
    const day = wibDay(at);
    const mac = createHmac('sha256', this.config.auth.jwtSecret)
      .update(`usage-anon|${ip}|${userAgent}|${day}`)
      .digest('base64url');
    return `anon:${mac.slice(0, 32)}`;
  }
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
