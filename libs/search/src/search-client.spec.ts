import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@lumbung/platform';
import { MeilisearchHttpError, SearchCircuitOpenError, SearchClient } from './search-client';

/** A server that accepts connections and never answers: a hung (stopped) engine. */
async function hungServer(): Promise<{ host: string; connections: () => number; close(): void }> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections += 1;
    sockets.add(socket);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    host: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

function client(host: string, env: Record<string, string>): SearchClient {
  return new SearchClient(
    loadConfig({
      DATABASE_URL: 'postgres://x@127.0.0.1/x',
      MEILI_HOST: host,
      JWT_SECRET: 'x'.repeat(32),
      ...env,
    }),
  );
}

describe('SearchClient on a hung engine', () => {
  it('times out, opens after the failures, and then refuses without sending', async () => {
    const hung = await hungServer();
    const c = client(hung.host, {
      SEARCH_TIMEOUT_MS: '100',
      SEARCH_BREAKER_FAILURES: '2',
      SEARCH_BREAKER_OPEN_MS: '600000',
    });
    try {
      for (let i = 0; i < 2; i++) {
        const error = await c.search('idx', { q: 'x' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MeilisearchHttpError);
        expect(error).not.toBeInstanceOf(SearchCircuitOpenError);
        expect(String(error)).toContain('timed out');
      }
      expect(c.breakerState).toBe('open');
      const sent = hung.connections();
      await expect(c.search('idx', { q: 'x' })).rejects.toBeInstanceOf(SearchCircuitOpenError);
      await expect(c.multiSearch({ queries: [] })).rejects.toBeInstanceOf(SearchCircuitOpenError);
      expect(hung.connections()).toBe(sent);
    } finally {
      c.onModuleDestroy();
      hung.close();
    }
  });

  it('releases the searches still waiting when the breaker opens', async () => {
    const hung = await hungServer();
    const c = client(hung.host, {
      SEARCH_TIMEOUT_MS: '300',
      SEARCH_BREAKER_FAILURES: '1',
      SEARCH_BREAKER_OPEN_MS: '600000',
    });
    try {
      const first = c.search('idx', { q: 'a' }).catch((e: unknown) => e);
      // Sent while the first still waits; it would time out on its own only later.
      await new Promise((r) => setTimeout(r, 150));
      const second = c.search('idx', { q: 'b' }).catch((e: unknown) => e);
      expect(String(await first)).toContain('timed out');
      expect(await second).toBeInstanceOf(SearchCircuitOpenError);
    } finally {
      c.onModuleDestroy();
      hung.close();
    }
  });

  it('does not count answers of a live engine (4xx) as failures', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'invalid filter', code: 'invalid_search_filter' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const c = client(`http://127.0.0.1:${port}`, { SEARCH_BREAKER_FAILURES: '2' });
    try {
      for (let i = 0; i < 5; i++) {
        await expect(c.search('idx', { q: 'x' })).rejects.toMatchObject({
          status: 400,
          code: 'invalid_search_filter',
        });
      }
      expect(c.breakerState).toBe('closed');
    } finally {
      c.onModuleDestroy();
      server.closeAllConnections();
      server.close();
    }
  });
});
