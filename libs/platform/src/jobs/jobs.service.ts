import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface EnqueueOptions {
  /** At most one pending job per queue and key: a second enqueue is a no-op. */
  dedupeKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Durable jobs (an outbox table). Enqueue with the same EntityManager as the change that needs
 * the job, so both commit or neither does; the worker delivers them with retries.
 */
@Injectable()
export class JobsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async enqueue(
    manager: EntityManager,
    queue: string,
    payload: Record<string, unknown>,
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

  /** Counts by queue and status, for operators and tests. */
  async counts(): Promise<{ queue: string; status: string; n: number }[]> {
    return this.ds.query<{ queue: string; status: string; n: number }[]>(
      `SELECT queue, status, count(*)::int AS n FROM jobs GROUP BY queue, status ORDER BY queue, status`,
    );
  }
}
