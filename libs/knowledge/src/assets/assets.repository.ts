import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import { CommonErrors, isUuid, preparedQuery } from '@lumbung/platform';
import { type Reader, readablePredicate } from './asset-read.rule';
import { DETAIL_EXTRAS_SQL, type DetailExtras } from './asset-detail-sql';
import { AssetEntity } from './asset.entity';

export interface AssetFilter {
  opdId?: string;
  type?: string;
  status?: string;
  tag?: string;
  authorId?: string;
  copId?: string;
}

export interface TransitionRow {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string;
  comment: string | null;
  at: Date;
}

const TRANSITION_COLUMNS = `action, from_status AS "fromStatus", to_status AS "toStatus",
  actor_id AS "actorId", comment, at`;

/** Asset queries; every read takes the reader and filters in SQL. */
@Injectable()
export class AssetsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private readable(m: EntityManager, reader: Reader | undefined): SelectQueryBuilder<AssetEntity> {
    const pred = readablePredicate('a', reader);
    return m.getRepository(AssetEntity).createQueryBuilder('a').where(pred.sql, pred.params);
  }

  /** The asset if it exists and the reader may read it; forbidden and missing look the same. */
  async findReadable(
    m: EntityManager = this.ds.manager,
    id: string,
    reader: Reader | undefined,
  ): Promise<AssetEntity | null> {
    return this.readable(m, reader).andWhere('a.id = :id', { id }).getOne();
  }

  /**
   * findReadable with everything its detail response needs, in the same query: the read path, so
   * plain SQL mapped through the entity's own column metadata (no query builder per request).
   */
  async findReadableWithDetail(
    id: string,
    reader: Reader | undefined,
  ): Promise<{ asset: AssetEntity; extras: DetailExtras } | null> {
    const columns = this.entityColumns();
    const pred = readablePredicate('a', reader);
    const [query, values] = this.ds.driver.escapeQueryWithParameters(
      `SELECT ${columns.map((c) => `a.${c.db}`).join(', ')}, ${DETAIL_EXTRAS_SQL} AS detail_extras
         FROM assets a WHERE a.id = :id AND ${pred.sql}`,
      { ...pred.params, id, detailReader: reader?.userId ?? null },
      {},
    );
    const [row] = await preparedQuery<Record<string, unknown>>(this.ds, query, values as unknown[]);
    if (!row) return null;
    const asset = new AssetEntity();
    const target = asset as unknown as Record<string, unknown>;
    for (const c of columns) target[c.prop] = c.from ? c.from(row[c.db]) : row[c.db];
    return { asset, extras: row.detail_extras as DetailExtras };
  }

  private columnsCache?: { db: string; prop: string; from?: (v: unknown) => unknown }[];

  private entityColumns(): { db: string; prop: string; from?: (v: unknown) => unknown }[] {
    this.columnsCache ??= this.ds.getMetadata(AssetEntity).columns.map((c) => {
      const t = c.transformer;
      const from =
        t && !Array.isArray(t) ? (v: unknown) => (t.from as (x: unknown) => unknown)(v) : undefined;
      return { db: c.databaseName, prop: c.propertyName, ...(from ? { from } : {}) };
    });
    return this.columnsCache;
  }

  /** Which of these ids the reader may read, in one query. */
  async readableIds(ids: readonly string[], reader: Reader | undefined): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.readable(this.ds.manager, reader)
      .select('a.id', 'id')
      .andWhere('a.id = ANY(:ids::uuid[])', { ids })
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Titles and types of the ids the reader may read (the others are absent), in one query. */
  async readableTitles(
    ids: readonly string[],
    reader: Reader | undefined,
  ): Promise<Map<string, { title: string; type: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.readable(this.ds.manager, reader)
      .select(['a.id AS id', 'a.title AS title', 'a.type AS type'])
      .andWhere('a.id = ANY(:ids::uuid[])', { ids })
      .getRawMany<{ id: string; title: string; type: string }>();
    return new Map(rows.map((r) => [r.id, { title: r.title, type: r.type }]));
  }

  /**
   * A readable asset, row-locked for a write in this transaction; a malformed, missing or
   * unreadable id is the same 404.
   */
  async lockReadable(m: EntityManager, id: string, reader: Reader): Promise<AssetEntity> {
    const asset = isUuid(id)
      ? await this.readable(m, reader)
          .andWhere('a.id = :id', { id })
          .setLock('pessimistic_write')
          .getOne()
      : null;
    if (!asset) throw CommonErrors.notFound();
    return asset;
  }

  async findPage(
    reader: Reader | undefined,
    filter: AssetFilter,
    page: number,
    limit: number,
  ): Promise<[AssetEntity[], number]> {
    const qb = this.readable(this.ds.manager, reader);
    if (filter.opdId) qb.andWhere('a.opd_id = :opdId', { opdId: filter.opdId });
    if (filter.type) qb.andWhere('a.type = :type', { type: filter.type });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.tag) qb.andWhere(':tag = ANY(a.tags)', { tag: filter.tag });
    if (filter.authorId)
      qb.andWhere('a.author_ids @> ARRAY[:author::uuid]', { author: filter.authorId });
    if (filter.copId) qb.andWhere('a.cop_id = :copId', { copId: filter.copId });
    return qb
      .orderBy('a.published_at', 'DESC', 'NULLS LAST')
      .addOrderBy('a.updated_at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip((page - 1) * limit)
      .take(limit)
      .getManyAndCount();
  }

  /**
   * Published assets the reader may read that share tags, type or OPD with `source`, best first:
   * three points per shared tag, one for the same type, one for the same OPD, then the newest.
   * Filtered by the same read predicate as every other path, in the query.
   */
  async findRelated(
    source: Pick<AssetEntity, 'id' | 'tags' | 'type' | 'opdId'>,
    reader: Reader | undefined,
    limit: number,
  ): Promise<AssetEntity[]> {
    const pred = readablePredicate('a', reader);
    const [query, values] = this.ds.driver.escapeQueryWithParameters(
      `SELECT a.id FROM assets a
        WHERE ${pred.sql} AND a.status = 'published' AND a.id <> :sourceId
          AND (a.tags && :sourceTags::text[] OR a.type = :sourceType OR a.opd_id = :sourceOpd)
        ORDER BY 3 * cardinality(ARRAY(SELECT unnest(a.tags) INTERSECT SELECT unnest(:sourceTags::text[])))
                 + (a.type = :sourceType)::int + (a.opd_id = :sourceOpd)::int DESC,
                 a.published_at DESC, a.id
        LIMIT :limit`,
      {
        ...pred.params,
        sourceId: source.id,
        sourceTags: source.tags,
        sourceType: source.type,
        sourceOpd: source.opdId,
        limit,
      },
      {},
    );
    const ids = (await this.ds.query<{ id: string }[]>(query, values)).map((r) => r.id);
    if (ids.length === 0) return [];
    const rows = await this.ds.getRepository(AssetEntity).findBy({ id: In(ids) });
    const byId = new Map(rows.map((a) => [a.id, a]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * The rejections still standing: for each of these assets whose latest move was a verifier's
   * `reject` (so it is a draft that was not submitted again), that move.
   */
  async standingRejections(assetIds: readonly string[]): Promise<Map<string, TransitionRow>> {
    if (assetIds.length === 0) return new Map();
    const rows = await this.ds.query<(TransitionRow & { assetId: string })[]>(
      `SELECT * FROM (
         SELECT DISTINCT ON (asset_id) asset_id AS "assetId", ${TRANSITION_COLUMNS}
           FROM asset_transitions WHERE asset_id = ANY($1::uuid[]) ORDER BY asset_id, id DESC) last
        WHERE action = 'reject'`,
      [assetIds],
    );
    return new Map(rows.map(({ assetId, ...t }) => [assetId, t]));
  }

  async transitions(assetId: string): Promise<TransitionRow[]> {
    return this.ds.query<TransitionRow[]>(
      `SELECT ${TRANSITION_COLUMNS} FROM asset_transitions WHERE asset_id = $1 ORDER BY id`,
      [assetId],
    );
  }

  async recordTransition(
    m: EntityManager,
    assetId: string,
    t: {
      action: string;
      from: string | null;
      to: string;
      actorId: string;
      comment?: string | null;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO asset_transitions (asset_id, action, from_status, to_status, actor_id, comment)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [assetId, t.action, t.from, t.to, t.actorId, t.comment ?? null],
    );
  }

  async attachmentCount(m: EntityManager = this.ds.manager, assetId: string): Promise<number> {
    const [row] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM attachments WHERE asset_id = $1 AND scan_status <> 'pending_scan'`,
      [assetId],
    );
    return row?.n ?? 0;
  }

  /**
   * Tags of published assets the reader may read, with how many carry each: those containing
   * `typed` (tags starting with it first), or the most used when nothing is typed.
   */
  async tagCounts(
    reader: Reader | undefined,
    typed: string | undefined,
    limit: number,
  ): Promise<{ tag: string; count: number }[]> {
    const pred = readablePredicate('a', reader);
    const [sql, values] = this.ds.driver.escapeQueryWithParameters(
      `SELECT t AS tag, count(*)::int AS count
         FROM assets a, unnest(a.tags) t
        WHERE a.status = 'published' AND ${pred.sql}
          AND (:typed::text IS NULL OR strpos(t, :typed::text) > 0)
        GROUP BY t
        ORDER BY (:typed::text IS NOT NULL AND starts_with(t, :typed::text)) DESC, count(*) DESC, t
        LIMIT :limit`,
      { ...pred.params, typed: typed ?? null, limit },
      {},
    );
    return this.ds.query<{ tag: string; count: number }[]>(sql, values);
  }
}
