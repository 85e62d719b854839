import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { previewOpenApi } from '../../apps/api/src/openapi-document';
import { PORTAL_CSP } from '../../apps/api/src/portal/portal';
import { createTestApp, type TestApp } from '../support/test-app';

const INDEX = resolve('apps/web/dist/index.html');

describe('portal: served by the API on its own origin', () => {
  let t: TestApp;
  let indexHtml: string;
  beforeAll(async () => {
    indexHtml = readFileSync(INDEX, 'utf8');
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers / and every client route with index.html, revalidated, under the strict CSP', async () => {
    for (const path of ['/', '/masuk', '/aset/0b7e1c9e-4a53-4a8e-9c2e-000000000001', '/cari?q=a']) {
      const res = await t.http().get(path).expect(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toBe(PORTAL_CSP);
      expect(res.text).toBe(indexHtml);
    }
  });

  it('allows scripts and styles from its own origin only, and no inline code ships', () => {
    const directives = new Map(
      PORTAL_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(indexHtml).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(indexHtml).not.toMatch(/<style|\sstyle=/);
  });

  it('caches hashed assets for a year and answers a missing file with a 404, not the page', async () => {
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(indexHtml)?.[1];
    const style = /href="(\/assets\/[^"]+\.css)"/.exec(indexHtml)?.[1];
    for (const path of [script, style]) {
      const res = await t
        .http()
        .get(path ?? 'missing')
        .expect(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    const missing = await t.http().get('/assets/index-00000000.js').expect(404);
    expect(missing.body).toEqual({ code: 'NOT_FOUND', message: 'Data tidak ditemukan.' });
    const favicon = await t.http().get('/favicon.svg').expect(200);
    expect(favicon.headers['cache-control']).toBe('no-cache');
  });

  it('keeps unknown /api paths a JSON 404 and Swagger UI under its own policy', async () => {
    for (const path of ['/api/v1/tidak-ada', '/api/tidak-ada', '/api']) {
      const res = await t.http().get(path).expect(404);
      expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'Data tidak ditemukan.' });
    }
    const docs = await t.http().get('/api/docs').expect(200);
    expect(docs.text).toContain('swagger');
    expect(docs.headers['content-security-policy']).not.toBe(PORTAL_CSP);
    expect(docs.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('generates the same OpenAPI document without a database as the running API serves', async () => {
    const live = await t.http().get('/api/docs-json').expect(200);
    expect(await previewOpenApi()).toEqual(live.body);
  });
});
