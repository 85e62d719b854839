import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { givenUser, type GivenUser, nextNip, TEST_PASSWORD } from '../support/factories';
import {
  ProviderBrowser,
  startOidcProvider,
  type TestOidcProvider,
} from '../support/oidc-provider';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 19 item 1: single sign-on by OpenID Connect against a real provider (oidc-provider in
 * this process), through the authorization code flow with PKCE, with every refusal the flow
 * must make.
 */
const REDIRECT_URI = 'http://127.0.0.1:3999/api/v1/auth/oidc/callback';

let provider: TestOidcProvider;
let accountSequence = 0;

beforeAll(async () => {
  provider = await startOidcProvider({ redirectUri: REDIRECT_URI });
});
afterAll(() => provider.close());

function oidcEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_REDIRECT_URI: REDIRECT_URI,
    TRUST_PROXY_HOPS: '1',
    ...extra,
  };
}

/** An account at the provider with these claims; returns the login typed on its page. */
function givenAccount(claims: Record<string, string | boolean>): string {
  accountSequence += 1;
  const id = `akun-${accountSequence}`;
  provider.account(id, claims);
  return id;
}

function setCookies(res: Response): string[] {
  return (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
}

function cookieNamed(res: Response, name: string): string | undefined {
  return setCookies(res).find((c) => c.startsWith(`${name}=`));
}

/** Where a redirect into the portal's sign-in page leads, as its query. */
function portalLanding(res: Response): URLSearchParams {
  const location = res.headers.location;
  expect(location.startsWith('/masuk?')).toBe(true);
  return new URL(location, 'http://portal').searchParams;
}

interface Started {
  authorizationUrl: URL;
  /** `lumbung_oidc=…`, as the browser sends it back. */
  flowCookie: string;
}

async function startLogin(t: TestApp, kembali?: string): Promise<Started> {
  const res = await t
    .http()
    .get('/api/v1/auth/oidc/login')
    .query(kembali ? { kembali } : {})
    .expect(302);
  const cookie = cookieNamed(res, 'lumbung_oidc');
  if (!cookie) throw new Error('no flow cookie');
  return {
    authorizationUrl: new URL(res.headers.location),
    flowCookie: cookie.split(';')[0],
  };
}

function callback(t: TestApp, url: URL, flowCookie?: string, ip = '10.61.0.1') {
  const req = t.http().get(`${url.pathname}${url.search}`).set('X-Forwarded-For', ip);
  return (flowCookie ? req.set('Cookie', flowCookie) : req).expect(302);
}

/** The whole flow as a browser makes it: Lumbung → provider sign-in → back to the callback. */
async function signInBySso(t: TestApp, account: string, kembali?: string, ip?: string) {
  const started = await startLogin(t, kembali);
  const back = await new ProviderBrowser().signIn(started.authorizationUrl.toString(), account);
  return callback(t, back, started.flowCookie, ip);
}

async function refreshWith(t: TestApp, res: Response) {
  const refresh = cookieNamed(res, 'lumbung_refresh');
  if (!refresh) throw new Error('no refresh cookie');
  return t.http().post('/api/v1/auth/refresh').set('Cookie', refresh.split(';')[0]);
}

async function sessionsOf(t: TestApp, userId: string) {
  return t.ds.query<{ method: string; has_id_token: boolean; revoked: boolean }[]>(
    `SELECT method, oidc_id_token IS NOT NULL AS has_id_token, revoked_at IS NOT NULL AS revoked
       FROM auth_sessions WHERE user_id = $1 ORDER BY created_at`,
    [userId],
  );
}

async function lastAudit(t: TestApp, action: string) {
  const [row] = await t.ds.query<{ actor_id: string | null; details: Record<string, unknown> }[]>(
    `SELECT actor_id, details FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1`,
    [action],
  );
  return row;
}

describe('single sign-on (OIDC, code + PKCE)', () => {
  let t: TestApp;
  let person: GivenUser;

  beforeAll(async () => {
    t = await createTestApp(oidcEnv());
    person = await givenUser(t.ds, { opd: 'DINKES' });
  });
  afterAll(() => t.close());

  it('tells the portal that SSO and passwords are both on', async () => {
    const res = await t.http().get('/api/v1/auth/options').expect(200);
    expect(res.body).toEqual({ localLogin: true, sso: true });
  });

  it('sends the browser to the provider with PKCE, state and nonce kept in a signed cookie', async () => {
    const res = await t
      .http()
      .get('/api/v1/auth/oidc/login')
      .query({ kembali: '/cari?q=banjir' })
      .expect(302);
    const url = new URL(res.headers.location);
    expect(url.origin).toBe(provider.issuer);
    const q = url.searchParams;
    expect(q.get('client_id')).toBe(provider.clientId);
    expect(q.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = cookieNamed(res, 'lumbung_oidc') ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/api/v1/auth/oidc');
    expect(cookie).toContain('Max-Age=600');
    // The cookie carries this flow's state and nonce and the verifier behind the challenge,
    // which itself never travels in the URL.
    const [payload, signature] = cookie.split(';')[0].slice('lumbung_oidc='.length).split('.');
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const flow = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, string>;
    expect(flow).toMatchObject({
      state: q.get('state'),
      nonce: q.get('nonce'),
      returnPath: '/cari?q=banjir',
    });
    expect(createHash('sha256').update(flow.verifier).digest('base64url')).toBe(
      q.get('code_challenge'),
    );
    expect(url.toString()).not.toContain(flow.verifier);
  });

  it('signs in a person matched by NIP and opens the same session a password login opens', async () => {
    const account = givenAccount({ nip: person.nip, email: 'lain@idp.jakarta.test', name: 'X' });
    const res = await signInBySso(t, account, '/cari?q=banjir');
    const landing = portalLanding(res);
    expect(landing.get('sso')).toBe('ok');
    expect(landing.get('kembali')).toBe('/cari?q=banjir');
    const refreshCookie = cookieNamed(res, 'lumbung_refresh') ?? '';
    expect(refreshCookie).toContain('HttpOnly');
    expect(refreshCookie).toContain('SameSite=Strict');
    // The flow cookie is spent.
    expect(cookieNamed(res, 'lumbung_oidc')).toMatch(/Expires=Thu, 01 Jan 1970/);

    const refreshed = await refreshWith(t, res);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user).toMatchObject({
      id: person.id,
      nip: person.nip,
      opdCode: 'DINKES',
    });
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${refreshed.body.accessToken}`)
      .expect(200);
    expect(me.body.id).toBe(person.id);
    expect(await sessionsOf(t, person.id)).toEqual([
      { method: 'oidc', has_id_token: true, revoked: false },
    ]);
    expect(await lastAudit(t, 'authn_login_success')).toEqual({
      actor_id: person.id,
      details: { method: 'oidc' },
    });
  });

  it('matches by email when the provider sends no NIP', async () => {
    const user = await givenUser(t.ds);
    const account = givenAccount({ email: user.email.toUpperCase(), email_verified: true });
    const res = await signInBySso(t, account);
    expect(portalLanding(res).get('sso')).toBe('ok');
    expect((await refreshWith(t, res)).body.user.id).toBe(user.id);
  });

  it('does not match by an email the provider says is unverified', async () => {
    const user = await givenUser(t.ds);
    const account = givenAccount({ email: user.email, email_verified: false });
    const res = await signInBySso(t, account);
    expect(portalLanding(res).get('sso')).toBe('SSO_UNKNOWN_USER');
    expect(await sessionsOf(t, user.id)).toEqual([]);
  });

  it('refuses an identity nobody in Lumbung has, creating nothing', async () => {
    const [{ before }] = await t.ds.query<{ before: number }[]>(
      `SELECT count(*)::int AS before FROM users`,
    );
    const account = givenAccount({ nip: nextNip(), email: 'orang.baru@idp.jakarta.test' });
    const res = await signInBySso(t, account);
    expect(portalLanding(res).get('sso')).toBe('SSO_UNKNOWN_USER');
    expect(cookieNamed(res, 'lumbung_refresh')).toBeUndefined();
    const [{ after }] = await t.ds.query<{ after: number }[]>(
      `SELECT count(*)::int AS after FROM users`,
    );
    expect(after).toBe(before);
    expect(await lastAudit(t, 'authn_login_fail')).toEqual({
      actor_id: null,
      details: { method: 'oidc', code: 'SSO_UNKNOWN_USER', reason: 'unknown_identity' },
    });
  });

  it('refuses a NIP and an email that name two different people', async () => {
    const other = await givenUser(t.ds);
    const account = givenAccount({ nip: nextNip(), email: other.email });
    const res = await signInBySso(t, account);
    expect(portalLanding(res).get('sso')).toBe('SSO_IDENTITY_CONFLICT');
    expect(await sessionsOf(t, other.id)).toEqual([]);
  });

  it('refuses a deactivated account', async () => {
    const user = await givenUser(t.ds, { active: false });
    const res = await signInBySso(t, givenAccount({ nip: user.nip }));
    expect(portalLanding(res).get('sso')).toBe('SSO_ACCOUNT_INACTIVE');
    expect(await sessionsOf(t, user.id)).toEqual([]);
  });

  it('refuses a replayed code (the provider refuses the second exchange)', async () => {
    const user = await givenUser(t.ds);
    const started = await startLogin(t);
    const back = await new ProviderBrowser().signIn(
      started.authorizationUrl.toString(),
      givenAccount({ nip: user.nip }),
    );
    const first = await callback(t, back, started.flowCookie);
    expect(portalLanding(first).get('sso')).toBe('ok');
    const exchanges = provider.tokenRequests();
    // The same callback again, even with the flow cookie an attacker copied.
    const replay = await callback(t, back, started.flowCookie);
    expect(portalLanding(replay).get('sso')).toBe('SSO_FAILED');
    expect(provider.tokenRequests()).toBe(exchanges + 1);
    expect(cookieNamed(replay, 'lumbung_refresh')).toBeUndefined();
    expect((await sessionsOf(t, user.id)).length).toBe(1);
    expect((await lastAudit(t, 'authn_login_fail')).details).toMatchObject({
      code: 'SSO_FAILED',
      reason: 'token_endpoint:invalid_grant',
    });
  });

  it('refuses a callback whose state is not the one this browser started, before any exchange', async () => {
    const user = await givenUser(t.ds);
    const started = await startLogin(t);
    const back = await new ProviderBrowser().signIn(
      started.authorizationUrl.toString(),
      givenAccount({ nip: user.nip }),
    );
    const forged = new URL(back);
    forged.searchParams.set('state', 'keadaan-lain-dari-peramban-lain-0123456789ab');
    const exchanges = provider.tokenRequests();
    const res = await callback(t, forged, started.flowCookie);
    expect(portalLanding(res).get('sso')).toBe('SSO_FAILED');
    expect(provider.tokenRequests()).toBe(exchanges);
    expect(await sessionsOf(t, user.id)).toEqual([]);
    // The untouched response still signs in: the state was the only thing wrong.
    expect(portalLanding(await callback(t, back, started.flowCookie)).get('sso')).toBe('ok');
  });

  it('refuses a callback without the flow cookie (another browser, or too late)', async () => {
    const user = await givenUser(t.ds);
    const started = await startLogin(t);
    const back = await new ProviderBrowser().signIn(
      started.authorizationUrl.toString(),
      givenAccount({ nip: user.nip }),
    );
    const res = await callback(t, back);
    expect(portalLanding(res).get('sso')).toBe('SSO_EXPIRED');
    const tampered = `${started.flowCookie.slice(0, -2)}xx`;
    expect(portalLanding(await callback(t, back, tampered)).get('sso')).toBe('SSO_EXPIRED');
    expect(await sessionsOf(t, user.id)).toEqual([]);
  });

  it('refuses an ID token whose nonce is not the one this browser started with', async () => {
    const user = await givenUser(t.ds);
    const started = await startLogin(t);
    const swapped = new URL(started.authorizationUrl);
    swapped.searchParams.set('nonce', 'nonce-dari-permintaan-lain-0123456789abcdefg');
    const back = await new ProviderBrowser().signIn(
      swapped.toString(),
      givenAccount({ nip: user.nip }),
    );
    const res = await callback(t, back, started.flowCookie);
    expect(portalLanding(res).get('sso')).toBe('SSO_FAILED');
    expect(await sessionsOf(t, user.id)).toEqual([]);
    expect((await lastAudit(t, 'authn_login_fail')).details).toMatchObject({
      code: 'SSO_FAILED',
      reason: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
    });
  });

  it('refuses an ID token issued for another client (wrong audience)', async () => {
    const user = await givenUser(t.ds);
    const account = givenAccount({ nip: user.nip });
    try {
      // Re-signed by the provider's own key with nothing changed: still accepted.
      provider.tamperIdToken({});
      expect(portalLanding(await signInBySso(t, account)).get('sso')).toBe('ok');
      provider.tamperIdToken({ aud: provider.otherClientId, azp: provider.otherClientId });
      const res = await signInBySso(t, account);
      expect(portalLanding(res).get('sso')).toBe('SSO_FAILED');
      expect(cookieNamed(res, 'lumbung_refresh')).toBeUndefined();
    } finally {
      provider.tamperIdToken(undefined);
    }
    expect((await sessionsOf(t, user.id)).length).toBe(1);
    expect((await lastAudit(t, 'authn_login_fail')).details).toMatchObject({
      code: 'SSO_FAILED',
      reason: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
    });
  });

  it('is not blocked by wrong passwords counted against the account, and clears them', async () => {
    const user = await givenUser(t.ds);
    const ip = '10.61.9.9';
    const wrong = () =>
      t
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ username: user.email, password: 'bukan-sandinya' });
    for (let i = 0; i < 5; i++) await wrong().expect(401);
    await wrong().expect(429);
    const res = await signInBySso(t, givenAccount({ nip: user.nip }), undefined, ip);
    expect(portalLanding(res).get('sso')).toBe('ok');
    await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ username: user.email, password: TEST_PASSWORD })
      .expect(200);
  });

  it("logs out locally and hands back the provider's logout URL", async () => {
    const user = await givenUser(t.ds);
    const res = await signInBySso(t, givenAccount({ nip: user.nip }));
    const refreshCookie = (cookieNamed(res, 'lumbung_refresh') ?? '').split(';')[0];
    const session = await refreshWith(t, res);
    const out = await t
      .http()
      .post('/api/v1/auth/logout')
      .set('Authorization', `Bearer ${session.body.accessToken}`)
      .expect(200);
    const end = new URL(out.body.endSessionUrl as string);
    expect(`${end.origin}${end.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe('http://127.0.0.1:3999/masuk');
    expect(end.searchParams.get('id_token_hint')?.split('.')).toHaveLength(3);
    // The provider accepts it (its logout confirmation page).
    expect((await fetch(end, { redirect: 'manual' })).status).toBe(200);
    expect(await sessionsOf(t, user.id)).toEqual([
      { method: 'oidc', has_id_token: true, revoked: true },
    ]);
    await t
      .http()
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${session.body.accessToken}`)
      .expect(401);
    // The cookie the refresh rotated away from, and so any, is refused now.
    await t.http().post('/api/v1/auth/refresh').set('Cookie', refreshCookie).expect(401);
  });
});

describe('single sign-on with JIT provisioning and local passwords off', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(
      oidcEnv({ OIDC_JIT: 'true', OIDC_OPD_CLAIM: 'opd', LOCAL_LOGIN: 'false' }),
    );
  });
  afterAll(() => t.close());

  it('tells the portal that only SSO is on', async () => {
    const res = await t.http().get('/api/v1/auth/options').expect(200);
    expect(res.body).toEqual({ localLogin: false, sso: true });
  });

  it('refuses password logins with a coded error, in Indonesian first', async () => {
    const user = await givenUser(t.ds);
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.email, password: TEST_PASSWORD })
      .expect(403);
    expect(res.body).toEqual({
      code: 'LOCAL_LOGIN_DISABLED',
      message: 'Masuk dengan kata sandi dimatikan di sini. Gunakan "Masuk dengan SSO".',
    });
    const en = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Accept-Language', 'en')
      .send({ username: user.email, password: TEST_PASSWORD })
      .expect(403);
    expect(en.body.message).toBe('Password sign-in is switched off here. Use "Sign in with SSO".');
    expect(await sessionsOf(t, user.id)).toEqual([]);
    // …while the same person signs in by SSO.
    const sso = await signInBySso(t, givenAccount({ nip: user.nip }));
    expect(portalLanding(sso).get('sso')).toBe('ok');
    expect((await refreshWith(t, sso)).body.user.id).toBe(user.id);
  });

  it('creates an unknown identity as an asn of the OPD its claim names, once', async () => {
    const nip = nextNip(2);
    const account = givenAccount({
      nip,
      email: 'Siti.Baru@Jakarta.go.id',
      email_verified: true,
      name: 'Siti Baru',
      opd: 'dinkes',
    });
    const res = await signInBySso(t, account);
    expect(portalLanding(res).get('sso')).toBe('ok');
    const session = await refreshWith(t, res);
    expect(session.body.user).toMatchObject({
      nip,
      name: 'Siti Baru',
      email: 'siti.baru@jakarta.go.id',
      opdCode: 'DINKES',
      roles: ['asn'],
      grants: [{ role: 'asn' }],
    });
    const [stored] = await t.ds.query<Record<string, unknown>[]>(
      `SELECT u.birth_date::text AS birth_date, u.sex, u.active, u.password_hash, o.code
         FROM users u JOIN opds o ON o.id = u.opd_id WHERE u.nip = $1`,
      [nip],
    );
    expect(stored).toEqual({
      birth_date: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      sex: 'female',
      active: true,
      password_hash: null,
      code: 'DINKES',
    });
    expect((await lastAudit(t, 'user_created')).details).toEqual({
      opdCode: 'DINKES',
      roles: ['asn'],
      via: 'oidc_jit',
    });
    // The next sign-in finds the same person.
    const again = await signInBySso(t, account);
    expect((await refreshWith(t, again)).body.user.id).toBe(session.body.user.id);
    const [{ n }] = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM users WHERE nip = $1`,
      [nip],
    );
    expect(n).toBe(1);
  });

  it('refuses to provision without a valid NIP or a known OPD', async () => {
    const unknownOpd = givenAccount({ nip: nextNip(), email: 'a@jakarta.go.id', opd: 'ENTAH' });
    expect(portalLanding(await signInBySso(t, unknownOpd)).get('sso')).toBe(
      'SSO_PROVISIONING_FAILED',
    );
    const badNip = givenAccount({ nip: '123', email: 'b@jakarta.go.id', opd: 'BPSDM' });
    expect(portalLanding(await signInBySso(t, badNip)).get('sso')).toBe('SSO_PROVISIONING_FAILED');
    const [{ n }] = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM users WHERE email IN ('a@jakarta.go.id', 'b@jakarta.go.id')`,
    );
    expect(n).toBe(0);
  });
});

describe('single sign-on switched off', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('offers passwords only and sends an SSO attempt back with SSO_DISABLED', async () => {
    expect((await t.http().get('/api/v1/auth/options').expect(200)).body).toEqual({
      localLogin: true,
      sso: false,
    });
    const res = await t.http().get('/api/v1/auth/oidc/login').expect(302);
    expect(portalLanding(res).get('sso')).toBe('SSO_DISABLED');
    expect(cookieNamed(res, 'lumbung_oidc')).toBeUndefined();
  });
});

describe('single sign-on with the provider down', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A loopback port nobody listens on.
    t = await createTestApp(oidcEnv({ OIDC_ISSUER: 'http://127.0.0.1:9' }));
  });
  afterAll(() => t.close());

  it('sends the browser back with SSO_UNAVAILABLE, while passwords keep working', async () => {
    const res = await t.http().get('/api/v1/auth/oidc/login').expect(302);
    expect(portalLanding(res).get('sso')).toBe('SSO_UNAVAILABLE');
    expect(cookieNamed(res, 'lumbung_oidc')).toBeUndefined();
    const user = await givenUser(t.ds);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.email, password: TEST_PASSWORD })
      .expect(200);
  });
});
