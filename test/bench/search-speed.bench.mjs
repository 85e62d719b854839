// Benchmark: search speed side by side with raw Meilisearch, in one run.
// A deterministic synthetic Indonesian corpus (BENCH_PROFILE=ci: 10,000 assets, full: 100,000) is
// loaded through the JSON Lines import, i.e. the app's own tables, and then:
//  (a) indexing: outbox worker (import end → jobs drained and the index idle) vs the same documents
//      bulk-added, pipelined, to a fresh index with the live index's settings;          goal ≥ 85%
//  (b) GET /api/v1/search as an ASN vs the same query and access filter straight to Meilisearch,
//      closed loop at c=1 and c=16, interleaved rounds, medians of per-round ratios;
//      goals: c=16 p95 ≤ 1.75×; c=1 p50 ≤ raw + 10 ms and p95 ≤ 2×; no non-2xx
//  (c) freshness: 20 single-asset edits, PATCH returned → top hit for a new title word; p95 ≤ 2 s
//  (d) issue 15: the API against raw Meilisearch sent the app's exact request (its query text with
//      the stems, access filter, page/hitsPerPage, highlights), c=16 p95 ≤ 1.3× and c=1 p50 ≤
//      raw + 5 ms (from the cells of (b)); GET /search/suggest with a word being typed vs the
//      raw title prefix query it makes, p95 ≤ 2×; freshness after publish (verifier's approve
//      returned → found by search), p95 ≤ 1 s
// plus a guard that reports raw Meilisearch with Accept-Encoding gzip vs identity.
// Nothing here asserts on wall-clock time alone; the table prints PASS/FAIL per goal.
// Overrides for quick checks: BENCH_DOCS, BENCH_ROUNDS, BENCH_CELL_MS.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { generateAssets, makeQueries, mulberry32 } from './search-corpus.mjs';
import { apiTarget, closedLoop, rawTarget, request } from './search-load.mjs';
import {
  ROOT,
  dist,
  median,
  now,
  percentile,
  sleep,
  startSearchStack,
  table,
} from './search-stack.mjs';

const PROFILES = {
  ci: { docs: 10_000, rounds: 5, cellMs: 4_000 },
  full: { docs: 100_000, rounds: 5, cellMs: 10_000 },
};
const PROFILE = process.env.BENCH_PROFILE ?? 'ci';
const CHUNK = 10_000;
const FRESHNESS_EDITS = 20;
const FRESHNESS_TIMEOUT_MS = 30_000;
const CONCURRENCIES = [1, 16];

const out = (s = '') => process.stdout.write(`${s}\n`);
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : String(x));
const x2 = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : String(x));
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

/** Summary of the documentAdditionOrUpdate tasks of an index: tasks, server batches, docs. */
async function taskSummary(stack, uid) {
  let from;
  const tasks = [];
  for (let page = 0; page < 500; page++) {
    const q = `/tasks?indexUids=${uid}&types=documentAdditionOrUpdate&limit=1000${from !== undefined ? `&from=${from}` : ''}`;
    const { body } = await stack.meiliFetch(q);
    tasks.push(...body.results);
    if (body.next === null || body.next === undefined) break;
    from = body.next;
  }
  const batches = new Set(tasks.map((t) => t.batchUid));
  const docs = tasks.map((t) => t.details?.receivedDocuments ?? 0);
  const enq = tasks.reduce((m, t) => Math.min(m, Date.parse(t.enqueuedAt)), Infinity);
  const fin = tasks.reduce((m, t) => Math.max(m, Date.parse(t.finishedAt)), -Infinity);
  const start = tasks.reduce((m, t) => Math.min(m, Date.parse(t.startedAt)), Infinity);
  return {
    firstEnqueuedAt: enq,
    processingMs: tasks.length ? fin - start : NaN,
    tasks: tasks.length,
    batches: batches.size,
    maxDocsPerTask: docs.reduce((m, d) => Math.max(m, d), 0),
    failed: tasks.filter((t) => t.status !== 'succeeded').length,
    serverSpanMs: tasks.length ? fin - enq : NaN,
  };
}

