import type { Request, Response } from 'express';
import { loadConfig } from '@lumbung/platform';
import { OidcFlowCookie } from './oidc-flow-cookie';
import { safeReturnPath } from './oidc-sign-in.service';

const config = loadConfig({
  DATABASE_URL: 'postgres://localhost/lumbung',
  MEILI_HOST: 'http://localhost:7700',
  JWT_SECRET: 'a-very-long-secret-of-32-chars!!',
});
const FLOW = {
  state: 's'.repeat(43),
  nonce: 'n'.repeat(43),
  verifier: 'v'.repeat(64),
  returnPath: '/cari',
};

/** The cookie value `set` writes, as a browser would send it back. */
function written(cookies: OidcFlowCookie, now: number): string {
  let value = '';
  const res = {
    cookie: (_name: string, v: string) => {
      value = v;
    },
  } as unknown as Response;
  cookies.set(res, FLOW, now);
  return value;
}

const request = (value: string) =>
  ({ headers: { cookie: `other=1; lumbung_oidc=${value}` } }) as unknown as Request;

describe('OidcFlowCookie', () => {
  const cookies = new OidcFlowCookie(config);
  const now = Date.UTC(2026, 11, 4, 3, 0, 0);

  it('reads back the flow it wrote, for ten minutes', () => {
    const value = written(cookies, now);
    expect(cookies.read(request(value), now + 599_000)).toEqual(FLOW);
    expect(cookies.read(request(value), now + 600_000)).toBeUndefined();
  });

  it('refuses a changed payload or signature, and another server key', () => {
    const value = written(cookies, now);
    const [payload, signature] = value.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...FLOW, returnPath: '//jahat.example', exp: now / 1000 + 600 }),
    ).toString('base64url');
    expect(cookies.read(request(`${forged}.${signature}`), now)).toBeUndefined();
    expect(cookies.read(request(`${payload}.${signature.slice(0, -1)}A`), now)).toBeUndefined();
    expect(cookies.read(request(`${payload}.${signature}.x`), now)).toBeUndefined();
    const other = new OidcFlowCookie(
      loadConfig({
        DATABASE_URL: config.database.url,
        MEILI_HOST: config.search.host,
        JWT_SECRET: 'another-secret-that-is-32-chars!!',
      }),
    );
    expect(other.read(request(value), now)).toBeUndefined();
  });
});

describe('safeReturnPath', () => {
  it.each([
    ['/cari?q=banjir', '/cari?q=banjir'],
    ['/', '/'],
    ['//jahat.example/x', '/'],
    ['/\\jahat.example', '/'],
    ['https://jahat.example', '/'],
    ['/api/v1/auth/logout', '/'],
    ['/profil\n', '/'],
    [undefined, '/'],
    [['/a', '/b'], '/'],
  ])('%j → %s', (given, expected) => {
    expect(safeReturnPath(given)).toBe(expected);
  });
});
