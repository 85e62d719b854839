import { createHmac } from 'node:crypto';
import { givenUser, type GivenUser, login, TEST_PASSWORD } from '../support/factories';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Signs a JWT by hand so tests can forge tokens the server must refuse. */
function forge(payload: object, secret = TEST_JWT_SECRET, alg = 'HS256'): string {
  const head = b64url({ alg, typ: 'JWT' });
  const body = b64url(payload);
  if (alg === 'none') return `${head}.${body}.`;
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

describe('auth: login, tokens, sessions', () => {
  let t: TestApp;
  let asn: GivenUser;
  let admin: GivenUser;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY_HOPS: '1' });
    asn = await givenUser(t.ds, { opd: 'DINKES' });
    admin = await givenUser(t.ds, { roles: ['admin'] });
  });
  afterAll(() => t.close());

  // Each test logs in from its own address so the per-IP failure buckets stay apart.
  let ipCounter = 10;
  const nextIp = (): string => `10.9.0.${ipCounter++}`;

  it('logs in by email or NIP and returns the contract shape', async () => {
    const ip = nextIp();
    const byEmail = await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ username: asn.email.toUpperCase(), password: TEST_PASSWORD })
      .expect(200);
    expect(byEmail.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { id: asn.id, nip: asn.nip, opdCode: 'DINKES', roles: ['asn'] },
    });
    expect(typeof byEmail.body.accessToken).toBe('string');
    expect(byEmail.body).not.toHaveProperty('refreshToken');
    const cookie = (byEmail.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/^lumbung_refresh=[0-9a-f-]{36}\.[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');

    const byNip = await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ username: asn.nip, password: TEST_PASSWORD })
      .expect(200);
    expect(byNip.body.user.id).toBe(asn.id);
  });

  it('answers wrong password and unknown user with the same generic 401', async () => {
    const ip = nextIp();
    const wrong = await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ username: asn.email, password: 'salah-sekali-123' })
      .expect(401);
    const unknown = await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ username: 'tidak.ada@lumbung.test', password: 'salah-sekali-123' })
      .expect(401);
    expect(wrong.body).toEqual({ code: 'INVALID_CREDENTIALS', message: expect.any(String) });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('validates the login body: unknown fields and wrong types get 400 naming the field', async () => {
    const extra = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: asn.email, password: TEST_PASSWORD, role: 'admin' })
      .expect(400);
    expect(extra.body.code).toBe('VALIDATION_FAILED');
    expect(extra.body.details).toEqual([{ field: 'role', problems: ['whitelistValidation'] }]);
    const types = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 12345, password: ['x'] })
      .expect(400);
    expect(types.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'password',
      'username',
    ]);
  });

  it('throttles repeated failures per account and address, with Retry-After', async () => {
    const victim = await givenUser(t.ds);
    const ip = nextIp();
    for (let i = 0; i < 5; i++) {
      await t
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ username: victim.email, password: `tebakan-${i}-xxxx` })
        .expect(401);
    }
    const blocked = await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ username: victim.email, password: TEST_PASSWORD })
      .expect(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // The attacker's address is blocked, the colleague elsewhere is not locked out.
    await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', nextIp())
      .send({ username: victim.email, password: TEST_PASSWORD })
      .expect(200);
  });

  /** One login attempt from the given address. */
  const attempt = (ip: string, username: string, password: string) =>
    t.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ username, password });

  it('counts failures per account whichever identifier is typed (email, then NIP, and back)', async () => {
    for (const [failWith, thenWith] of [
      ['email', 'nip'],
      ['nip', 'email'],
    ] as const) {
      const victim = await givenUser(t.ds);
      const bystander = await givenUser(t.ds);
      const ip = nextIp();
      for (let i = 0; i < 5; i++) {
        await attempt(ip, victim[failWith], `tebakan-${i}-xxxx`).expect(401);
      }
      const typed = ` ${victim[thenWith].toUpperCase()} `;
      const blocked = await attempt(ip, typed, TEST_PASSWORD).expect(429);
      expect(blocked.body.code).toBe('RATE_LIMITED');
      // The per-address limit is unchanged: five failures do not block the address for others,
      // and the account is not locked for the colleague elsewhere.
      await attempt(ip, bystander.email, TEST_PASSWORD).expect(200);
      await attempt(nextIp(), victim[thenWith], TEST_PASSWORD).expect(200);
    }
  });

  it('counts failures for an unknown identifier on its normalised spelling', async () => {
    const ip = nextIp();
    const spellings = [
      'Tidak.Ada@lumbung.test',
      ' tidak.ada@LUMBUNG.test',
      'TIDAK.ADA@lumbung.test ',
      'tidak.ada@lumbung.test',
      'tidak.ada@lumbung.test',
    ];
    for (const username of spellings) {
      await attempt(ip, username, 'tebakan-xxxx').expect(401);
    }
    await attempt(ip, 'tidak.ada@lumbung.test', 'tebakan-xxxx').expect(429);
  });

  it('throttles one address spraying many accounts', async () => {
    const ip = nextIp();
    for (let i = 0; i < 30; i++) {
      await t
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ username: `orang${i}@lumbung.test`, password: 'tebakan-xxxx' })
        .expect(401);
    }
    await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ username: asn.email, password: TEST_PASSWORD })
      .expect(429);
  });

  it('records login failures and successes in the append-only audit log', async () => {
    const rows: { action: string }[] = await t.ds.query(
      `SELECT action FROM audit_log WHERE action LIKE 'authn_login_%'`,
    );
    const actions = new Set(rows.map((r) => r.action));
    expect(actions).toEqual(new Set(['authn_login_success', 'authn_login_fail']));
    await expect(t.ds.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
  });

  it('stores passwords as Argon2id with at least 19 MiB, 2 iterations', async () => {
    const [row] = await t.ds.query<
      {
        password_hash: string;
      }[]
    >(`SELECT password_hash FROM users WHERE id = $1`, [asn.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  describe('access tokens', () => {
    it('requires a token on protected routes', async () => {
      const res = await t.http().get('/api/v1/auth/me').expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('returns the caller with roles and permissions', async () => {
      const s = await login(t.http, admin);
      const res = await t.http().get('/api/v1/auth/me').set(s.auth).expect(200);
      expect(res.body).toMatchObject({ id: admin.id, roles: ['asn', 'admin'], opdCode: 'BPSDM' });
      expect(res.body.permissions).toContain('user:manage');
    });

    it('refuses forged, expired, alg-none and wrong-audience tokens', async () => {
      const s = await login(t.http, asn);
      const claims = JSON.parse(Buffer.from(s.token.split('.')[1], 'base64url').toString()) as {
        sid: string;
      };
      const now = Math.floor(Date.now() / 1000);
      const base = {
        sub: asn.id,
        sid: claims.sid,
        typ: 'access',
        iss: 'lumbung',
        aud: 'lumbung-api',
      };
      const bad = [
        forge({ ...base, exp: now + 600 }, 'another-secret-of-sufficient-length-000000'),
        forge({ ...base, exp: now - 10 }),
        forge({ ...base, exp: now + 600 }, TEST_JWT_SECRET, 'none'),
        forge({ ...base, aud: 'someone-else', exp: now + 600 }),
        forge({ ...base, typ: 'refresh', exp: now + 600 }),
        `${s.token.slice(0, -4)}AAAA`,
        'not-a-jwt-at-all',
      ];
      for (const token of bad) {
        await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
      }
      // The same construction with the right secret works: the forging helper is sound.
      await t
        .http()
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${forge({ ...base, exp: now + 600 })}`)
        .expect(200);
    });
  });

  describe('refresh, logout, deactivation, password change', () => {
    it('rotates the refresh cookie and revokes the session when an old one is replayed', async () => {
      const s = await login(t.http, asn);
      const first = await t.http().post('/api/v1/auth/refresh').set('Cookie', s.cookie).expect(200);
      const rotated = (first.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
      expect(rotated).not.toBe(s.cookie);
      await t
        .http()
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${first.body.accessToken}`)
        .expect(200);
      // Replaying the first cookie (past the few seconds two tabs may need) means it leaked:
      // the whole session ends.
      await t.ds.query(`UPDATE auth_sessions SET rotated_at = now() - interval '1 minute'`);
      await t.http().post('/api/v1/auth/refresh').set('Cookie', s.cookie).expect(401);
      await t.http().post('/api/v1/auth/refresh').set('Cookie', rotated).expect(401);
      await t
        .http()
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${first.body.accessToken}`)
        .expect(401);
    });

    const refresh = (cookie: string) => t.http().post('/api/v1/auth/refresh').set('Cookie', cookie);
    const cookieOf = (res: { headers: Record<string, unknown> }): string =>
      (res.headers['set-cookie'] as string[])[0].split(';')[0];
    const me = (accessToken: string) =>
      t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${accessToken}`);

    it('keeps two tabs racing on one cookie signed in, round after round', async () => {
      const s = await login(t.http, asn);
      let tabA = s.cookie;
      let tabB = s.cookie;
      for (let round = 0; round < 4; round++) {
        // Both tabs refresh at once with the cookie they hold: both get the same successor.
        const [a, b] = await Promise.all([refresh(tabA), refresh(tabB)]);
        expect([round, a.status, b.status]).toEqual([round, 200, 200]);
        expect(cookieOf(a)).toBe(cookieOf(b));
        expect(cookieOf(a)).not.toBe(tabA);
        tabA = cookieOf(a);
        tabB = cookieOf(b);
        await me(a.body.accessToken).expect(200);
        await me(b.body.accessToken).expect(200);
      }
      for (let round = 0; round < 3; round++) {
        // Then one after the other, each with what it got (the second inside the grace window).
        const a = await refresh(tabA).expect(200);
        const b = await refresh(tabB).expect(200);
        expect(cookieOf(b)).toBe(cookieOf(a));
        tabA = cookieOf(a);
        tabB = cookieOf(b);
        await me(a.body.accessToken).expect(200);
        await me(b.body.accessToken).expect(200);
      }
      const sid = s.cookie.split('=')[1].split('.')[0];
      const [row] = await t.ds.query<{ revoked_at: Date | null }[]>(
        `SELECT revoked_at FROM auth_sessions WHERE id = $1`,
        [sid],
      );
      expect(row.revoked_at).toBeNull();
    });

    it('ends the session when a replaced cookie comes back after the grace window', async () => {
      const s = await login(t.http, asn);
      const [a, b] = await Promise.all([refresh(s.cookie), refresh(s.cookie)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      await me(b.body.accessToken).expect(200);
      // Past the grace window the old cookie is a replay: the session ends.
      const sid = s.cookie.split('=')[1].split('.')[0];
      await t.ds.query(
        `UPDATE auth_sessions SET rotated_at = now() - interval '1 minute' WHERE id = $1`,
        [sid],
      );
      const replay = await refresh(s.cookie).expect(401);
      expect(replay.body.code).toBe('SESSION_EXPIRED');
      const [row] = await t.ds.query<{ revoke_reason: string | null }[]>(
        `SELECT revoke_reason FROM auth_sessions WHERE id = $1`,
        [sid],
      );
      expect(row.revoke_reason).toBe('refresh_reuse');
      await refresh(cookieOf(a)).expect(401);
      await me(a.body.accessToken).expect(401);
    });

    it('refuses a refresh without a cookie', async () => {
      const res = await t.http().post('/api/v1/auth/refresh').expect(401);
      expect(res.body.code).toBe('SESSION_EXPIRED');
    });

    it('logout ends the access and refresh tokens', async () => {
      const s = await login(t.http, asn);
      const out = await t.http().post('/api/v1/auth/logout').set(s.auth).expect(200);
      // A password session has no provider to sign out of.
      expect(out.body).toEqual({ endSessionUrl: null });
      await t.http().get('/api/v1/auth/me').set(s.auth).expect(401);
      await t.http().post('/api/v1/auth/refresh').set('Cookie', s.cookie).expect(401);
    });

    it("a deactivated user's tokens stop working on the next request", async () => {
      const user = await givenUser(t.ds);
      const s = await login(t.http, user);
      await t.http().get('/api/v1/auth/me').set(s.auth).expect(200);
      const a = await login(t.http, admin);
      await t
        .http()
        .patch(`/api/v1/users/${user.id}`)
        .set(a.auth)
        .send({ active: false })
        .expect(200);
      await t.http().get('/api/v1/auth/me').set(s.auth).expect(401);
      await t.http().post('/api/v1/auth/refresh').set('Cookie', s.cookie).expect(401);
      await t
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', nextIp())
        .send({ username: user.email, password: TEST_PASSWORD })
        .expect(401);
    });

    it('password change keeps this session, ends the others, and refuses weak passwords', async () => {
      const user = await givenUser(t.ds);
      const here = await login(t.http, user);
      const elsewhere = await login(t.http, user);
      const weak = await t
        .http()
        .post('/api/v1/auth/password')
        .set(here.auth)
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'pendek' })
        .expect(400);
      expect(weak.body.code).toBe('WEAK_PASSWORD');
      const wrong = await t
        .http()
        .post('/api/v1/auth/password')
        .set(here.auth)
        .send({ currentPassword: 'bukan-ini-sandinya', newPassword: 'Sandi-Baru#2026-xyz' })
        .expect(400);
      expect(wrong.body.code).toBe('WRONG_CURRENT_PASSWORD');
      await t
        .http()
        .post('/api/v1/auth/password')
        .set(here.auth)
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'Sandi-Baru#2026-xyz' })
        .expect(204);
      await t.http().get('/api/v1/auth/me').set(here.auth).expect(200);
      await t.http().get('/api/v1/auth/me').set(elsewhere.auth).expect(401);
      await login(t.http, { email: user.email, password: 'Sandi-Baru#2026-xyz' });
      await t
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', nextIp())
        .send({ username: user.email, password: TEST_PASSWORD })
        .expect(401);
    });

    it('accepts long passwords and verifies them exactly', async () => {
      const user = await givenUser(t.ds);
      const s = await login(t.http, user);
      const long = `${'a1B#'.repeat(25)}`; // 100 characters
      await t
        .http()
        .post('/api/v1/auth/password')
        .set(s.auth)
        .send({ currentPassword: TEST_PASSWORD, newPassword: long })
        .expect(204);
      await login(t.http, { email: user.email, password: long });
      await t
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', nextIp())
        .send({ username: user.email, password: `${long.slice(0, 99)}X` })
        .expect(401);
    });
  });
});