/** Copies the live index's settings to a fresh index; some keys may not round-trip on every version. */
async function cloneSettings(stack, settings, uid) {
  const attempt = async (s) => {
    const { body } = await stack.meiliFetch(`/indexes/${uid}/settings`, {
      method: 'PATCH',
      body: JSON.stringify(s),
    });
    await stack.waitTask(body.taskUid);
  };
  try {
    await attempt(settings);
    return [];
  } catch (error) {
    const dropped = Object.keys(settings).filter(
      (k) =>
        settings[k] === null ||
        ['embedders', 'chat', 'localizedAttributes'].includes(k) ||
        (typeof settings[k] === 'object' &&
          !Array.isArray(settings[k]) &&
          !Object.keys(settings[k]).length),
    );
    const rest = Object.fromEntries(Object.entries(settings).filter(([k]) => !dropped.includes(k)));
    out(
      `note: full settings copy failed (${String(error).slice(0, 160)}); retrying without ${dropped.join(', ')}`,
    );
    await attempt(rest);
    return dropped;
  }
}

/** (a) The outbox worker indexes what the import wrote; then the same documents raw. */
/**
 * A first indexing run in a fresh Meilisearch process costs ~10% more than later ones (its
 * tokenizers and caches warm up): index a small sample into a scratch index first, so that
 * neither side of (a) pays for it.
 */
async function warmMeilisearch(stack, codes) {
  const uid = `${stack.indexPrefix}_bench_warm`;
  const created = await stack.meiliFetch('/indexes', {
    method: 'POST',
    body: JSON.stringify({ uid, primaryKey: 'id' }),
  });
  await stack.waitTask(created.body.taskUid);
  const docs = [...generateAssets(300, { seed: 9, opdCodes: codes, prefix: 'warm' })].map(
    (l, i) => ({ id: String(i), title: l.title, summary: l.summary, body: l.body ?? '' }),
  );
  const added = await stack.meiliFetch(`/indexes/${uid}/documents`, {
    method: 'POST',
    body: JSON.stringify(docs),
  });
  await stack.waitTask(added.body.taskUid);
  const del = await stack.meiliFetch(`/indexes/${uid}`, { method: 'DELETE' });
  await stack.waitTask(del.body.taskUid);
}

