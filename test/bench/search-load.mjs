// Closed-loop HTTP load generator for the search benchmarks: N workers on a kept-alive agent, fixed
// duration, per-request latency, every non-2xx (and every connection error, as status 0) counted.
// Bodies are read fully but not parsed.
import http from 'node:http';
import { now, percentile } from './search-stack.mjs';

/** One request; resolves { status, body } (status 0 on a connection error). */
export function request(agent, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolveRequest) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolveRequest({ status: res.statusCode, body: Buffer.concat(chunks) }));
      res.on('error', (error) => resolveRequest({ status: 0, body: Buffer.from(String(error)) }));
    });
    req.on('error', (error) => resolveRequest({ status: 0, body: Buffer.from(String(error)) }));
    req.end(body);
  });
}

/** A search target: `send(agent, q)` issues the request for query `q`. */
export function apiTarget(base, token) {
  return {
    name: 'API',
    send: (agent, q, limit = 20) =>
      request(agent, `${base}/api/v1/search?q=${encodeURIComponent(q)}&limit=${limit}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
  };
}

export function rawTarget(host, masterKey, uid, payload, encoding = 'identity') {
  return {
    name: 'raw Meilisearch',
    send: (agent, q, limit = 20) => {
      const p = payload(q);
      // Page mode (page/hitsPerPage, exhaustive totals) ignores limit; send it only otherwise.
      const body = JSON.stringify('page' in p ? p : { ...p, limit });
      return request(agent, `${host}/indexes/${uid}/search`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${masterKey}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'accept-encoding': encoding,
        },
        body,
      });
    },
  };
}

/**
 * Runs `concurrency` closed-loop workers for `durationMs`, each taking the next query of the
 * list (starting at `offset`). Returns latencies (ms), counts, status histogram, req/s.
 */
export async function closedLoop(target, { concurrency, durationMs, queries, offset = 0, agent }) {
  const own = !agent;
  agent ??= new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  const statuses = {};
  let non2xx = 0;
  let next = offset;
  const sample = [];
  const t0 = now();
  const deadline = t0 + durationMs;
  const worker = async () => {
    while (now() < deadline) {
      const q = queries[next++ % queries.length];
      const s = now();
      const res = await target.send(agent, q);
      latencies.push(now() - s);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status < 200 || res.status > 299) {
        non2xx += 1;
        if (sample.length < 3) sample.push(`${res.status} ${res.body.toString('utf8', 0, 200)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = now() - t0;
  if (own) agent.destroy();
  return {
    latencies,
    n: latencies.length,
    non2xx,
    statuses,
    sample,
    rps: latencies.length / (elapsed / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}
