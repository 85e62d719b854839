import { freePort } from '../../apps/cli/src/local/free-port';
import { registeredRoutes } from '../support/routes';
import { createTestApp, type TestApp } from '../support/test-app';

describe('platform: health, errors, headers, request ids', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports database and search up', async () => {
    const res = await t.http().get('/api/v1/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up', search: 'up' });
  });

  it('echoes a well-formed X-Request-Id and mints one otherwise', async () => {
    const given = await t.http().get('/api/v1/health').set('X-Request-Id', 'abc-123.x');
    expect(given.headers['x-request-id']).toBe('abc-123.x');
    const bad = await t.http().get('/api/v1/health').set('X-Request-Id', 'bad id\twith spaces');
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with the one error shape, in Indonesian first', async () => {
    const res = await t.http().get('/api/v1/tidak-ada').expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'Data tidak ditemukan.' });
    const en = await t.http().get('/api/v1/tidak-ada').set('Accept-Language', 'en-US,en;q=0.9');
    expect(en.body).toEqual({ code: 'NOT_FOUND', message: 'Not found.' });
  });

  it('answers a known path with an undeclared method with 405 and Allow', async () => {
    const res = await t.http().delete('/api/v1/health').expect(405);
    expect(res.body.code).toBe('METHOD_NOT_ALLOWED');
    expect(res.headers.allow).toBe('GET, HEAD');
    const put = await t.http().put('/api/v1/opds/BPSDM').expect(405);
    expect(put.headers.allow).toBe('GET, HEAD, PATCH');
    await t.http().delete('/api/v1/tidak-ada-sama-sekali').expect(404);
  });

  it('refuses malformed JSON with 400 MALFORMED_BODY', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": "a", ')
      .expect(400);
    expect(res.body.code).toBe('MALFORMED_BODY');
  });

  it('refuses oversized bodies with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'x'.repeat(300 * 1024), password: 'y' })
      .expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sets security headers and no CORS by default', async () => {
    const res = await t.http().get('/api/v1/health').set('Origin', 'https://evil.example');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
    expect(res.headers['content-security-policy']).toContain("base-uri 'none'");
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves OpenAPI with every registered route documented', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const doc = res.body as { paths: Record<string, Record<string, { summary?: string }>> };
    const routes = registeredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(10);
    expect(routes).toContainEqual({ method: 'GET', path: '/api/v1/health' });
    const undocumented = routes
      .filter(({ method, path }) => {
        const op = doc.paths[path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[method.toLowerCase()];
        return !op?.summary;
      })
      .map((r) => `${r.method} ${r.path}`);
    expect(undocumented).toEqual([]);
    const html = await t.http().get('/api/docs').expect(200);
    expect(html.text).toContain('swagger');
  });
});

describe('platform: degraded dependencies', () => {
  it('reports search down but stays up (200, degraded)', async () => {
    const port = await freePort();
    const t = await createTestApp({ MEILI_HOST: `http://127.0.0.1:${port}` });
    try {
      const res = await t.http().get('/api/v1/health').expect(200);
      expect(res.body).toMatchObject({ status: 'degraded', database: 'up', search: 'down' });
    } finally {
      await t.close();
    }
  });

  it('answers 503 when the database is gone', async () => {
    const t = await createTestApp();
    try {
      const dbName = new URL(t.config.database.url).pathname.slice(1);
      await t.ds.destroy();
      const { Client } = await import('pg');
      const admin = new Client({ connectionString: process.env.LUMBUNG_TEST_PG_ADMIN_URL });
      await admin.connect();
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`,
        [dbName],
      );
      await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS false`);
      await admin.end();
      const res = await t.http().get('/api/v1/health').expect(503);
      expect(res.body).toMatchObject({ status: 'down', database: 'down' });
    } finally {
      await t.app.close();
      const { Client } = await import('pg');
      const admin = new Client({ connectionString: process.env.LUMBUNG_TEST_PG_ADMIN_URL });
      await admin.connect();
      await admin.query(
        `DROP DATABASE IF EXISTS ${new URL(t.config.database.url).pathname.slice(1)} WITH (FORCE)`,
      );
      await admin.end();
    }
  });
});

describe('platform: rate limiting', () => {
  it('answers 429 RATE_LIMITED past the per-minute limit, with Retry-After', async () => {
    const t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      for (let i = 0; i < 3; i++) await t.http().get('/api/v1/opds').expect(200);
      const res = await t.http().get('/api/v1/opds').expect(429);
      expect(res.body).toEqual({ code: 'RATE_LIMITED', message: expect.any(String) });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Health stays reachable for monitors.
      await t.http().get('/api/v1/health').expect(200);
    } finally {
      await t.close();
    }
  });
});
