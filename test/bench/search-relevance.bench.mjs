// Benchmark: search quality on real Indonesian (../shared/datasets/id-retrieval, TyDi QA via
// IDK-MRC). The 4,650 passages are imported as published `internal` assets, indexed through the
// outbox worker, and every question of the tune split is asked as a logged-in ASN through
// GET /api/v1/search, once on Meilisearch and once on the PostgreSQL fallback (a second API
// instance whose Meilisearch is unreachable). Reports hit@1, recall@10, MRR@10, nDCG@10 against
// the BM25 reference in the dataset README. Only the `_tune` files are read, never the sealed split.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, dist, now, startSearchStack, table } from './search-stack.mjs';

export const DATA_DIR =
  process.env.ID_RETRIEVAL_DIR ?? join(resolve(ROOT, '../shared'), 'datasets/id-retrieval');
const BM25 = { hit1: 0.706, recall10: 0.903, mrr10: 0.778, ndcg10: undefined };
const K = 10;
const CONCURRENCY = 4;

export const readJsonl = (file) =>
  readFileSync(join(DATA_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

/** The tune split: passages, questions and each question's one relevant passage. */
export function loadDataset() {
  const docs = readJsonl('docs.jsonl');
  const queries = readJsonl('queries_tune.jsonl');
  const qrels = new Map();
  for (const line of readFileSync(join(DATA_DIR, 'qrels_tune.tsv'), 'utf8').split('\n')) {
    const [qid, docId, rel] = line.trim().split('\t');
    if (qid && docId && Number(rel) > 0) qrels.set(qid, docId);
  }
  return { docs, queries, qrels };
}

function toImportLines(docs) {
  const { OPD_DIRECTORY } = dist('libs/identity/src/opds/opd-directory.data.js');
  return docs.map((d, i) => {
    let title = d.title.replace(/\s+/g, ' ').trim();
    if (title.length > 300) title = `${title.slice(0, 299)}…`;
    if (title.length < 3) title = d.text.slice(0, 120);
    return {
      externalId: d.id,
      type: i % 2 === 0 ? 'dokumen' : 'praktik_baik',
      title,
      body: d.text,
      opdCode: OPD_DIRECTORY[i % OPD_DIRECTORY.length].code,
      visibility: 'internal',
      publishedAt: new Date(Date.UTC(2021 + (i % 4), i % 12, 1 + (i % 28))).toISOString(),
    };
  });
}

/** Asks every question through the API; returns per-query ranks and response statistics. */
async function runQueries({ base, token, queries, qrels, externalOf }) {
  const results = new Array(queries.length);
  const stats = { non2xx: 0, statuses: {}, engines: {}, zeroHits: 0, unknownIds: 0, ms: [] };
  let next = 0;
  const worker = async () => {
    while (next < queries.length) {
      const i = next++;
      const q = queries[i];
      const url = `${base}/api/v1/search?q=${encodeURIComponent(q.text)}&limit=${K}`;
      const t0 = now();
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const text = await res.text();
      stats.ms.push(now() - t0);
      if (res.status < 200 || res.status > 299) {
        stats.non2xx += 1;
        stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
        if (stats.non2xx <= 3)
          process.stderr.write(
            `search "${q.text}" answered ${res.status}: ${text.slice(0, 300)}\n`,
          );
        results[i] = { rank: 0, hits: 0 };
        continue;
      }
      const body = JSON.parse(text);
      stats.engines[body.engine] = (stats.engines[body.engine] ?? 0) + 1;
      const hits = body.hits ?? [];
      if (hits.length === 0) stats.zeroHits += 1;
      const relevant = qrels.get(q.id);
      let rank = 0;
      hits.slice(0, K).forEach((h, j) => {
        const ext = externalOf.get(h.id);
        if (!ext) stats.unknownIds += 1;
        if (!rank && ext === relevant) rank = j + 1;
      });
      results[i] = { rank, hits: hits.length };
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { results, stats };
}

function metrics(results) {
  const n = results.length;
  let hit1 = 0;
  let recall = 0;
  let mrr = 0;
  let ndcg = 0;
  for (const { rank } of results) {
    if (!rank || rank > K) continue;
    if (rank === 1) hit1 += 1;
    recall += 1;
    mrr += 1 / rank;
    ndcg += 1 / Math.log2(rank + 1); // one relevant document: ideal DCG = 1
  }
  return { hit1: hit1 / n, recall10: recall / n, mrr10: mrr / n, ndcg10: ndcg / n };
}

const f3 = (x) => (x === undefined ? '–' : x.toFixed(3));

export default async function run() {
  if (!existsSync(join(DATA_DIR, 'docs.jsonl')) || !existsSync(join(DATA_DIR, 'qrels_tune.tsv'))) {
    process.stdout.write(
      `SKIPPED: the Indonesian retrieval set is not at ${DATA_DIR} ` +
        `(expected docs.jsonl, queries_tune.jsonl, qrels_tune.tsv from ../shared/datasets/id-retrieval; ` +
        `set ID_RETRIEVAL_DIR to use another copy)\n`,
    );
    return;
  }
  const { docs, queries, qrels } = loadDataset();
  const stack = await startSearchStack();
  let fallback;
  try {
    const lines = toImportLines(docs);
    const t0 = now();
    const imported = await stack.importLines(lines);
    const tImported = now();
    if (imported.summary.rejected > 0) {
      process.stdout.write(
        `warning: ${imported.summary.rejected} passages rejected by the import, e.g. ${JSON.stringify(imported.rejected[0])}\n`,
      );
    }
    const indexed = await stack.waitIndexed({ minDocs: imported.ids.size, timeoutMs: 900_000 });
    const externalOf = new Map([...imported.ids].map(([ext, id]) => [id, ext]));
    process.stdout.write(
      `${docs.length} passages imported in ${((tImported - t0) / 1000).toFixed(1)} s ` +
        `(${JSON.stringify(imported.summary)}); indexed ${((indexed.at - tImported) / 1000).toFixed(1)} s later ` +
        `(${indexed.stats.numberOfDocuments} documents in ${stack.indexUid}, jobs ${JSON.stringify(indexed.jobs)})\n`,
    );
    const judged = queries.filter((q) => qrels.has(q.id));

    const meili = await runQueries({
      base: stack.base,
      token: stack.asnToken,
      queries: judged,
      qrels,
      externalOf,
    });
    // Info: the same index asked directly with matchingStrategy "frequency" (the app uses the
    // default, "last"), with the ASN's access filter, to show what that one parameter is worth.
    const access = `(visibility IN ["publik","internal"] OR (visibility = "opd" AND opdId = "${stack.asn.opdId}"))`;
    const frequency = [];
    for (const q of judged) {
      const { body } = await stack.meiliFetch(`/indexes/${stack.indexUid}/search`, {
        method: 'POST',
        body: JSON.stringify({
          q: q.text,
          filter: access,
          limit: K,
          matchingStrategy: 'frequency',
          attributesToRetrieve: ['id'],
        }),
      });
      const rank = body.hits.findIndex((h) => externalOf.get(h.id) === qrels.get(q.id)) + 1;
      frequency.push({ rank, zero: body.hits.length === 0 });
    }
    // The fallback instance shares the database; only its Meilisearch is unreachable.
    fallback = await stack.startFallbackApi();
    const pg = await runQueries({
      base: fallback.base,
      token: fallback.asnToken,
      queries: judged,
      qrels,
      externalOf,
    });
    await fallback.stop();
    fallback = undefined;

    const m = metrics(meili.results);
    const p = metrics(pg.results);
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    process.stdout.write(
      `\nRelevance on ${judged.length} tune questions (one relevant passage each), ASN ${stack.asn.email}, limit ${K}\n`,
    );
    process.stdout.write(
      table([
        [
          'engine',
          'hit@1',
          'recall@10',
          'MRR@10',
          'nDCG@10',
          'zero-hit',
          'non-2xx',
          'engine field',
          'p50 ms',
        ],
        [
          'Meilisearch (API)',
          f3(m.hit1),
          f3(m.recall10),
          f3(m.mrr10),
          f3(m.ndcg10),
          meili.stats.zeroHits,
          meili.stats.non2xx,
          JSON.stringify(meili.stats.engines),
          median(meili.stats.ms).toFixed(1),
        ],
        [
          'PostgreSQL fallback (API)',
          f3(p.hit1),
          f3(p.recall10),
          f3(p.mrr10),
          f3(p.ndcg10),
          pg.stats.zeroHits,
          pg.stats.non2xx,
          JSON.stringify(pg.stats.engines),
          median(pg.stats.ms).toFixed(1),
        ],
        (() => {
          const f = metrics(frequency);
          const zero = frequency.filter((r) => r.zero).length;
          const row = [f.hit1, f.recall10, f.mrr10, f.ndcg10].map(f3);
          return ['raw Meili, frequency (info)', ...row, zero, '–', '–', '–'];
        })(),
        [
          'BM25 reference (README)',
          f3(BM25.hit1),
          f3(BM25.recall10),
          f3(BM25.mrr10),
          '–',
          '–',
          '–',
          '–',
          '–',
        ],
      ]),
    );
    const wrongEngine =
      (meili.stats.engines.meilisearch ?? 0) !== judged.length ||
      (pg.stats.engines.postgres ?? 0) !== judged.length;
    if (wrongEngine) {
      process.stdout.write(
        `warning: expected engine "meilisearch" on the first instance and "postgres" on the fallback for every query\n`,
      );
    }
    for (const [label, r] of [
      ['Meilisearch', meili],
      ['PostgreSQL', pg],
    ]) {
      if (r.stats.unknownIds > 0)
        process.stdout.write(
          `warning: ${label} returned ${r.stats.unknownIds} hit ids that are not imported passages\n`,
        );
    }
    const pass = m.mrr10 > BM25.mrr10 && m.recall10 > BM25.recall10;
    process.stdout.write(
      `\n${pass ? 'PASS' : 'FAIL'}  Meilisearch beats BM25 on MRR@10 (${f3(m.mrr10)} vs ${f3(BM25.mrr10)}) ` +
        `and recall@10 (${f3(m.recall10)} vs ${f3(BM25.recall10)})\n`,
    );
  } finally {
    await fallback?.stop();
    await stack.stop();
  }
}
