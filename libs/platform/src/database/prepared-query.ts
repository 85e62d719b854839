import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/** Statement texts seen so far → their prepared-statement names (bounded, see below). */
const names = new Map<string, string>();
const MAX_STATEMENTS = 200;

/**
 * Runs a fixed-shape query as a named prepared statement on TypeORM's own pool, so PostgreSQL
 * parses and plans it once per connection instead of on every request. For hot paths whose text
 * never varies with user input (the per-request principal, an asset read, the usage log): the
 * planning of the asset-detail query alone cost ~0.8 ms of a ~0.3 ms execution.
 *
 * Texts beyond the first {@link MAX_STATEMENTS} run unnamed (as `ds.query` would), so a caller
 * that builds texts dynamically cannot grow the per-connection statement caches without bound.
 * Errors are PostgreSQL's own (not wrapped in TypeORM's QueryFailedError).
 */
export async function preparedQuery<T extends QueryResultRow>(
  ds: DataSource,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (ds.driver as unknown as { master: Pool }).master;
  let name = names.get(text);
  if (name === undefined && names.size < MAX_STATEMENTS) {
    name = `lb_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  const result = await pool.query<T>(name ? { name, text, values } : { text, values });
  return result.rows;
}
