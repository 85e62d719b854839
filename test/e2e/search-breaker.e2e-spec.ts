import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalMeili, startMeili } from '../../apps/cli/src/local/meili';
import { givenUser, login, publishAsset, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * A pass-through proxy in front of Meilisearch that counts the search requests reaching the
 * engine, so the test can tell "answered without asking the engine" from "asked and timed out".
 */
async function countingProxy(target: string): Promise<{
  host: string;
  searches: () => number;
  close: () => Promise<void>;
}> {
  let searches = 0;
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && /\/search$|^\/multi-search$/.test(req.url ?? '')) searches += 1;
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    host: `http://127.0.0.1:${port}`,
    searches: () => searches,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const FAILURES = 3;

describe('search while Meilisearch hangs (stopped, not killed): the circuit breaker', () => {
  let dir: string;
  let meili: LocalMeili;
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  let t: TestApp;
  let asn: Session;
  let assetId: string;

  const search = async () => {
    const res = await t.http().get('/api/v1/search?q=kebakaran').set(asn.auth).expect(200);
    return {
      engine: res.body.engine as string,
      found: (res.body.hits as { id: string }[]).some((h) => h.id === assetId),
    };
  };
  const health = async () => (await t.http().get('/api/v1/health').expect(200)).body;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lumbung-meili-hung-'));
    chmodSync(dir, 0o755);
    // Its own Meilisearch: stopping the run's shared one would freeze every other suite.
    meili = await startMeili({ dir, masterKey: 'test-master-key-0123456789' });
    proxy = await countingProxy(meili.host);
    t = await createTestApp({
      MEILI_HOST: proxy.host,
      MEILI_MASTER_KEY: meili.masterKey,
      SEARCH_TIMEOUT_MS: '1000',
      SEARCH_BREAKER_FAILURES: String(FAILURES),
      SEARCH_BREAKER_OPEN_MS: '300',
    });
    const author = await login(t.http, await givenUser(t.ds));
    const verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    asn = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
    assetId = await publishAsset(t.http, author, verifier, {
      title: 'Penanganan kebakaran permukiman padat',
      visibility: 'internal',
    });
    await t.drainJobs();
  });
  afterAll(async () => {
    // Never leave a stopped process behind, whatever happened above.
    process.kill(meili.pid, 'SIGCONT');
    await t.close();
    await proxy.close();
    await meili.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens after the failures, answers from PostgreSQL without asking the engine, and closes once it answers again', async () => {
    expect(await search()).toEqual({ engine: 'meilisearch', found: true });
    expect(await health()).toMatchObject({ status: 'ok', search: 'up', searchBreaker: 'closed' });

    process.kill(meili.pid, 'SIGSTOP');
    // Each of the first searches asks the engine, waits for its timeout and falls back.
    const before = proxy.searches();
    for (let i = 0; i < FAILURES; i++) {
      expect(await search()).toEqual({ engine: 'postgres', found: true });
    }
    expect(proxy.searches() - before).toBe(FAILURES);

    // Open: health says so at once (it does not wait on the hung engine either)…
    const degraded = await health();
    expect(degraded).toMatchObject({ status: 'degraded', database: 'up', search: 'down' });
    expect(['open', 'half_open']).toContain(degraded.searchBreaker);
    // …and searches go straight to PostgreSQL: not one of them reaches the engine.
    const asked = proxy.searches();
    for (let i = 0; i < 5; i++) {
      expect(await search()).toEqual({ engine: 'postgres', found: true });
    }
    expect(proxy.searches()).toBe(asked);
    // The engine comes back: a background probe closes the breaker, search is Meilisearch again.
    process.kill(meili.pid, 'SIGCONT');
    let engine = '';
    for (let i = 0; i < 100 && engine !== 'meilisearch'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      engine = (await search()).engine;
    }
    expect(engine).toBe('meilisearch');
    expect(await search()).toEqual({ engine: 'meilisearch', found: true });
    expect(await health()).toMatchObject({ status: 'ok', search: 'up', searchBreaker: 'closed' });
  });
});
