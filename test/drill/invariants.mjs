// What must hold after every drill, checked against PostgreSQL, the file store and Meilisearch.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from '../bench/search-stack.mjs';

const sha256 = (path) =>
  new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => hash.update(d))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });

const objectPath = (uploadDir, key) => join(uploadDir, 'objects', key);

/** Every acknowledged write is in PostgreSQL (and its file on disk), exactly once. */
export async function lostWrites(db, w, uploadDir) {
  const lost = [];
  const duplicated = [];
  const one = async (what, sql, params) => {
    const { rows } = await db.query(sql, params);
    const n = rows[0].n;
    if (n === 0) lost.push(what);
    if (n > 1) duplicated.push(what);
  };
  for (const a of w.acked.assets)
    await one(`asset ${a.id}`, `SELECT count(*)::int AS n FROM assets WHERE title = $1`, [a.title]);
  for (const id of w.acked.published)
    await one(
      `published ${id}`,
      `SELECT count(*)::int AS n FROM assets WHERE id = $1 AND status = 'published'`,
      [id],
    );
  for (const [id, e] of w.acked.edits) {
    if (!e.acked) continue;
    const { rows } = await db.query(`SELECT summary FROM assets WHERE id = $1`, [id]);
    // The last acknowledged value, or a later attempt that may have committed unanswered.
    if (![e.acked, ...e.attempted].includes(rows[0]?.summary)) lost.push(`edit ${id}`);
  }
  for (const m of w.acked.meetings)
    await one(`meeting ${m.id}`, `SELECT count(*)::int AS n FROM meetings WHERE topic = $1`, [
      m.topic,
    ]);
  for (const i of w.acked.imports)
    for (const ext of i.externalIds)
      await one(`import ${ext}`, `SELECT count(*)::int AS n FROM assets WHERE external_id = $1`, [
        ext,
      ]);
  for (const u of w.acked.uploads) {
    const { rows } = await db.query(
      `SELECT id, storage_key, size_bytes::int AS size FROM attachments WHERE asset_id = $1 AND sha256 = $2`,
      [u.assetId, u.sha256],
    );
    if (rows.length === 0) lost.push(`upload ${u.ids[0]}`);
    if (rows.length > 1) duplicated.push(`upload ${u.ids[0]}`);
    for (const r of rows) {
      const path = objectPath(uploadDir, r.storage_key);
      if (!existsSync(path) || r.size !== u.size || (await sha256(path)) !== u.sha256)
        lost.push(`file of ${r.id}`);
    }
  }
  return { lost, duplicated };
}

/**
 * Partial or orphan state: files without rows, rows without files, temp files left behind,
 * assets without their creation transition, jobs stuck or dead.
 */
export async function partialState(db, uploadDir, since) {
  const problems = [];
  const { rows } = await db.query(`SELECT id, storage_key FROM attachments`);
  const keys = new Set(rows.map((r) => r.storage_key));
  for (const r of rows)
    if (!existsSync(objectPath(uploadDir, r.storage_key)))
      problems.push(`row without file ${r.id}`);
  const objects = join(uploadDir, 'objects');
  if (existsSync(objects))
    for (const a of readdirSync(objects))
      for (const b of readdirSync(join(objects, a)))
        for (const f of readdirSync(join(objects, a, b)))
          if (!keys.has(`${a}/${b}/${f}`)) problems.push(`file without row ${a}/${b}/${f}`);
  const tmp = join(uploadDir, 'tmp');
  if (existsSync(tmp)) for (const f of readdirSync(tmp)) problems.push(`temp file ${f}`);
  const noCreate = await db.query(
    `SELECT a.id FROM assets a WHERE a.created_at >= $1 AND NOT EXISTS
       (SELECT 1 FROM asset_transitions t WHERE t.asset_id = a.id)`,
    [since],
  );
  for (const r of noCreate.rows) problems.push(`asset without transition ${r.id}`);
  const jobs = await db.query(
    // A job scheduled for later (tomorrow's notification digest) is not left-over work.
    `SELECT status, count(*)::int AS n FROM jobs
      WHERE status IN ('running', 'dead') OR (status = 'pending' AND run_at <= now())
      GROUP BY status`,
  );
  for (const j of jobs.rows) problems.push(`${j.n} ${j.status} jobs`);
  return problems;
}

/**
 * Waits until no job is due or running and the usage log is folded: true, or what is left (jobs
 * scheduled for later, such as the daily notification digest, are not waited for).
 */
export async function quiesce(db, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    const { rows } = await db.query(
      `SELECT (SELECT count(*)::int FROM jobs
                 WHERE status = 'running' OR (status = 'pending' AND run_at <= now())) AS open,
              (SELECT count(*)::int FROM (SELECT occurred_on, max(id) AS m FROM usage_events GROUP BY occurred_on) e
                 LEFT JOIN usage_rollup_days r ON r.day = e.occurred_on
                WHERE r.day IS NULL OR r.max_event_id < e.m) AS unfolded`,
    );
    if (rows[0].open === 0 && rows[0].unfolded === 0) return true;
    last = rows[0];
    await sleep(250);
  }
  return `not quiescent: ${JSON.stringify(last)}`;
}

/** Ids and version stamps of published assets in PostgreSQL and in the index, equal in time. */
export async function indexConverges(db, meiliFetch, indexUid, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let diff;
  do {
    const { rows } = await db.query(
      `SELECT id::text, version || ':' || floor(extract(epoch FROM updated_at) * 1000)::bigint AS stamp
         FROM assets WHERE status = 'published'`,
    );
    const want = new Map(rows.map((r) => [r.id, r.stamp]));
    const have = new Map();
    for (let offset = 0; ; offset += 1000) {
      const { body } = await meiliFetch(
        `/indexes/${indexUid}/documents?fields=id,stamp&limit=1000&offset=${offset}`,
      );
      // A stamp is `<document shape>/<version>:<updated ms>`; the asset's part is compared.
      for (const d of body.results)
        if (!d.id.startsWith('meeting-')) have.set(d.id, String(d.stamp).replace(/^\d+\//, ''));
      if (body.results.length < 1000) break;
    }
    diff = [];
    for (const [id, stamp] of want) if (have.get(id) !== stamp) diff.push(`index ${id}`);
    for (const id of have.keys()) if (!want.has(id)) diff.push(`index extra ${id}`);
    if (diff.length === 0) return [];
    await sleep(500);
  } while (Date.now() < until);
  return diff;
}

const ROLLUP_TABLES = ['usage_daily_asset', 'usage_daily_opd', 'usage_period_reader_counts'];

export async function rollupSnapshot(db) {
  const out = {};
  for (const t of ROLLUP_TABLES) {
    const { rows } = await db.query(`SELECT * FROM ${t}`);
    out[t] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** Tables whose rows differ between two snapshots. */
export function rollupDiff(a, b) {
  return ROLLUP_TABLES.filter((t) => JSON.stringify(a[t]) !== JSON.stringify(b[t]));
}
