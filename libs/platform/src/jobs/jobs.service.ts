import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PayloadOf } from './queues';

export interface JobView {
  id: string;
  queue: string;
  payload: Record<string, unknown>;
  status: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: Date;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface EnqueueOptions {
  /** At most one pending job per queue and key: a second enqueue is a no-op. */
  dedupeKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Enqueues many jobs of one queue in one statement, on the caller's transaction (an outbox
 * written with the change); a job whose dedupe key is already pending is skipped.
 */
export async function enqueueJobs<Q extends string>(
  m: EntityManager,
  queue: Q,
  jobs: readonly { payload: PayloadOf<Q>; dedupeKey: string }[],
): Promise<void> {
  if (jobs.length === 0) return;
  await m.query(
    `INSERT INTO jobs (queue, payload, dedupe_key)
     SELECT $1, p, k FROM unnest($2::jsonb[], $3::text[]) AS j(p, k)
     ON CONFLICT (queue, dedupe_key) WHERE status = 'pending' AND dedupe_key IS NOT NULL DO NOTHING`,
    [queue, jobs.map((j) => JSON.stringify(j.payload)), jobs.map((j) => j.dedupeKey)],
  );
}

/**
 * Durable jobs (an outbox table). Enqueue with the same EntityManager as the change that needs
 * the job, so both commit or neither does; the worker delivers them with retries.
 */
@Injectable()
export class JobsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async enqueue<Q extends string>(
    manager: EntityManager,
    queue: Q,
    payload: PayloadOf<Q>,
    options: EnqueueOptions = {},
  ): Promise<void> {
    await manager.query(
      `INSERT INTO jobs (queue, payload, dedupe_key, run_at, max_attempts)
       VALUES ($1, $2, $3, COALESCE($4, now()), $5)
       ON CONFLICT (queue, dedupe_key) WHERE status = 'pending' AND dedupe_key IS NOT NULL
       DO NOTHING`,
      [
        queue,
        JSON.stringify(payload),
        options.dedupeKey ?? null,
        options.runAt ?? null,
        options.maxAttempts ?? 8,
      ],
    );
  }

  /** One payload field of the queue's pending and running jobs (work already in flight). */
  async inFlight(queue: string, field: string): Promise<string[]> {
    const rows = await this.ds.query<{ v: string }[]>(
      `SELECT payload->>$2 AS v FROM jobs WHERE queue = $1 AND status IN ('pending', 'running')`,
      [queue, field],
    );
    return rows.map((r) => r.v);
  }

  /** Jobs in a status (newest first), for the operators' screen. */
  async list(status: string, queue: string | undefined, limit: number): Promise<JobView[]> {
    return this.ds.query<JobView[]>(
      `SELECT id, queue, payload, status, attempts, max_attempts AS "maxAttempts", last_error AS "lastError",
              run_at AS "runAt", created_at AS "createdAt", finished_at AS "finishedAt"
         FROM jobs WHERE status = $1 AND ($2::text IS NULL OR queue = $2)
        ORDER BY id DESC LIMIT $3`,
      [status, queue ?? null, limit],
    );
  }

  /** Gives a dead (or failed, waiting) job a fresh set of attempts, due now. False if none. */
  async retry(id: string): Promise<boolean> {
    const rows = await this.ds.query<{ id: string }[]>(
      `WITH r AS (UPDATE jobs SET status = 'pending', attempts = 0, run_at = now(), finished_at = NULL
                   WHERE id = $1 AND status IN ('dead', 'pending') RETURNING id)
       SELECT id FROM r`,
      [id],
    );
    return rows.length > 0;
  }

  /**
   * Deletes done jobs finished more than `days` ago, in chunks (short transactions on a big
   * table); returns how many. Dead jobs stay until an operator retries them.
   */
  async purgeFinished(days: number, chunk = 5_000): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ n }] = await this.ds.query<{ n: number }[]>(
        `WITH d AS (
           DELETE FROM jobs WHERE id IN (
             SELECT id FROM jobs WHERE status = 'done' AND finished_at < now() - make_interval(days => $1)
              LIMIT $2)
           RETURNING 1)
         SELECT count(*)::int AS n FROM d`,
        [days, chunk],
      );
      total += n;
      if (n < chunk) return total;
    }
  }

  /** Counts by queue and status, for operators and tests. */
  async counts(): Promise<{ queue: string; status: string; n: number }[]> {
    return this.ds.query<{ queue: string; status: string; n: number }[]>(
      `SELECT queue, status, count(*)::int AS n FROM jobs GROUP BY queue, status ORDER BY queue, status`,
    );
  }
}
