import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GroupCommit, preparedQuery } from '@lumbung/platform';

export interface SearchActor {
  userId?: string;
  opdId?: string;
  /** For anonymous callers: a stable pseudonym of the client (the usage log's keyed daily key). */
  client: string;
}

export interface SearchRecord {
  query: string;
  filters: Record<string, unknown>;
  resultCount: number;
  engine: 'meilisearch' | 'postgres';
  durationMs: number;
}

/** Collapsing window for keystroke bursts and repeats: within it, they are one search. */
export const COLLAPSE_SECONDS = 10;

/** Lower-case, single spaces, trimmed: the form searches are compared and reported in. */
export function normalizeQuery(q: string): string {
  return q.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function actorKey(actor: SearchActor): string {
  if (actor.userId) return `user:${actor.userId}`;
  return `anon:${createHash('sha256').update(actor.client).digest('hex').slice(0, 24)}`;
}

interface LogWrite {
  id: string;
  actorKey: string;
  userId: string | null;
  opdId: string | null;
  query: string;
  filters: string;
  resultCount: number;
  engine: string;
  durationMs: number;
}

interface Burst {
  /** A promise: a burst new to this process waits for the look-up of other processes' bursts. */
  id: Promise<string>;
  /** The longest text of the burst so far (what the row keeps). */
  query: string;
  filters: string;
  at: number;
}

/**
 * The search log. A search within 10 s of the same caller's earlier one with the same filters,
 * whose text extends or repeats it (typing "pen", "penga", "pengadaan"), counts as a keystroke of
 * that row instead of adding one.
 *
 * Each API process keeps its callers' open bursts (the last 10 s) in memory, so a keystroke costs
 * no lookup; a search that opens no burst here looks for one another API process opened (one
 * indexed query), so a burst whose keystrokes land on two processes stays one row. Rows are
 * written by group commit (one statement for all searches answered at the same moment) and every
 * search answers only after its row is committed.
 */
@Injectable()
export class SearchLogService {
  private readonly bursts = new Map<string, Burst[]>();
  private readonly writes = new GroupCommit<LogWrite>((group) => this.write(group));

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Forgets who searched before the WIB day `cutoff`: the account goes, the actor key becomes a
   * salted hash (libs/metrics runs it with the usage log's retention and salt).
   */
  async pseudonymiseBefore(cutoff: string, salt: string): Promise<void> {
    await this.ds.query(
      `UPDATE search_log SET user_id = NULL, actor_key = md5($2 || actor_key)
        WHERE started_at < ($1::date::timestamp AT TIME ZONE 'Asia/Jakarta') AND user_id IS NOT NULL`,
      [cutoff, salt],
    );
  }

  async record(actor: SearchActor, r: SearchRecord, now = Date.now()): Promise<string> {
    const key = actorKey(actor);
    const query = normalizeQuery(r.query);
    const filters = JSON.stringify(r.filters);
    const since = now - COLLAPSE_SECONDS * 1000;
    const open = (this.bursts.get(key) ?? []).filter((b) => b.at > since);
    const extends_ = (b: { filters: string; query: string }): boolean =>
      b.filters === filters && (query.startsWith(b.query) || b.query.startsWith(query));
    const burst = open.find(extends_);
    // Set before any await, so keystrokes arriving meanwhile join this burst.
    const id =
      burst?.id ??
      this.elsewhere(key, filters, now)
        .then((rows) => rows.find((b) => extends_({ ...b, filters }))?.id ?? randomUUID())
        // A failed look-up only means a row of its own.
        .catch(() => randomUUID());
    const kept = burst && burst.query.length > query.length ? burst.query : query;
    // Most recent first, so the newest burst that fits is the one extended.
    this.bursts.set(key, [
      { id, query: kept, filters, at: now },
      ...open.filter((b) => b !== burst).slice(0, 7),
    ]);
    if (this.bursts.size > 10_000) this.sweep(since);
    const rowId = await id;
    await this.writes.add({
      id: rowId,
      actorKey: key,
      userId: actor.userId ?? null,
      opdId: actor.opdId ?? null,
      query,
      filters,
      resultCount: r.resultCount,
      engine: r.engine,
      durationMs: Math.round(r.durationMs),
    });
    return rowId;
  }

  /** The caller's bursts of the last 10 s with these filters, as written by any API process. */
  private elsewhere(
    key: string,
    filters: string,
    now: number,
  ): Promise<{ id: string; query: string }[]> {
    return preparedQuery<{ id: string; query: string }>(
      this.ds,
      `SELECT id, query FROM search_log
        WHERE actor_key = $1 AND last_at > to_timestamp($2::float8 / 1000) - make_interval(secs => $3)
          AND filters = $4::jsonb
        ORDER BY last_at DESC LIMIT 8`,
      [key, now, COLLAPSE_SECONDS, filters],
    );
  }

  /** One statement per group: new rows inserted, keystrokes of open bursts added to theirs. */
  private async write(group: LogWrite[]): Promise<void> {
    const byId = new Map<string, LogWrite & { keystrokes: number }>();
    for (const w of group) {
      const prev = byId.get(w.id);
      byId.set(w.id, {
        ...w,
        query: prev && prev.query.length > w.query.length ? prev.query : w.query,
        keystrokes: (prev?.keystrokes ?? 0) + 1,
      });
    }
    const rows = [...byId.values()];
    const col = <T>(f: (w: (typeof rows)[number]) => T): T[] => rows.map(f);
    await preparedQuery(
      this.ds,
      `INSERT INTO search_log AS s (id, actor_key, user_id, opd_id, query, filters, result_count,
                                    engine, duration_ms, keystrokes)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::jsonb[],
                            $7::int[], $8::text[], $9::int[], $10::int[])
       ON CONFLICT (id) DO UPDATE SET
         last_at = now(), keystrokes = s.keystrokes + EXCLUDED.keystrokes,
         query = CASE WHEN length(EXCLUDED.query) >= length(s.query) THEN EXCLUDED.query ELSE s.query END,
         result_count = EXCLUDED.result_count, engine = EXCLUDED.engine,
         duration_ms = EXCLUDED.duration_ms`,
      [
        col((w) => w.id),
        col((w) => w.actorKey),
        col((w) => w.userId),
        col((w) => w.opdId),
        col((w) => w.query),
        col((w) => w.filters),
        col((w) => w.resultCount),
        col((w) => w.engine),
        col((w) => w.durationMs),
        col((w) => w.keystrokes),
      ],
    );
  }

  private sweep(since: number): void {
    for (const [key, list] of this.bursts) {
      if (list.every((b) => b.at <= since)) this.bursts.delete(key);
    }
  }

  /**
   * The most searched queries of an OPD (of everyone, for anonymous callers) over the last 90
   * days that found something, most searched first. Their words are other people's input:
   * callers check them against what the person may read before showing them.
   */
  async popularQueries(opdId: string | undefined, limit: number): Promise<string[]> {
    const rows = await this.ds.query<{ query: string }[]>(
      `SELECT query FROM search_log
        WHERE started_at > now() - interval '90 days' AND result_count > 0 AND query <> ''
          AND ($1::uuid IS NULL OR opd_id = $1::uuid)
        GROUP BY query ORDER BY count(*) DESC, count(DISTINCT actor_key) DESC, query LIMIT $2`,
      [opdId ?? null, limit],
    );
    return rows.map((r) => r.query);
  }

  /** A click belongs to a search of the same caller; returns false when there is no such search. */
  async click(
    actor: SearchActor,
    searchId: string,
    assetId: string,
    position: number,
  ): Promise<boolean> {
    const rows = await this.ds.query<{ id: string }[]>(
      `SELECT id FROM search_log WHERE id = $1 AND actor_key = $2`,
      [searchId, actorKey(actor)],
    );
    if (rows.length === 0) return false;
    await this.ds.query(
      `INSERT INTO search_clicks (search_id, asset_id, position) VALUES ($1, $2, $3)
       ON CONFLICT (search_id, asset_id) DO NOTHING`,
      [searchId, assetId, position],
    );
    return true;
  }
}