async function measureIndexing(stack, docCount, codes) {
  await warmMeilisearch(stack, codes);
  const jobsBefore = await stack.jobCounts();
  const ready = await stack.startWorker();
  const readyWall = Date.now();
  const indexed = await stack.waitIndexed({
    minDocs: docCount,
    timeoutMs: 4 * 3_600_000,
    pollMs: 50,
  });
  const appMs = indexed.at - ready.ready;
  const appTasks = await taskSummary(stack, stack.indexUid);

  const uid = stack.indexUid;
  const { body: info } = await stack.meiliFetch(`/indexes/${uid}`);
  const { body: settings } = await stack.meiliFetch(`/indexes/${uid}/settings`);
  // GET /documents returns displayed attributes only: show them all while fetching, if needed.
  const hidden = JSON.stringify(settings.displayedAttributes) !== '["*"]';
  const setDisplayed = async (displayedAttributes) => {
    const { body } = await stack.meiliFetch(`/indexes/${uid}/settings`, {
      method: 'PATCH',
      body: JSON.stringify({ displayedAttributes }),
    });
    await stack.waitTask(body.taskUid);
  };
  if (hidden) await setDisplayed(['*']);
  // The live index's documents, in NDJSON batches of ≤ 10k documents and ≤ 90 MB (Meilisearch
  // refuses payloads over 100 MB).
  const batches = [];
  let current = [];
  let bytes = 0;
  for (let offset = 0; ; offset += 1000) {
    const { body } = await stack.meiliFetch(
      `/indexes/${uid}/documents?limit=1000&offset=${offset}`,
    );
    for (const d of body.results) {
      const line = JSON.stringify(d);
      if (current.length >= 10_000 || bytes + line.length > 90e6) {
        batches.push(current.join('\n'));
        current = [];
        bytes = 0;
      }
      current.push(line);
      bytes += line.length + 1;
    }
    if (body.results.length < 1000) break;
  }
  if (current.length) batches.push(current.join('\n'));
  if (hidden) await setDisplayed(settings.displayedAttributes);
  const rawDocs = batches.reduce((n, b) => n + b.split('\n').length, 0);

  const scratch = `${stack.indexPrefix}_bench_raw`;
  const created = await stack.meiliFetch('/indexes', {
    method: 'POST',
    body: JSON.stringify({ uid: scratch, primaryKey: info.primaryKey }),
  });
  await stack.waitTask(created.body.taskUid);
  const dropped = await cloneSettings(stack, settings, scratch);
  const t0 = now();
  const uids = [];
  for (const b of batches) {
    const { body } = await stack.meiliFetch(`/indexes/${scratch}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: b,
    });
    uids.push(body.taskUid);
  }
  for (const u of uids) await stack.waitTask(u, 4 * 3_600_000);
  const rawMs = now() - t0;
  const rawTasks = await taskSummary(stack, scratch);
  const rawStats = await stack.indexStats(scratch);
  const del = await stack.meiliFetch(`/indexes/${scratch}`, { method: 'DELETE' });
  await stack.waitTask(del.body.taskUid);
  return {
    jobsBefore,
    jobsAfter: indexed.jobs,
    docsInIndex: indexed.stats.numberOfDocuments,
    bootMs: ready.ready - ready.spawned,
    appMs,
    appRate: (docCount / appMs) * 1000,
    appTasks,
    // Worker: from its start to its first Meilisearch task (claim, read, build, send).
    appBeforeTaskMs: appTasks.firstEnqueuedAt - readyWall,
    rawDocs,
    rawMs,
    rawRate: (rawDocs / rawMs) * 1000,
    rawTasks,
    rawIndexed: rawStats.numberOfDocuments,
    settings,
    dropped,
  };
}

/** One pass over every query per target (warm-up and sanity: engine, zero hits, equal totals). */
async function warmUp(api, raw, queries) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const result = {
    apiNon2xx: 0,
    rawNon2xx: 0,
    engines: {},
    apiZero: 0,
    rawZero: 0,
    hitsDiffer: 0,
  };
  let next = 0;
  const worker = async () => {
    while (next < queries.length) {
      const q = queries[next++];
      const [a, r] = [await api.send(agent, q), await raw.send(agent, q)];
      if (a.status !== 200) result.apiNon2xx += 1;
      if (r.status !== 200) result.rawNon2xx += 1;
      if (a.status !== 200 || r.status !== 200) {
        if (result.apiNon2xx + result.rawNon2xx <= 3)
          out(
            `warm-up "${q}": API ${a.status} ${a.body.toString('utf8', 0, 200)} / raw ${r.status} ${r.body.toString('utf8', 0, 200)}`,
          );
        continue;
      }
      const ab = JSON.parse(a.body.toString('utf8'));
      const rb = JSON.parse(r.body.toString('utf8'));
      result.engines[ab.engine] = (result.engines[ab.engine] ?? 0) + 1;
      if (!ab.hits?.length) result.apiZero += 1;
      if (!rb.hits?.length) result.rawZero += 1;
      const ids = (hits) => hits.map((h) => h.id).join(',');
      if (ids(ab.hits ?? []) !== ids(rb.hits ?? [])) result.hitsDiffer += 1;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  agent.destroy();
  return result;
}

/** (b) Interleaved rounds: per round, per concurrency, both targets in rotated order. */
async function measureLatency(targets, queries, { rounds, cellMs }) {
  const cells = new Map(); // `${c}|${name}` → results per round
  for (let r = 0; r < rounds; r++) {
    for (const [ci, c] of CONCURRENCIES.entries()) {
      const k = (r + ci) % targets.length;
      const order = [...targets.slice(k), ...targets.slice(0, k)];
      const offset = (r * 61) % queries.length;
      for (const target of order) {
        const res = await closedLoop(target, {
          concurrency: c,
          durationMs: cellMs,
          queries,
          offset,
        });
        const key = `${c}|${target.name}`;
        if (!cells.has(key)) cells.set(key, []);
        cells.get(key).push(res);
      }
    }
  }
  return cells;
}

/** (c) Edit a title through the API, then poll the search API until the asset is the top hit. */
async function measureFreshness(stack, candidates) {
  const adminToken = await stack.login('admin@lumbung.test');
  const asnToken = await stack.login(stack.asn.email);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const rnd = mulberry32(Date.now() % 2 ** 31);
  const letters = (n) =>
    Array.from({ length: n }, () => 'bcdfghjklmnpqrstvwxz'[Math.floor(rnd() * 20)]).join('');
  const samples = [];
  const failures = [];
  for (let i = 0; i < candidates.length; i++) {
    const { id, title } = candidates[i];
    const word = `segar${letters(7)}`;
    const newTitle = `${title.slice(0, 300 - word.length - 1)} ${word}`;
    const body = JSON.stringify({ title: newTitle });
    const patch = await request(agent, `${stack.base}/api/v1/assets/${id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${adminToken}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
      body,
    });
    const saved = now();
    if (patch.status !== 200) {
      failures.push(`PATCH ${patch.status} ${patch.body.toString('utf8', 0, 200)}`);
      continue;
    }
    let seen = NaN;
    while (now() - saved < FRESHNESS_TIMEOUT_MS) {
      const res = await request(
        agent,
        `${stack.base}/api/v1/search?q=${encodeURIComponent(word)}&limit=3`,
        { headers: { authorization: `Bearer ${asnToken}` } },
      );
      if (res.status === 200 && JSON.parse(res.body.toString('utf8')).hits?.[0]?.id === id) {
        seen = now() - saved;
        break;
      }
      await sleep(20);
    }
    if (Number.isFinite(seen)) samples.push(seen);
    else failures.push(`"${word}" not the top hit after ${FRESHNESS_TIMEOUT_MS} ms`);
  }
  agent.destroy();
  const all = [...samples, ...failures.map(() => Infinity)];
  return {
    samples,
    failures,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    max: Math.max(...all),
  };
}

