import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Reader } from '@lumbung/knowledge';
import { MARK_END, MARK_START } from '../highlight';
import { typingWord } from '../query-text';

/** Meeting minutes found by the PostgreSQL fallback (its own hit kind, like in the index). */
export interface MeetingMatch {
  id: string;
  title: string;
  summary: string;
  opdCode: string;
  heldAt: Date;
  /** Comparable with the fallback's asset rank (same ts_rank_cd formula). */
  rank: number;
  /** Title and summary with the highlight markers around matched words. */
  markedTitle: string;
  markedSummary: string;
}

export interface CopSummary {
  id: string;
  name: string;
}

interface MeetingRow {
  id: string;
  topic: string;
  agenda: string;
  opd_code: string;
  held_at: Date;
  r: number;
  hl_title: string;
  hl_summary: string;
}

/**
 * Minutes the reader may read ($2 assessor, $3 their OPD, $4 their CoPs) within the filters ($5
 * OPD, $6 CoP) matching the query ($1, the word being typed $8), best $7 first, marked.
 */
const MEETING_MATCHES_SQL = `WITH qq AS (
     SELECT COALESCE(NULLIF(replace(plainto_tsquery('indonesian', $1)::text, '&', '|'), ''), '')::tsquery
              || CASE WHEN $8::text IS NULL THEN ''::tsquery
                      ELSE to_tsquery('simple', quote_literal($8::text) || ':*') END AS tsq,
            CASE WHEN $8::text IS NULL THEN NULL
                 ELSE to_tsquery('simple', quote_literal($8::text) || ':*') END AS pq,
            ARRAY(SELECT to_tsquery('simple', quote_literal(l))
                    FROM unnest(tsvector_to_array(to_tsvector('indonesian', $1))) l) AS lx,
            lower($1::text) AS raw),
   m AS (
     SELECT mt.id, mt.topic, mt.agenda, o.code AS opd_code, mt.held_at,
            -- Ranked like the fallback's assets: query words held, then cover density.
            (SELECT count(*) FROM unnest(qq.lx) x WHERE mt.search_tsv @@ x)
              + COALESCE((mt.search_tsv @@ qq.pq)::int, 0)
              + ts_rank_cd(mt.search_tsv, qq.tsq, 32) + 0.2 * word_similarity(qq.raw, lower(mt.topic)) AS r
       FROM community_meetings mt JOIN community_cops c ON c.id = mt.cop_id JOIN identity_opds o ON o.id = c.opd_id, qq
      WHERE ($2 OR mt.minutes_visibility = 'internal' OR c.opd_id = $3 OR mt.cop_id = ANY($4::uuid[]))
        AND ($5::uuid IS NULL OR c.opd_id = $5) AND ($6::uuid IS NULL OR mt.cop_id = $6)
        AND ($1 = '' OR mt.search_tsv @@ qq.tsq OR word_similarity(qq.raw, lower(mt.topic)) > 0.45
             OR EXISTS (SELECT 1 FROM knowledge_meeting_files f WHERE f.meeting_id = mt.id AND f.text_status = 'extracted'
                          AND f.scan_status <> 'pending_scan' AND f.search_tsv @@ qq.tsq))
      ORDER BY r DESC, mt.held_at DESC, mt.id LIMIT $7)
   SELECT m.*,
          ts_headline('indonesian', m.topic, qq.tsq, 'StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true') AS hl_title,
          ts_headline('indonesian', m.agenda, qq.tsq, 'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=10') AS hl_summary
     FROM m, qq ORDER BY m.r DESC, m.held_at DESC, m.id`;

function toMeetingMatch(r: MeetingRow): MeetingMatch {
  return {
    id: r.id,
    title: r.topic,
    summary: r.agenda.slice(0, 2000),
    opdCode: r.opd_code,
    heldAt: new Date(r.held_at),
    rank: Number(r.r),
    markedTitle: r.hl_title,
    markedSummary: r.hl_summary,
  };
}

/**
 * What search reads of the community context (its contract views): meeting minutes for the
 * PostgreSQL fallback, with the same access rule as the index's meeting documents
 * (`meiliAccessFilter`: internal minutes for any signed-in user, others for the CoP's members
 * and its host OPD, assessors all, anonymous callers none), and the CoP directory for
 * completions and for checking a CoP filter.
 */
@Injectable()
export class MeetingSearchReader {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Readable minutes matching the query, best first, at most `limit`; `''` lists them all. */
  async searchMeetings(
    reader: Reader | undefined,
    q: string,
    filters: { opdId?: string; copId?: string },
    limit: number,
  ): Promise<MeetingMatch[]> {
    // Anonymous visitors read no minutes (the index's access filter says `publik` only).
    if (!reader) return [];
    const rows = await this.ds.query<MeetingRow[]>(MEETING_MATCHES_SQL, [
      q,
      reader.isAssessor,
      reader.opdId,
      reader.copIds,
      filters.opdId ?? null,
      filters.copId ?? null,
      limit,
      typingWord(q) ?? null,
    ]);
    return rows.map(toMeetingMatch);
  }

  /** CoPs whose name has a word starting with `prefix` (completions). */
  copsByName(prefix: string, limit: number): Promise<CopSummary[]> {
    const p = prefix
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`);
    if (!p) return Promise.resolve([]);
    return this.ds.query<CopSummary[]>(
      `SELECT id, name FROM community_cops
        WHERE status = 'aktif' AND (lower(name) LIKE $1 || '%' OR lower(name) LIKE '% ' || $1 || '%')
        ORDER BY lower(name) LIKE $1 || '%' DESC, name, id LIMIT $2`,
      [p, limit],
    );
  }

  /** Every CoP (to check a CoP filter and name the allowed values). */
  allCops(): Promise<CopSummary[]> {
    return this.ds.query<CopSummary[]>(`SELECT id, name FROM community_cops ORDER BY name, id`);
  }
}
