import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { PayloadOf } from './queues';

/** Without configuration (tools, tests): the lease of old, never renewed. */
const DEFAULT_LEASE_MS = 10 * 60_000;

/** A queue's handler; the payload is typed by the queue registry (`queues.ts`). */
export interface JobHandler<Q extends string = string> {
  readonly queue: Q;
  /** Must be idempotent: a job may run again after a crash between work and acknowledgement. */
  handle(payload: PayloadOf<Q>): Promise<void>;
}

/** A handler that takes due jobs of its queue together (e.g. one Meilisearch task per batch). */
export interface BatchJobHandler<Q extends string = string> {
  readonly queue: Q;
  readonly batchSize: number;
  /** All or nothing: a throw retries every job of the batch. Must be idempotent. */
  handleBatch(payloads: PayloadOf<Q>[]): Promise<void>;
}

interface ClaimedJob {
  id: string;
  queue: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

/**
 * After a restore: jobs a worker was running when the backup was taken are due again (their
 * worker is gone; waiting out the 10-minute lease would only delay them). `run` executes SQL on
 * the restoring connection, inside its transaction.
 */
export async function requeueRunningJobs(run: (sql: string) => Promise<unknown>): Promise<void> {
  await run(
    `UPDATE jobs SET status = 'pending', locked_at = NULL, locked_by = NULL WHERE status = 'running'`,
  );
}

/** Exponential backoff with a cap: 2 s, 4 s, 8 s … at most 10 minutes. */
export function backoffSeconds(attempt: number): number {
  return Math.min(600, 2 ** Math.max(1, attempt));
}

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED (several workers never take the same job), runs
 * their handler, and marks them done, retried later, or dead after max attempts.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly batchHandlers = new Map<string, BatchJobHandler>();
  private readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private staleCheckedAt = 0;
  private readonly leaseMs: number;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    this.leaseMs = config?.jobs.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /** One handler per queue: a second one (single or batch) is a programming error, so start fails. */
  register<Q extends string>(handler: JobHandler<Q>): void {
    this.claimQueue(handler.queue);
    // Kept by queue name; the payload read back from the jobs table is what the producer enqueued
    // under the same registry type.
    this.handlers.set(handler.queue, handler);
  }

  registerBatch<Q extends string>(handler: BatchJobHandler<Q>): void {
    this.claimQueue(handler.queue);
    this.batchHandlers.set(handler.queue, handler);
  }

  private claimQueue(queue: string): void {
    // A silent replacement would leave one of the two handlers' jobs run by the other.
    if (this.handlers.has(queue) || this.batchHandlers.has(queue)) {
      throw new Error(`Queue ${queue} already has a handler; each queue has exactly one`);
    }
  }

  /** Runs due jobs once (up to `limit` single jobs plus one batch per batch queue). */
  async runOnce(limit = 10): Promise<number> {
    await this.releaseStale();
    let processed = 0;
    for (const handler of this.batchHandlers.values()) {
      const jobs = await this.claim([handler.queue], handler.batchSize);
      if (jobs.length > 0) await this.executeBatch(handler, jobs);
      processed += jobs.length;
    }
    const queues = [...this.handlers.keys()];
    if (queues.length === 0) return processed;
    const jobs = await this.claim(queues, limit);
    for (const job of jobs) await this.execute(job);
    return processed + jobs.length;
  }

  /** Keeps this worker's running jobs leased while `work` runs (a long extraction, a big batch). */
  private async leased<T>(work: () => Promise<T>): Promise<T> {
    const timer = setInterval(
      () => {
        this.ds
          .query(`UPDATE jobs SET locked_at = now() WHERE status = 'running' AND locked_by = $1`, [
            this.workerId,
          ])
          .catch((err: unknown) => this.logger.warn({ err: String(err) }, 'job lease not renewed'));
      },
      Math.max(1000, Math.floor(this.leaseMs / 3)),
    );
    timer.unref();
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private claim(queues: string[], limit: number): Promise<ClaimedJob[]> {
    return this.ds.query<ClaimedJob[]>(
      // A CTE so the driver hands back the rows (a bare UPDATE … RETURNING comes back as [rows, count]).
      `WITH claimed AS (
         UPDATE jobs SET status = 'running', locked_at = now(), locked_by = $3, attempts = attempts + 1
          WHERE id IN (SELECT id FROM jobs WHERE status = 'pending' AND queue = ANY($1) AND run_at <= now()
                        ORDER BY run_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING id, queue, payload, attempts, max_attempts AS "maxAttempts")
       SELECT * FROM claimed ORDER BY id`,
      [queues, limit, this.workerId],
    );
  }

  /** Runs until no job is due (tests and one-off drains). */
  async drain(maxRounds = 100): Promise<void> {
    for (let i = 0; i < maxRounds; i++) {
      if ((await this.runOnce()) === 0) return;
    }
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.queue)!;
    try {
      await this.leased(() => handler.handle(job.payload));
      await this.done([job.id]);
    } catch (error) {
      await this.fail(job, error);
    }
  }

  private async executeBatch(handler: BatchJobHandler, jobs: ClaimedJob[]): Promise<void> {
    try {
      await this.leased(() => handler.handleBatch(jobs.map((j) => j.payload)));
      await this.done(jobs.map((j) => j.id));
    } catch (error) {
      for (const job of jobs) await this.fail(job, error);
    }
  }

  private async done(ids: string[]): Promise<void> {
    await this.ds.query(
      `UPDATE jobs SET status = 'done', finished_at = now(), locked_at = NULL, last_error = NULL
        WHERE id = ANY($1::bigint[])`,
      [ids],
    );
  }

  private async fail(job: ClaimedJob, error: unknown): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    const dead = job.attempts >= job.maxAttempts;
    await this.ds.query(
      `UPDATE jobs SET status = $2::varchar, last_error = $3, locked_at = NULL,
              run_at = now() + make_interval(secs => $4),
              finished_at = CASE WHEN $2::varchar = 'dead' THEN now() END
        WHERE id = $1`,
      [job.id, dead ? 'dead' : 'pending', message, backoffSeconds(job.attempts)],
    );
    this.logger.warn(
      { jobId: job.id, queue: job.queue, attempt: job.attempts, dead, err: message },
      'job failed',
    );
  }

  /**
   * A worker that died mid-job leaves it running: its lease (renewed while its worker lives)
   * expires after JOBS_LEASE_MS and the job goes back to pending, or to dead when the claim that
   * died was its last attempt (attempts are counted when a job is claimed, so a job that kills its
   * worker is not retried forever). Looked at every half lease (at most once a minute), not on
   * every poll (it is an UPDATE on the jobs table).
   */
  private async releaseStale(): Promise<void> {
    if (Date.now() - this.staleCheckedAt < Math.min(60_000, this.leaseMs / 2)) return;
    this.staleCheckedAt = Date.now();
    const released = await this.ds.query<{ id: string; queue: string; status: string }[]>(
      `WITH r AS (
         UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'pending' END,
                locked_at = NULL,
                last_error = 'lease expired: the worker ' || COALESCE(locked_by, '?') ||
                             ' stopped while running this job',
                finished_at = CASE WHEN attempts >= max_attempts THEN now() END
          WHERE status = 'running' AND locked_at < now() - $1 * interval '1 millisecond'
          RETURNING id, queue, status)
       SELECT * FROM r`,
      [this.leaseMs],
    );
    for (const job of released) {
      this.logger.warn(
        { jobId: job.id, queue: job.queue, dead: job.status === 'dead' },
        'job lease expired',
      );
    }
  }
}