/**
 * (d) Freshness after publish: an ASN drafts and submits a lesson whose title holds a new word,
 * the OPD's verifier approves it; from approve's answer, poll search as the ASN until it is the
 * top hit for that word.
 */
async function measurePublishFreshness(stack, count) {
  const author = await stack.login(stack.asn.email);
  const verifier = await stack.login(`verifier.${stack.asn.opdCode.toLowerCase()}@lumbung.test`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const rnd = mulberry32(Date.now() % 2 ** 31);
  const letters = (n) =>
    Array.from({ length: n }, () => 'bcdfghjklmnpqrstvwxz'[Math.floor(rnd() * 20)]).join('');
  const call = (method, path, token, json) => {
    const body = json ? JSON.stringify(json) : undefined;
    return request(agent, `${stack.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
          : {}),
      },
      body,
    });
  };
  const samples = [];
  const failures = [];
  for (let i = 0; i < count; i++) {
    const word = `terbit${letters(7)}`;
    const draft = await call('POST', '/api/v1/assets', author, {
      type: 'pelajaran',
      title: `Pelajaran pelayanan ${word}`,
      sections: { rencana: 'a', yang_terjadi: 'b', mengapa_berbeda: 'c', lain_kali: 'd' },
    });
    if (draft.status !== 201) {
      failures.push(`draft ${draft.status} ${draft.body.toString('utf8', 0, 200)}`);
      continue;
    }
    const { id } = JSON.parse(draft.body.toString('utf8'));
    const submit = await call('POST', `/api/v1/assets/${id}/submit`, author);
    const approve =
      submit.status === 200 ? await call('POST', `/api/v1/assets/${id}/approve`, verifier) : submit;
    const published = now();
    if (approve.status !== 200) {
      failures.push(`submit/approve ${approve.status} ${approve.body.toString('utf8', 0, 200)}`);
      continue;
    }
    let seen = NaN;
    while (now() - published < FRESHNESS_TIMEOUT_MS) {
      const res = await call('GET', `/api/v1/search?q=${word}&limit=3`, author);
      if (res.status === 200 && JSON.parse(res.body.toString('utf8')).hits?.[0]?.id === id) {
        seen = now() - published;
        break;
      }
      await sleep(20);
    }
    if (Number.isFinite(seen)) samples.push(seen);
    else failures.push(`"${word}" not found after ${FRESHNESS_TIMEOUT_MS} ms`);
  }
  agent.destroy();
  const all = [...samples, ...failures.map(() => Infinity)];
  return { samples, failures, p50: percentile(all, 50), p95: percentile(all, 95) };
}

/** Words being typed: each query cut inside its last word (at least 3 of its letters). */
function typedPrefixes(queries) {
  const rnd = mulberry32(5);
  return queries.map((q) => {
    const cut = q.lastIndexOf(' ') + 1;
    const last = q.slice(cut);
    const keep = Math.min(last.length, 3 + Math.floor(rnd() * Math.max(1, last.length - 2)));
    return q.slice(0, cut + keep);
  });
}

/** Guard: raw search on a kept-alive connection, gzip vs identity, alternating. */
async function encodingGuard(stack, payload, queries) {
  const result = { identity: [], gzip: [] };
  const agents = {
    identity: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    gzip: new http.Agent({ keepAlive: true, maxSockets: 1 }),
  };
  const targets = {
    identity: rawTarget(
      stack.meili.host,
      stack.meili.masterKey,
      stack.indexUid,
      payload,
      'identity',
    ),
    gzip: rawTarget(stack.meili.host, stack.meili.masterKey, stack.indexUid, payload, 'gzip'),
  };
  for (let i = 0; i < 45; i++) {
    for (const enc of i % 2 ? ['gzip', 'identity'] : ['identity', 'gzip']) {
      const t0 = now();
      await targets[enc].send(agents[enc], queries[i % 5]);
      if (i >= 5) result[enc].push(now() - t0);
    }
  }
  agents.identity.destroy();
  agents.gzip.destroy();
  return result;
}

export default async function run() {
  const profile = PROFILES[PROFILE];
  if (!profile) throw new Error(`BENCH_PROFILE must be one of ${Object.keys(PROFILES).join(', ')}`);
  const rounds = Number(process.env.BENCH_ROUNDS ?? profile.rounds);
  const cellMs = Number(process.env.BENCH_CELL_MS ?? profile.cellMs);
  const N = Number(process.env.BENCH_DOCS ?? profile.docs);
  const { OPD_DIRECTORY } = dist('libs/identity/src/opds/opd-directory.data.js');
  const load0 = loadavg()[0];
  const stack = await startSearchStack({ worker: false });
  try {
    const { body: version } = await stack.meiliFetch('/version');
    out(
      `profile ${PROFILE}: ${N} assets, ${rounds} rounds × ${cellMs} ms per cell; ${cpus().length} CPUs, ` +
        `load ${load0.toFixed(2)}; Node ${process.version}; Meilisearch ${version.pkgVersion}`,
    );

    // Corpus through the app's own tables (the import), in files of 10k lines; the worker is
    // stopped so that indexing starts, and is timed, from the end of the import.
    const codes = OPD_DIRECTORY.map((o) => o.code);
    const meta = [];
    const tImport = now();
    let chunk = [];
    const flush = async () => {
      const { ids, summary } = await stack.importLines(chunk, CHUNK);
      if (summary.rejected > 0) throw new Error(`import rejected ${summary.rejected} lines`);
      for (const l of chunk) {
        meta.push({
          id: ids.get(l.externalId),
          title: l.title,
          visibility: l.visibility,
          opdCode: l.opdCode,
        });
      }
      chunk = [];
    };
    for (const line of generateAssets(N, { seed: 42, opdCodes: codes })) {
      chunk.push(line);
      if (chunk.length === CHUNK) await flush();
    }
    if (chunk.length) await flush();
    const importMs = now() - tImport;
    out(`import: ${N} assets in ${(importMs / 1000).toFixed(1)} s (generation included)`);

    // (a) indexing
    const idx = await measureIndexing(stack, N, codes);
    const s = idx.settings;
    out(
      `\n(a) indexing ${N} documents into ${stack.indexUid} (settings: proximityPrecision ${s.proximityPrecision}, ` +
        `searchable ${JSON.stringify(s.searchableAttributes)}, filterable ${JSON.stringify(s.filterableAttributes)}, ` +
        `maxTotalHits ${s.pagination?.maxTotalHits})`,
    );
    out(
      table([
        [
          'path',
          'docs',
          'time',
          'docs/s',
          'tasks',
          'server batches',
          'max docs/task',
          'failed',
          'before 1st task',
          'Meilisearch processing',
        ],
        [
          'outbox worker (import end → drained)',
          idx.docsInIndex,
          `${(idx.appMs / 1000).toFixed(1)} s`,
          idx.appRate.toFixed(0),
          idx.appTasks.tasks,
          idx.appTasks.batches,
          idx.appTasks.maxDocsPerTask,
          idx.appTasks.failed,
          `${(idx.appBeforeTaskMs / 1000).toFixed(1)} s`,
          `${(idx.appTasks.processingMs / 1000).toFixed(1)} s`,
        ],
        [
          'raw pipelined bulk add, fresh index',
          idx.rawIndexed,
          `${(idx.rawMs / 1000).toFixed(1)} s`,
          idx.rawRate.toFixed(0),
          idx.rawTasks.tasks,
          idx.rawTasks.batches,
          idx.rawTasks.maxDocsPerTask,
          idx.rawTasks.failed,
          '–',
          `${(idx.rawTasks.processingMs / 1000).toFixed(1)} s`,
        ],
      ]),
    );
    out(
      `jobs before the worker started ${JSON.stringify(idx.jobsBefore)}, after ${JSON.stringify(idx.jobsAfter)}; ` +
        `worker boot ${(idx.bootMs / 1000).toFixed(1)} s (not counted)` +
        (idx.dropped.length ? `; settings not copied: ${idx.dropped.join(', ')}` : ''),
    );

    // (b) search latency
    const asn = stack.asn;
    const filter = `(visibility IN ["publik","internal"] OR (visibility = "opd" AND opdId = "${asn.opdId}"))`;
    // The fields the app retrieves, so that raw Meilisearch does not ship whole bodies the API
    // never asks for.
    const retrieve = ['id', 'type', 'title', 'summary', 'tags', 'opdCode', 'publishedAt'];
    const payload = (q) => ({
      q,
      filter,
      facets: ['type', 'opdCode', 'tags'],
      attributesToRetrieve: retrieve,
    });
    const queries = makeQueries(300, 7);
    const asnToken = await stack.login(asn.email);
    const api = apiTarget(stack.base, asnToken);
    const raw = rawTarget(stack.meili.host, stack.meili.masterKey, stack.indexUid, payload);
    // Raw Meilisearch sent exactly what the app sends for a keyword query (its query text with
    // the Indonesian stems before the user's words, the access filter, exact counts by page,
    // highlighted title and summary): "the same query" of issue 15 (goals in (d)).
    const { MARK_START, MARK_END } = dist('libs/search/src/highlight.js');
    const { HIT_ATTRIBUTES } = dist('libs/search/src/asset-index.js');
    const { meiliQueryText, meiliFilterList } = dist(
      'libs/search/src/assets/meili-asset-search.js',
    );
    const reader = {
      userId: asn.id,
      opdId: asn.opdId,
      copIds: [],
      verifierOpdIds: [],
      isAssessor: false,
    };
    const appPayload = (q) => ({
      q: meiliQueryText(q),
      filter: meiliFilterList(reader, {}),
      facets: ['type', 'opdCode', 'tags'],
      page: 1,
      hitsPerPage: 20,
      matchingStrategy: 'frequency',
      attributesToRetrieve: [...HIT_ATTRIBUTES],
      attributesToHighlight: ['title', 'summary'],
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
    });
    const rawApp = {
      ...rawTarget(stack.meili.host, stack.meili.masterKey, stack.indexUid, appPayload),
      name: "raw, the app's request",
    };
    const warm = await warmUp(api, raw, queries);
    const cells = await measureLatency([raw, api, rawApp], queries, { rounds, cellMs });
    out(
      `\n(b) search as ${asn.email} (OPD ${asn.opdCode}): ${queries.length} queries of 1–3 words, limit 20, ` +
        `facets type/opdCode/tags; raw payload ${JSON.stringify(payload('…'))}`,
    );
    out(
      `warm-up: API engines ${JSON.stringify(warm.engines)}, zero-hit queries API ${warm.apiZero} / raw ${warm.rawZero}, ` +
        `queries whose top-20 ids differ ${warm.hitsDiffer}, non-2xx API ${warm.apiNon2xx} / raw ${warm.rawNon2xx}`,
    );
    const rows = [['c', 'target', 'requests', 'p50', 'p95', 'p99', 'req/s', 'non-2xx']];
    for (const c of CONCURRENCIES) {
      for (const t of [raw, rawApp, api]) {
        const rs = cells.get(`${c}|${t.name}`);
        const lat = rs.flatMap((r) => r.latencies);
        const secs = rs.reduce((a, r) => a + r.n / r.rps, 0);
        rows.push([
          c,
          t.name,
          lat.length,
          ms(percentile(lat, 50)),
          ms(percentile(lat, 95)),
          ms(percentile(lat, 99)),
          (lat.length / secs).toFixed(0),
          rs.reduce((a, r) => a + r.non2xx, 0),
        ]);
      }
    }
    out(table(rows));
    const perRound = (c, f, base = raw) => {
      const a = cells.get(`${c}|${api.name}`);
      const r = cells.get(`${c}|${base.name}`);
      return a.map((x, i) => f(x, r[i]));
    };
    const sameP95c16 = perRound(16, (a, r) => a.p95 / r.p95, rawApp);
    const sameP50c1 = perRound(1, (a, r) => a.p50 - r.p50, rawApp);
    const range = (xs, fmt) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;
    const p95c16 = perRound(16, (a, r) => a.p95 / r.p95);
    const p95c1 = perRound(1, (a, r) => a.p95 / r.p95);
    const p50c1 = perRound(1, (a, r) => a.p50 - r.p50);
    const rpsc16 = perRound(16, (a, r) => a.rps / r.rps);
    const non2xx =
      [...cells.values()].flat().reduce((a, r) => a + r.non2xx, 0) +
      warm.apiNon2xx +
      warm.rawNon2xx;
    const samples = [...cells.values()].flat().flatMap((r) => r.sample);
    if (samples.length) out(`non-2xx samples: ${samples.slice(0, 3).join(' | ')}`);

    // (c) freshness: assets the ASN can read, spread over the corpus
    const readable = meta.filter((m) => m.visibility !== 'opd' || m.opdCode === asn.opdCode);
    const step = Math.floor(readable.length / FRESHNESS_EDITS);
    const fresh = await measureFreshness(
      stack,
      Array.from({ length: FRESHNESS_EDITS }, (_, i) => readable[i * step + 7]),
    );
    out(
      `\n(c) freshness over ${FRESHNESS_EDITS} edits: p50 ${ms(fresh.p50)}, p95 ${ms(fresh.p95)}, max ${ms(fresh.max)}` +
        (fresh.failures.length ? `; failures: ${fresh.failures.slice(0, 3).join(' | ')}` : ''),
    );

    // (d) suggest: the API's completions vs the raw title prefix query they make, interleaved
    const prefixes = typedPrefixes(queries);
    const suggestApi = {
      name: 'GET /search/suggest',
      send: (agent, q) =>
        request(agent, `${stack.base}/api/v1/search/suggest?q=${encodeURIComponent(q)}`, {
          headers: { authorization: `Bearer ${asnToken}` },
        }),
    };
    const rawPrefix = {
      ...rawTarget(stack.meili.host, stack.meili.masterKey, stack.indexUid, (q) => ({
        q,
        filter: [...meiliFilterList(reader, {}), 'kind = "asset"'],
        attributesToSearchOn: ['title'],
        attributesToRetrieve: ['id', 'title'],
        matchingStrategy: 'all',
        limit: 5,
      })),
      name: 'raw title prefix query',
    };
    const suggestCells = await measureLatency([rawPrefix, suggestApi], prefixes, {
      rounds,
      cellMs,
    });
    const suggestRows = [['c', 'target', 'requests', 'p50', 'p95', 'p99', 'non-2xx']];
    for (const c of CONCURRENCIES) {
      for (const t of [rawPrefix, suggestApi]) {
        const rs = suggestCells.get(`${c}|${t.name}`);
        const lat = rs.flatMap((r) => r.latencies);
        suggestRows.push([
          c,
          t.name,
          lat.length,
          ms(percentile(lat, 50)),
          ms(percentile(lat, 95)),
          ms(percentile(lat, 99)),
          rs.reduce((a, r) => a + r.non2xx, 0),
        ]);
      }
    }
    const suggestRatio = (c) => {
      const a = suggestCells.get(`${c}|${suggestApi.name}`);
      const r = suggestCells.get(`${c}|${rawPrefix.name}`);
      return a.map((x, i) => x.p95 / r[i].p95);
    };
    const suggestNon2xx = [...suggestCells.values()].flat().reduce((a, r) => a + r.non2xx, 0);
    out(
      `\n(d) suggest: ${prefixes.length} texts cut inside their last word (e.g. ${JSON.stringify(prefixes.slice(0, 3))})`,
    );
    out(table(suggestRows));

    // (d) freshness after publish
    const published = await measurePublishFreshness(stack, FRESHNESS_EDITS);
    out(
      `(d) freshness over ${FRESHNESS_EDITS} publications (approve → top hit): p50 ${ms(published.p50)}, ` +
        `p95 ${ms(published.p95)}` +
        (published.failures.length
          ? `; failures: ${published.failures.slice(0, 3).join(' | ')}`
          : ''),
    );

    // guard: compressed responses on a kept-alive connection
    const enc = await encodingGuard(stack, payload, queries);
    const clientSource = readFileSync(join(ROOT, 'dist/libs/search/src/search-client.js'), 'utf8');
    const asksIdentity = /accept-encoding['"]?\s*:\s*['"]identity/i.test(clientSource);
    out(
      `\nguard: raw Meilisearch on a kept-alive connection, Accept-Encoding identity p50 ${ms(median(enc.identity))} ` +
        `p95 ${ms(percentile(enc.identity, 95))} vs gzip p50 ${ms(median(enc.gzip))} p95 ${ms(percentile(enc.gzip, 95))} ` +
        `(reported, not a goal); the app's Meilisearch client asks for identity: ` +
        `${asksIdentity ? 'yes' : 'NO'} (dist/libs/search/src/search-client.js)`,
    );

    const goals = [
      ['goal', 'threshold', 'measured (median of rounds; range)', 'result'],
      [
        'I1 worker indexing docs/s vs raw bulk',
        '≥ 0.85×',
        `${x2(idx.appRate / idx.rawRate)} (${idx.appRate.toFixed(0)} vs ${idx.rawRate.toFixed(0)} docs/s; 1 round)`,
        verdict(idx.appRate / idx.rawRate >= 0.85),
      ],
      [
        'S1 c=16 API p95 / raw p95',
        '≤ 1.75×',
        `${x2(median(p95c16))} (${range(p95c16, x2)})`,
        verdict(median(p95c16) <= 1.75),
      ],
      [
        'S2 c=1 API p50 − raw p50',
        '≤ +10 ms',
        `${median(p50c1) >= 0 ? '+' : ''}${ms(median(p50c1))} (${range(p50c1, ms)})`,
        verdict(median(p50c1) <= 10),
      ],
      [
        'S2 c=1 API p95 / raw p95',
        '≤ 2.0×',
        `${x2(median(p95c1))} (${range(p95c1, x2)})`,
        verdict(median(p95c1) <= 2),
      ],
      ['S4 non-2xx responses (API and raw)', '= 0', String(non2xx), verdict(non2xx === 0)],
      [
        'I3 freshness p95 (PATCH → top hit)',
        '≤ 2000 ms',
        `${ms(fresh.p95)} (p50 ${ms(fresh.p50)}, ${fresh.failures.length} not found)`,
        verdict(fresh.p95 <= 2000),
      ],
      [
        "Q1 c=16 API p95 / raw app's request p95",
        '≤ 1.3×',
        `${x2(median(sameP95c16))} (${range(sameP95c16, x2)})`,
        verdict(median(sameP95c16) <= 1.3),
      ],
      [
        "Q2 c=1 API p50 − raw app's request p50",
        '≤ +5 ms',
        `${median(sameP50c1) >= 0 ? '+' : ''}${ms(median(sameP50c1))} (${range(sameP50c1, ms)})`,
        verdict(median(sameP50c1) <= 5),
      ],
      ...CONCURRENCIES.map((c) => [
        `Q3 c=${c} suggest p95 / raw prefix p95`,
        '≤ 2.0×',
        `${x2(median(suggestRatio(c)))} (${range(suggestRatio(c), x2)}); non-2xx ${suggestNon2xx}`,
        verdict(median(suggestRatio(c)) <= 2 && suggestNon2xx === 0),
      ]),
      [
        'Q4 freshness p95 (approve → top hit)',
        '≤ 1000 ms',
        `${ms(published.p95)} (p50 ${ms(published.p50)}, ${published.failures.length} not found)`,
        verdict(published.p95 <= 1000),
      ],
      [
        'S3 c=16 API req/s / raw req/s (info)',
        '≥ 0.5× (§9)',
        `${x2(median(rpsc16))} (${range(rpsc16, x2)})`,
        median(rpsc16) >= 0.5 ? 'info: ok' : 'info: low',
      ],
    ];
    out(
      `\nGoals (${PROFILE} profile, load average ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)})`,
    );
    out(table(goals));
  } finally {
    await stack.stop();
  }
}
