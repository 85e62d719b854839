import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

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

/** Collapsing window for keystroke bursts and repeats (domain.md §5). */
export const COLLAPSE_SECONDS = 10;

/** Lower-case, single spaces, trimmed: the form searches are compared and reported in. */
export function normalizeQuery(q: string): string {
  return q.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function actorKey(actor: SearchActor): string {
  if (actor.userId) return `user:${actor.userId}`;
  return `anon:${createHash('sha256').update(actor.client).digest('hex').slice(0, 24)}`;
}

/**
 * The search log. A search within 10 s of the same caller's previous one, whose text extends or
 * repeats it (typing "pen", "penga", "pengadaan"), updates that row instead of adding one.
 */
@Injectable()
export class SearchLogService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(actor: SearchActor, r: SearchRecord): Promise<string> {
    const key = actorKey(actor);
    const query = normalizeQuery(r.query);
    const filters = JSON.stringify(r.filters);
    // One statement: extend the caller's burst if there is one, otherwise add a row.
    const [row] = await this.ds.query<{ id: string }[]>(
      `WITH prev AS (
         SELECT id FROM search_log
          WHERE actor_key = $1 AND last_at > now() - make_interval(secs => $2) AND filters = $4::jsonb
            AND (starts_with($3, query) OR starts_with(query, $3))
          ORDER BY last_at DESC LIMIT 1)
       , upd AS (
         UPDATE search_log s SET last_at = now(), keystrokes = keystrokes + 1,
                query = CASE WHEN length($3) >= length(s.query) THEN $3 ELSE s.query END,
                result_count = $5, engine = $6, duration_ms = $7
           FROM prev WHERE s.id = prev.id
         RETURNING s.id)
       , ins AS (
         INSERT INTO search_log (actor_key, user_id, opd_id, query, filters, result_count, engine, duration_ms)
         SELECT $1, $8, $9, $3, $4::jsonb, $5, $6, $7 WHERE NOT EXISTS (SELECT 1 FROM prev)
         RETURNING id)
       SELECT id FROM upd UNION ALL SELECT id FROM ins`,
      [
        key,
        COLLAPSE_SECONDS,
        query,
        filters,
        r.resultCount,
        r.engine,
        Math.round(r.durationMs),
        actor.userId ?? null,
        actor.opdId ?? null,
      ],
    );
    return row.id;
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
