import type { DataSource, EntityManager } from 'typeorm';

/** A DataSource outside a transaction, or the transaction's EntityManager inside one. */
type Db = Pick<DataSource | EntityManager, 'query'>;

/**
 * `app_meta`, the installation's key-value facts (markers of one-off seeds, reports, salts,
 * heartbeats): platform owns the table and every lib reaches it through these functions, on the
 * connection or transaction it passes first. Values are JSON.
 */
export async function readAppMeta<T>(db: Db, key: string): Promise<T | undefined> {
  const rows: { value: T }[] = await db.query(`SELECT value FROM app_meta WHERE key = $1`, [key]);
  return rows[0]?.value;
}

/** Sets the key's value, replacing an older one. */
export async function putAppMeta(db: Db, key: string, value: unknown): Promise<void> {
  await db.query(
    `INSERT INTO app_meta (key, value, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}

/** Sets the key's value unless it has one (the first writer wins; a later call changes nothing). */
export async function addAppMeta(db: Db, key: string, value: unknown): Promise<void> {
  await db.query(`INSERT INTO app_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [
    key,
    JSON.stringify(value),
  ]);
}

/**
 * Records a new key, failing (unique violation) when it exists: a one-off seed marks itself in its
 * own transaction, so two seeders racing commit only one seed.
 */
export async function insertAppMeta(db: Db, key: string, value: unknown): Promise<void> {
  await db.query(`INSERT INTO app_meta (key, value) VALUES ($1, $2)`, [key, JSON.stringify(value)]);
}
