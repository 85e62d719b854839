// Benchmark: search results on screen after the last keystroke, in a real browser (issue 13: ≤ 300
// ms at p95 on the demo data). The stack of the other search benches with the portal's demo data
// (the first start's seed, indexed by the worker) and the built portal (npm run bench builds it),
// driven by Debian's Chromium through playwright-core, signed in as an ASN at 1280 px.
//
// Per query: a fresh /cari (so no answer is cached in the page), then the query typed letter by
// letter into the "Cari pengetahuan" searchbox with a person's uneven rhythm (80–220 ms between
// keys, so searches for the partial words go out on the way). Measured in the page itself, so
// the driver's round trips do not count: from the last keystroke's keydown to the first frame
// in which the results list shows the answer for the whole text (`ol[data-query]` equal to it).
// The page's 150 ms debounce is part of what is measured, as a person sees it.
// Queries are words of the demo assets' titles, one or two of them, drawn with a fixed seed.
// Overrides: BENCH_WEB_QUERIES (default 60), CHROMIUM_PATH. Nothing is asserted.
import { cpus, loadavg } from 'node:os';
import { browserMissing, signedInBrowser } from './web-browser.mjs';
import { mulberry32 } from './search-corpus.mjs';
import { ASN_EMAIL, percentile, startSearchStack, table } from './search-stack.mjs';

const QUERIES = Number(process.env.BENCH_WEB_QUERIES ?? 60);
const WARM_UP = 3;
const GOAL_MS = 300;
const TIMEOUT_MS = 10_000;

const out = (s = '') => process.stdout.write(`${s}\n`);
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : String(x));

/** Deterministic queries from the words of the titles the ASN may read. */
function makeQueries(titles, n) {
  const rnd = mulberry32(13);
  const words = (t) =>
    t
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 5);
  const pool = titles.map(words).filter((ws) => ws.length > 0);
  const queries = new Set();
  for (let i = 0; queries.size < n && i < n * 50; i++) {
    const ws = pool[Math.floor(rnd() * pool.length)];
    const a = ws[Math.floor(rnd() * ws.length)];
    const b = ws[Math.floor(rnd() * ws.length)];
    queries.add(rnd() < 0.5 || a === b ? a : `${a} ${b}`);
  }
  return [...queries];
}

/** Installed in every page: keydown times and the frame the list for a text first appears in. */
const PROBE = `
  window.__lastKey = NaN;
  window.__shown = new Map();
  document.addEventListener('keydown', () => { window.__lastKey = performance.now(); }, true);
  const look = () => {
    const list = document.querySelector('ol[data-query]');
    const q = list && list.getAttribute('data-query');
    if (q !== null && q !== undefined && !window.__shown.has(q)) {
      window.__shown.set(q, NaN);
      requestAnimationFrame((frame) => window.__shown.set(q, frame));
    }
  };
  new MutationObserver(look).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'],
  });`;

async function typeAndMeasure(page, query, rnd) {
  await page.goto('/cari');
  const box = page.getByRole('searchbox', { name: 'Cari pengetahuan' });
  await box.waitFor();
  // The browse list (no words) first, so its answer is not in flight while typing.
  await page.locator('ol[data-query]').waitFor();
  await box.focus();
  for (const letter of query) {
    await page.keyboard.press(letter === ' ' ? 'Space' : letter);
    await page.waitForTimeout(80 + Math.floor(rnd() * 140));
  }
  const handle = await page.waitForFunction(
    (q) => {
      const at = globalThis.__shown.get(q);
      if (!Number.isFinite(at)) return false;
      const key = globalThis.__lastKey;
      // The search request for the whole text (resource timing): when it left and came back.
      const req = performance
        .getEntriesByType('resource')
        .filter((e) => {
          const url = new URL(e.name);
          return url.pathname === '/api/v1/search' && url.searchParams.get('q') === q;
        })
        .pop();
      return {
        total: at - key,
        toRequest: req ? req.startTime - key : NaN,
        request: req ? req.responseEnd - req.startTime : NaN,
        toFrame: req ? at - req.responseEnd : NaN,
      };
    },
    query,
    { timeout: TIMEOUT_MS, polling: 50 },
  );
  return handle.jsonValue();
}

export default async function run() {
  const missing = browserMissing();
  if (missing) {
    out(`SKIPPED: ${missing}`);
    return;
  }
  const load0 = loadavg()[0];
  const stack = await startSearchStack({ demoYear: true });
  let browser;
  try {
    const { stats } = await stack.waitIndexed({ minDocs: 1 });
    const { rows } = await stack.db.query(
      `SELECT a.title FROM assets a
        WHERE a.status = 'published'
          AND (a.visibility IN ('publik', 'internal') OR a.opd_id = $1)
        ORDER BY a.id`,
      [stack.asn.opdId],
    );
    const queries = makeQueries(
      rows.map((r) => r.title),
      QUERIES + WARM_UP,
    );
    out(
      `demo data: ${stats.numberOfDocuments} documents in the index, ${rows.length} published assets ` +
        `readable by ${ASN_EMAIL}; ${QUERIES} queries (+${WARM_UP} warm-up) of 1–2 title words; ` +
        `${cpus().length} CPUs, load ${load0.toFixed(2)}`,
    );

    let page;
    ({ browser, page } = await signedInBrowser(stack.base, ASN_EMAIL, PROBE));

    const rnd = mulberry32(29);
    const samples = [];
    const parts = { toRequest: [], request: [], toFrame: [] };
    const failures = [];
    for (const [i, query] of queries.entries()) {
      try {
        const m = await typeAndMeasure(page, query, rnd);
        if (i < WARM_UP) continue;
        samples.push(m.total);
        for (const k of Object.keys(parts)) parts[k].push(m[k]);
      } catch (error) {
        if (i >= WARM_UP) failures.push(`"${query}": ${String(error).split('\n')[0]}`);
      }
    }
    const all = [...samples, ...failures.map(() => Infinity)];
    out(
      table([
        ['measured', 'queries', 'p50', 'p90', 'p95', 'max', 'not shown'],
        [
          'last keystroke → results on screen',
          all.length,
          ms(percentile(all, 50)),
          ms(percentile(all, 90)),
          ms(percentile(all, 95)),
          ms(Math.max(...all)),
          failures.length,
        ],
      ]),
    );
    const part = (label, xs) => [
      label,
      xs.length,
      ms(percentile(xs, 50)),
      ms(percentile(xs, 90)),
      ms(percentile(xs, 95)),
      ms(Math.max(...xs)),
      '',
    ];
    out('where the time goes (each part on its own; percentiles do not add up):');
    out(
      table([
        ['part', 'queries', 'p50', 'p90', 'p95', 'max', ''],
        part('keystroke → search request sent', parts.toRequest),
        part('search request (network + API)', parts.request),
        part('answer → frame with the list', parts.toFrame),
      ]),
    );
    if (failures.length) out(`not shown: ${failures.slice(0, 3).join(' | ')}`);
    const p95 = percentile(all, 95);
    out(
      `results on screen p95 ${ms(p95)} vs goal ≤ ${GOAL_MS} ms (150 ms of it is the page's debounce): ` +
        `${p95 <= GOAL_MS ? 'PASS' : 'FAIL'}; load average ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
    );
  } finally {
    await browser?.close();
    await stack.stop();
  }
}
