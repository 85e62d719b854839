import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { IdempotencyErrors } from './idempotency.errors';

/** Whose key on which route: keys of different callers or routes never meet. */
export interface IdempotencyScope {
  readonly userId: string;
  readonly route: string;
  readonly key: string;
}

/** A running attempt: the scope and the token that proves this attempt holds the key. */
export interface IdempotencyAttempt extends IdempotencyScope {
  readonly attempt: string;
}

export type IdempotencyBegin =
  | { readonly kind: 'execute'; readonly attempt: IdempotencyAttempt }
  | { readonly kind: 'replay'; readonly response: unknown };

interface KeyRow {
  fingerprint: string;
  attempt: string;
  response: { body: unknown } | null;
  leaseMs: number;
}

const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Stores the answer to each request sent with an `Idempotency-Key`, keyed by (user, route, key),
 * so a retry gets the same answer instead of a second write. A running attempt holds the key by a
 * lease that it renews while it runs; a second request with the key meanwhile is refused
 * (IDEMPOTENCY_IN_PROGRESS), and a key whose attempt died (API killed) is free again once its
 * lease lapses. The write's own transaction marks the key applied (`markApplied`), so a retry after
 * a crash between commit and answer is refused rather than carried out twice.
 */
@Injectable()
export class IdempotencyStore {
  private readonly logger = new Logger('Idempotency');
  private readonly current = new AsyncLocalStorage<IdempotencyAttempt>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static isValidKey(key: string): boolean {
    return VALID_KEY.test(key);
  }

  /** Claims the key for a new attempt, or returns the stored answer; throws when it may not run. */
  async begin(scope: IdempotencyScope, fingerprint: string): Promise<IdempotencyBegin> {
    const attempt = randomUUID();
    const { ttlMs, leaseMs } = this.config.idempotency;
    const claimed = await this.ds.query<{ attempt: string }[]>(
      `INSERT INTO idempotency_keys AS k (user_id, route, key, fingerprint, attempt, lease_until, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + $6 * interval '1 millisecond', now() + $7 * interval '1 millisecond')
       ON CONFLICT (user_id, route, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, attempt = EXCLUDED.attempt,
             lease_until = EXCLUDED.lease_until, applied_at = NULL, response = NULL,
             created_at = now(), expires_at = EXCLUDED.expires_at
         WHERE k.expires_at <= now()
       RETURNING attempt`,
      [scope.userId, scope.route, scope.key, fingerprint, attempt, leaseMs, ttlMs],
    );
    if (claimed[0]?.attempt === attempt) return { kind: 'execute', attempt: { ...scope, attempt } };

    const [row] = await this.ds.query<KeyRow[]>(
      `SELECT fingerprint, attempt, response,
              GREATEST(0, EXTRACT(EPOCH FROM lease_until - now()) * 1000)::int AS "leaseMs"
         FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3`,
      [scope.userId, scope.route, scope.key],
    );
    // Deleted between the two statements (its attempt failed): the retry may simply run.
    if (!row) return this.begin(scope, fingerprint);
    if (row.fingerprint !== fingerprint) throw IdempotencyErrors.reused();
    if (row.response) return { kind: 'replay', response: row.response.body };
    if (row.leaseMs > 0) throw IdempotencyErrors.inProgress(Math.ceil(row.leaseMs / 1000));
    // The attempt holding it died: take over, unless another retry just did.
    const [taken] = await this.ds.query<{ n: number }[]>(
      `WITH t AS (
         UPDATE idempotency_keys SET attempt = $5, lease_until = now() + $6 * interval '1 millisecond'
          WHERE user_id = $1 AND route = $2 AND key = $3 AND attempt = $4 AND lease_until <= now()
          RETURNING 1)
       SELECT count(*)::int AS n FROM t`,
      [scope.userId, scope.route, scope.key, row.attempt, attempt, leaseMs],
    );
    if (taken.n === 0) throw IdempotencyErrors.inProgress(Math.ceil(leaseMs / 1000));
    return { kind: 'execute', attempt: { ...scope, attempt } };
  }

  /** Runs `work` as this attempt, renewing its lease until it settles. */
  async run<T>(attempt: IdempotencyAttempt, work: () => Promise<T>): Promise<T> {
    const every = Math.max(200, Math.floor(this.config.idempotency.leaseMs / 3));
    const timer = setInterval(() => void this.renew(attempt), every);
    timer.unref();
    try {
      return await this.current.run(attempt, work);
    } finally {
      clearInterval(timer);
    }
  }

  /**
   * Called inside the transaction that makes the write: marks the key applied, so the write and
   * the mark commit together. Refuses when an earlier attempt already applied it. No-op without a
   * key.
   */
  async markApplied(tx: EntityManager): Promise<void> {
    const a = this.current.getStore();
    if (!a) return;
    // A SELECT around the UPDATE: TypeORM answers a bare UPDATE with [rows, count], not rows.
    const [marked] = await tx.query<{ n: number }[]>(
      `WITH m AS (
         UPDATE idempotency_keys SET applied_at = now()
          WHERE user_id = $1 AND route = $2 AND key = $3 AND attempt = $4 AND applied_at IS NULL
          RETURNING 1)
       SELECT count(*)::int AS n FROM m`,
      [a.userId, a.route, a.key, a.attempt],
    );
    if (marked.n === 0) throw IdempotencyErrors.alreadyApplied();
  }

  /** Stores the answer; later requests with the key get it back. */
  async complete(a: IdempotencyAttempt, body: unknown): Promise<void> {
    await this.ds.query(
      `UPDATE idempotency_keys SET response = $5, lease_until = now()
        WHERE user_id = $1 AND route = $2 AND key = $3 AND attempt = $4`,
      [a.userId, a.route, a.key, a.attempt, JSON.stringify({ body: body ?? null })],
    );
  }

  /**
   * The attempt failed: the key is released for a retry. A key already applied stays, so the
   * retry is refused rather than repeated.
   */
  async abandon(a: IdempotencyAttempt): Promise<void> {
    const params = [a.userId, a.route, a.key, a.attempt];
    await this.ds.query(
      `DELETE FROM idempotency_keys
        WHERE user_id = $1 AND route = $2 AND key = $3 AND attempt = $4 AND applied_at IS NULL`,
      params,
    );
    await this.ds.query(
      `UPDATE idempotency_keys SET lease_until = now()
        WHERE user_id = $1 AND route = $2 AND key = $3 AND attempt = $4`,
      params,
    );
  }

  /** Deletes keys past their expiry; returns how many. */
  async purgeExpired(): Promise<number> {
    const [purged] = await this.ds.query<{ n: number }[]>(
      `WITH d AS (DELETE FROM idempotency_keys WHERE expires_at <= now() RETURNING 1)
       SELECT count(*)::int AS n FROM d`,
    );
    return purged.n;
  }

  private async renew(a: IdempotencyAttempt): Promise<void> {
    try {
      await this.ds.query(
        `UPDATE idempotency_keys SET lease_until = now() + $5 * interval '1 millisecond'
          WHERE user_id = $1 AND route = $2 AND key = $3 AND attempt = $4 AND response IS NULL`,
        [a.userId, a.route, a.key, a.attempt, this.config.idempotency.leaseMs],
      );
    } catch (error) {
      this.logger.warn({ reason: String(error) }, 'idempotency lease not renewed');
    }
  }
}
