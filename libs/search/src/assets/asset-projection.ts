import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AssetSearchDocument } from '../asset-index';
import { stemsOf } from '../indonesian-stem';
import { stripMarkers } from '../highlight';

const MAX_TEXT = 100_000;
/** Assets per query when building a large batch (the first chunk smaller, see documentChunks). */
const FIRST_CHUNK = 1_000;
const CHUNK = 3_000;
/**
 * The document shape's version, part of every stamp: raising it makes the drift check find every
 * document stale and rebuild it (2: `authorIds`).
 */
const SHAPE = 2;

interface Row {
  id: string;
  type: string;
  title: string;
  summary: string;
  sections: Record<string, string>;
  body: string;
  tags: string[];
  opdId: string;
  opdCode: string;
  copId: string | null;
  visibility: string;
  status: string;
  publishedAt: Date | null;
  updatedAt: Date;
  version: number;
  authorIds: string[];
  authorNames: string[];
  attachmentText: string | null;
}

const clean = (s: string): string => stripMarkers(s).slice(0, MAX_TEXT);

/**
 * Builds search documents from PostgreSQL, the source of truth. Only published assets are
 * searchable; for any other id the caller deletes the document.
 */
@Injectable()
export class AssetProjection {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The documents of these assets (published ones only). */
  async documents(ids: readonly string[]): Promise<Map<string, AssetSearchDocument>> {
    const out = new Map<string, AssetSearchDocument>();
    for await (const docs of this.documentChunks(ids)) for (const d of docs) out.set(d.id, d);
    return out;
  }

  /**
   * The same, chunk by chunk: a small first chunk (so that a large batch reaches Meilisearch
   * early), then larger ones, the next chunk's query running in PostgreSQL while this process
   * builds the current one.
   */
  async *documentChunks(ids: readonly string[]): AsyncGenerator<AssetSearchDocument[]> {
    const chunks: (readonly string[])[] = [];
    for (let i = 0, size = FIRST_CHUNK; i < ids.length; i += size, size = CHUNK)
      chunks.push(ids.slice(i, i + size));
    let next = chunks.length > 0 ? this.rows(chunks[0]) : undefined;
    for (let i = 0; next; i++) {
      const rows = await next;
      next = i + 1 < chunks.length ? this.rows(chunks[i + 1]) : undefined;
      // A failed read-ahead is reported by the next iteration's await, never left unhandled.
      next?.catch(() => undefined);
      yield rows.map(toDocument);
    }
  }

  private rows(ids: readonly string[]): Promise<Row[]> {
    return this.ds.query<Row[]>(
      `SELECT a.id, a.type, a.title, a.summary, a.sections, a.body, a.tags, a.opd_id AS "opdId",
              o.code AS "opdCode", a.cop_id AS "copId", a.visibility, a.status,
              a.published_at AS "publishedAt", a.updated_at AS "updatedAt", a.version,
              a.author_ids AS "authorIds",
              ARRAY(SELECT u.name FROM unnest(a.author_ids) WITH ORDINALITY x(uid, n)
                      JOIN identity_people u ON u.id = x.uid ORDER BY x.n) AS "authorNames",
              (SELECT string_agg(f.extracted_text, E'\\n' ORDER BY f.created_at)
                 FROM knowledge_search_asset_files f
                WHERE f.asset_id = a.id AND f.text_status = 'extracted' AND f.scan_status <> 'pending_scan')
                AS "attachmentText"
         FROM knowledge_search_assets a JOIN identity_opds o ON o.id = a.opd_id
        WHERE a.id = ANY($1::uuid[]) AND a.status = 'published'`,
      [ids],
    );
  }

  /** Ids and stamps of every searchable asset, for the drift check and the rebuild. */
  async searchableStamps(): Promise<Map<string, string>> {
    const rows = await this.ds.query<{ id: string; stamp: string }[]>(
      `SELECT id, $1::text || '/' || version || ':' || floor(extract(epoch FROM updated_at) * 1000)::bigint AS stamp
         FROM knowledge_search_assets WHERE status = 'published'`,
      [SHAPE],
    );
    return new Map(rows.map((r) => [r.id, r.stamp]));
  }
}

export function toDocument(r: Row): AssetSearchDocument {
  const sections = Object.values(r.sections ?? {}).join('\n');
  return {
    id: r.id,
    kind: 'asset',
    type: r.type,
    title: clean(r.title),
    tags: r.tags,
    summary: clean(r.summary),
    sections: clean(sections),
    body: clean(r.body),
    attachmentText: clean(r.attachmentText ?? ''),
    authorNames: r.authorNames,
    authorIds: r.authorIds,
    stems: stemsOf(
      `${r.title} ${r.tags.join(' ')} ${r.summary} ${sections} ${r.body} ${r.attachmentText ?? ''}`,
    ),
    opdId: r.opdId,
    opdCode: r.opdCode,
    copId: r.copId,
    visibility: r.visibility,
    publishedAt: (r.publishedAt ?? r.updatedAt).getTime(),
    updatedAt: r.updatedAt.getTime(),
    stamp: `${SHAPE}/${r.version}:${r.updatedAt.getTime()}`,
  };
}
