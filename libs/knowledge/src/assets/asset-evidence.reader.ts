import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@lumbung/identity';
import { readablePredicate, readerOf } from './asset-read.rule';
import type { AssetType } from './asset-types';

/** A published asset as evidence of its authors' and narasumber's expertise. */
export interface EvidenceAsset {
  id: string;
  title: string;
  type: AssetType;
  tags: string[];
  opdId: string;
  copId: string | null;
  authorIds: string[];
  narasumberId: string | null;
  publishedAt: Date;
}

/** A published interview (`wawancara_pengetahuan`) of a person, as its narasumber. */
export interface PublishedInterview {
  assetId: string;
  narasumberId: string;
  publishedAt: Date;
}

interface Row {
  id: string;
  title: string;
  type: AssetType;
  tags: string[];
  opd_id: string;
  cop_id: string | null;
  author_ids: string[];
  narasumber_id: string | null;
  published_at: Date;
}

const COLUMNS = `a.id, a.title, a.type, a.tags, a.opd_id, a.cop_id, a.author_ids, a.narasumber_id, a.published_at`;

/**
 * Read service for other contexts (the knowledge-at-risk register): published assets as evidence
 * of who knows what, and whether a caller may read them (the asset read rule, in SQL).
 */
@Injectable()
export class AssetEvidenceReader {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Published assets the given people wrote or were interviewed for. */
  async byPeople(userIds: readonly string[]): Promise<EvidenceAsset[]> {
    if (userIds.length === 0) return [];
    const rows = await this.ds.query<Row[]>(
      `SELECT ${COLUMNS} FROM assets a
        WHERE a.status = 'published'
          AND (a.author_ids && $1::uuid[] OR a.narasumber_id = ANY($1::uuid[]))
        ORDER BY a.published_at, a.id`,
      [userIds],
    );
    return rows.map(toEvidence);
  }

  /** Published assets of one OPD (or of every OPD): what documents the OPD's topics. */
  async publishedOf(opdId?: string): Promise<EvidenceAsset[]> {
    const rows = await this.ds.query<Row[]>(
      `SELECT ${COLUMNS} FROM assets a
        WHERE a.status = 'published' AND ($1::uuid IS NULL OR a.opd_id = $1) ORDER BY a.id`,
      [opdId ?? null],
    );
    return rows.map(toEvidence);
  }

  /** Published assets the caller may read with a tag containing `fragment` (a normalised tag). */
  async byTag(principal: Principal, fragment: string, limit: number): Promise<EvidenceAsset[]> {
    const pred = readablePredicate('a', readerOf(principal));
    const pattern = `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.ds
      .createQueryBuilder()
      .select(COLUMNS.split(', ').map((c) => `${c} AS ${c.slice(2)}`))
      .from('assets', 'a')
      .where(`a.status = 'published'`)
      .andWhere(`EXISTS (SELECT 1 FROM unnest(a.tags) t WHERE t LIKE :pattern)`, { pattern })
      .andWhere(pred.sql, pred.params)
      .orderBy('a.published_at', 'DESC')
      .addOrderBy('a.id')
      .limit(limit)
      .getRawMany<Row>();
    return rows.map(toEvidence);
  }

  /** Of these asset ids, those the caller may read (the same rule as every read path). */
  async readableIds(principal: Principal, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const pred = readablePredicate('a', readerOf(principal));
    const rows = await this.ds
      .createQueryBuilder()
      .select('a.id', 'id')
      .from('assets', 'a')
      .where('a.id = ANY(:ids::uuid[])', { ids: [...new Set(ids)] })
      .andWhere(pred.sql, pred.params)
      .getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Interviews (`wawancara_pengetahuan`) ever published with these people as narasumber (an
   * archived one was published too), earliest first.
   */
  async interviewsOf(userIds: readonly string[]): Promise<PublishedInterview[]> {
    if (userIds.length === 0) return [];
    const rows = await this.ds.query<{ id: string; narasumber_id: string; published_at: Date }[]>(
      `SELECT a.id, a.narasumber_id, a.published_at FROM assets a
        WHERE a.type = 'wawancara_pengetahuan' AND a.status IN ('published', 'archived')
          AND a.published_at IS NOT NULL AND a.narasumber_id = ANY($1::uuid[])
        ORDER BY a.published_at, a.id`,
      [userIds],
    );
    return rows.map((r) => ({
      assetId: r.id,
      narasumberId: r.narasumber_id,
      publishedAt: r.published_at,
    }));
  }
}

function toEvidence(r: Row): EvidenceAsset {
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    tags: r.tags,
    opdId: r.opd_id,
    copId: r.cop_id,
    authorIds: r.author_ids,
    narasumberId: r.narasumber_id,
    publishedAt: new Date(r.published_at),
  };
}
