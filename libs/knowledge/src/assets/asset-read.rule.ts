import { eq, inList } from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';

/**
 * Who may read which asset (libs/knowledge/README.md, "Who reads an asset"), stated once in the
 * two forms the code needs, side by side so a change to one is made to the other:
 * - {@link readablePredicate}: SQL over `assets` (or the `knowledge_assets` view), used by every
 *   read path (detail, lists, counts, exports, the PostgreSQL search) and by metrics and the award;
 * - {@link readableFilter}: a Meilisearch filter over the asset documents of the search index.
 * The index holds published assets only, so on published assets the two admit the same ids
 * (test/integration/asset-read-rule.int-spec.ts checks a matrix of assets and callers).
 */

/** What the asset read rules need to know about the caller (undefined = anonymous). */
export interface Reader {
  userId: string;
  opdId: string;
  copIds: string[];
  verifierOpdIds: string[];
  isAssessor: boolean;
}

export function readerOf(principal: Principal | undefined): Reader | undefined {
  if (!principal) return undefined;
  return {
    userId: principal.userId,
    opdId: principal.opdId,
    copIds: principal.copIds,
    verifierOpdIds: principal.opdsWhere('verifier'),
    isAssessor: principal.isAssessor,
  };
}

/**
 * The rule as one SQL predicate over `assets` aliased `alias`, so every read path filters in the
 * query (lists and counts never see a forbidden row; a forbidden detail costs no extra work).
 * Published and archived assets by visibility (assessors all); any status for the asset's
 * authors and its OPD's verifiers. Named parameters for TypeORM's query builder.
 */
export function readablePredicate(
  alias: string,
  reader: Reader | undefined,
): { sql: string; params: Record<string, unknown> } {
  const a = alias;
  const visible = `${a}.status IN ('published','archived')`;
  if (!reader) return { sql: `(${visible} AND ${a}.visibility = 'publik')`, params: {} };
  const sql = `(
    (${visible} AND (
        ${a}.visibility IN ('publik','internal')
        OR (${a}.visibility = 'opd' AND ${a}.opd_id = :readerOpd)
        OR (${a}.visibility = 'cop' AND ${a}.cop_id = ANY(:readerCops::uuid[]))
        OR ${reader.isAssessor ? 'TRUE' : 'FALSE'}))
    OR ${a}.author_ids @> ARRAY[:readerUser::uuid]
    OR ${a}.opd_id = ANY(:readerVerifierOpds::uuid[]))`;
  return {
    sql,
    params: {
      readerUser: reader.userId,
      readerOpd: reader.opdId,
      readerCops: reader.copIds,
      readerVerifierOpds: reader.verifierOpdIds,
    },
  };
}

/**
 * The same rule as a Meilisearch filter over asset documents (attributes `visibility`, `opdId`,
 * `copId`, `authorIds`; every indexed asset is published, so the status clause is implied).
 * Undefined when the reader may read every asset (assessors). Built from the caller's ids only,
 * never from user text; the caller ANDs it with `kind = "asset"` and its own filters.
 */
export function readableFilter(reader: Reader | undefined): string | undefined {
  if (!reader) return eq('visibility', 'publik');
  if (reader.isAssessor) return undefined;
  const parts = [
    inList('visibility', ['publik', 'internal']),
    `(${eq('visibility', 'opd')} AND ${eq('opdId', reader.opdId)})`,
  ];
  if (reader.copIds.length > 0) {
    parts.push(`(${eq('visibility', 'cop')} AND ${inList('copId', reader.copIds)})`);
  }
  parts.push(eq('authorIds', reader.userId));
  if (reader.verifierOpdIds.length > 0) parts.push(inList('opdId', reader.verifierOpdIds));
  return parts.join(' OR ');
}
