import type { Principal } from '@lumbung/identity';

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
 * The asset read rule (libs/knowledge/README.md) as one SQL predicate over `assets` aliased
 * `alias`, so every read path filters in the query (lists and counts never see a forbidden row; a
 * forbidden detail costs no extra work). Named parameters for TypeORM's query builder.
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
