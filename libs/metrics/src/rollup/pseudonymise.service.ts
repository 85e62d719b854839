import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  addAppMeta,
  APP_CONFIG,
  type AppConfig,
  putAppMeta,
  readAppMeta,
  wibClock,
} from '@lumbung/platform';
import { SearchLogService } from '@lumbung/search';
import { periodDays } from './periods';

const BATCH = 50_000;

/**
 * After USAGE_RETENTION_MONTHS, raw usage events (and search log rows) lose their user ids: each
 * id becomes a keyed hash, the same for the same person, so distinct counts and every rollup keep
 * their numbers while nobody can be looked up. The cutoff is rounded up to the next Triwulan
 * start, so ids are never kept longer than configured and whole quarters change together.
 */
@Injectable()
export class PseudonymiseService {
  private readonly logger = new Logger('UsagePrivacy');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly searchLog: SearchLogService,
  ) {}

  /** First Triwulan start on or after (today − retention), in WIB. */
  cutoff(now = new Date()): string {
    const wib = wibClock(now);
    const target = new Date(
      Date.UTC(
        wib.getUTCFullYear(),
        wib.getUTCMonth() - this.config.usage.retentionMonths,
        wib.getUTCDate(),
      ),
    );
    const quarterMonth = target.getUTCMonth() - (target.getUTCMonth() % 3);
    const start = Date.UTC(target.getUTCFullYear(), quarterMonth, 1);
    const cutoff =
      start === target.getTime() ? start : Date.UTC(target.getUTCFullYear(), quarterMonth + 3, 1);
    return new Date(cutoff).toISOString().slice(0, 10);
  }

  async run(now = new Date()): Promise<{ cutoff: string; events: number }> {
    const cutoff = this.cutoff(now);
    const salt = await this.salt();
    let events = 0;
    for (;;) {
      const n = await this.ds.transaction(async (tx) => {
        await tx.query(`SET LOCAL lumbung.pseudonymise = 'on'`);
        const rows = await tx.query<{ n: number }[]>(
          `WITH batch AS (
             SELECT id FROM usage_events
              WHERE occurred_on < $1 AND NOT pseudonymised ORDER BY id LIMIT ${BATCH}),
           done AS (
             UPDATE usage_events e
                SET actor_user_id = CASE WHEN e.actor_user_id IS NULL THEN NULL
                                         ELSE md5($2 || e.actor_user_id::text)::uuid END,
                    actor_key = CASE WHEN e.actor_user_id IS NULL THEN e.actor_key
                                     ELSE md5($2 || e.actor_user_id::text) END,
                    pseudonymised = true
               FROM batch WHERE e.id = batch.id RETURNING 1)
           SELECT count(*)::int AS n FROM done`,
          [cutoff, salt],
        );
        return rows[0].n;
      });
      events += n;
      if (n < BATCH) break;
    }
    await this.searchLog.pseudonymiseBefore(cutoff, salt);
    await this.pseudonymiseReaderSets(cutoff, salt);
    if (events > 0) this.logger.log({ cutoff, events }, 'usage events pseudonymised');
    return { cutoff, events };
  }

  /** Reader sets of periods wholly before the cutoff take the same keyed ids as the raw log. */
  private async pseudonymiseReaderSets(cutoff: string, salt: string): Promise<void> {
    const periods = await this.ds.query<{ period: string }[]>(
      `SELECT DISTINCT period FROM usage_period_readers`,
    );
    const done = new Set(await this.donePeriods());
    const due = periods
      .map((p) => p.period)
      .filter((p) => !done.has(p))
      .filter((p) => {
        const q = p.length > 4 ? Number(p.slice(6)) : undefined;
        return periodDays(Number(p.slice(0, 4)), q).last < cutoff;
      });
    if (due.length === 0) return;
    await this.ds.transaction(async (tx) => {
      await tx.query(
        `UPDATE usage_period_readers SET user_id = md5($2 || user_id::text)::uuid WHERE period = ANY($1)`,
        [due, salt],
      );
      await putAppMeta(tx, 'usage_pseudonymised_periods', [...done, ...due].sort());
    });
  }

  private async donePeriods(): Promise<string[]> {
    return (await readAppMeta<string[]>(this.ds, 'usage_pseudonymised_periods')) ?? [];
  }

  private async salt(): Promise<string> {
    await addAppMeta(this.ds, 'usage_pseudonym_salt', randomBytes(32).toString('hex'));
    return (await readAppMeta<string>(this.ds, 'usage_pseudonym_salt')) as string;
  }
}
