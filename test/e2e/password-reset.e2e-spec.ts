import {
  givenCop,
  givenUser,
  type GivenUser,
  login,
  nextNip,
  type Session,
} from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const NEW_PASSWORD = 'Sandi-Baru#2026-xyz';

describe('passwords: admins never overwrite one; they start a reset the user completes', () => {
  let t: TestApp;
  let admin: Session;
  let adminUser: GivenUser;
  let dinkesAdmin: Session;
  let dinkesAdminUser: GivenUser;
  let bpsdmAdmin: Session;

  // Each request from its own address, so the per-address limits of these routes stay apart.
  let ipCounter = 1;
  const nextIp = (): string => `10.31.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

  const storedHash = async (id: string): Promise<string | null> =>
    (
      await t.ds.query<{ password_hash: string | null }[]>(
        `SELECT password_hash FROM users WHERE id = $1`,
        [id],
      )
    )[0].password_hash;

  const loginStatus = async (username: string, password: string): Promise<number> =>
    (
      await t
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', nextIp())
        .send({ username, password })
    ).status;

  const startReset = (s: Session, userId: string) =>
    t
      .http()
      .post(`/api/v1/users/${userId}/password-reset`)
      .set('X-Forwarded-For', nextIp())
      .set(s.auth);

  const completeReset = (token: string, newPassword = NEW_PASSWORD, ip = nextIp()) =>
    t
      .http()
      .post('/api/v1/auth/password-reset')
      .set('X-Forwarded-For', ip)
      .send({ token, newPassword });

  const openSessions = async (userId: string): Promise<number> =>
    (
      await t.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
        [userId],
      )
    )[0].n;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY_HOPS: '1' });
    adminUser = await givenUser(t.ds, { roles: ['admin'] });
    admin = await login(t.http, adminUser);
    dinkesAdminUser = await givenUser(t.ds, { opd: 'DINKES', roles: ['opd_admin'] });
    dinkesAdmin = await login(t.http, dinkesAdminUser);
    bpsdmAdmin = await login(t.http, await givenUser(t.ds, { roles: ['opd_admin'] }));
  });
  afterAll(() => t.close());

  describe('setting a password', () => {
    it("refuses an OPD admin overwriting a verifier's working password (the takeover request)", async () => {
      const verifier = await givenUser(t.ds, {
        opd: 'DINKES',
        roles: ['verifier'],
        name: 'Verifikator Dinkes',
      });
      const before = await storedHash(verifier.id);
      const res = await t
        .http()
        .patch(`/api/v1/users/${verifier.id}`)
        .set(dinkesAdmin.auth)
        .send({ password: 'Diambil-Alih#2026' })
        .expect(409);
      expect(res.body).toEqual({
        code: 'PASSWORD_ALREADY_SET',
        message: expect.stringMatching(/kata sandi/i),
      });
      expect(await storedHash(verifier.id)).toBe(before);
      expect(await loginStatus(verifier.email, 'Diambil-Alih#2026')).toBe(401);
      expect(await loginStatus(verifier.email, verifier.password)).toBe(200);
      // Other fields in the same request are refused with it: nothing is stored.
      await t
        .http()
        .patch(`/api/v1/users/${verifier.id}`)
        .set(dinkesAdmin.auth)
        .set('Accept-Language', 'en')
        .send({ name: 'Nama Lain', password: 'Diambil-Alih#2026' })
        .expect(409)
        .expect((r) => expect(r.body.message).toMatch(/password/i));
      const [row] = await t.ds.query<{ name: string }[]>(`SELECT name FROM users WHERE id = $1`, [
        verifier.id,
      ]);
      expect(row.name).toBe('Verifikator Dinkes');
      expect(await storedHash(verifier.id)).toBe(before);
    });

    it('refuses a system admin overwriting a working password too', async () => {
      const asn = await givenUser(t.ds, { opd: 'DINKES' });
      const before = await storedHash(asn.id);
      const res = await t
        .http()
        .patch(`/api/v1/users/${asn.id}`)
        .set(admin.auth)
        .send({ password: 'Diambil-Alih#2026' })
        .expect(409);
      expect(res.body.code).toBe('PASSWORD_ALREADY_SET');
      expect(await storedHash(asn.id)).toBe(before);
      expect(await loginStatus(asn.email, 'Diambil-Alih#2026')).toBe(401);
    });

    it('sets the first password of an imported account, once', async () => {
      const nip = nextNip();
      const email = `impor.${nip}@jakarta.go.id`;
      const imported = await t
        .http()
        .post('/api/v1/users/import')
        .set(dinkesAdmin.auth)
        .attach(
          'file',
          Buffer.from(
            `nip,name,email,opd_code,jabatan,jabatan_kategori,roles\n${nip},Pegawai Impor,${email},DINKES,Analis,administrasi,\n`,
          ),
          { filename: 'pegawai.csv', contentType: 'text/csv' },
        )
        .expect(200);
      const userId = imported.body.rows[0].userId as string;
      expect(await storedHash(userId)).toBeNull();
      expect(await loginStatus(email, 'Sandi-Pertama#2026')).toBe(401);
      const set = await t
        .http()
        .patch(`/api/v1/users/${userId}`)
        .set(dinkesAdmin.auth)
        .send({ password: 'Sandi-Pertama#2026' })
        .expect(200);
      expect(set.body.hasPassword).toBe(true);
      expect(await storedHash(userId)).toMatch(/^\$argon2id\$/);
      expect(await loginStatus(email, 'Sandi-Pertama#2026')).toBe(200);
      // Now it works, it is the user's: the admin cannot replace it.
      const hash = await storedHash(userId);
      await t
        .http()
        .patch(`/api/v1/users/${userId}`)
        .set(dinkesAdmin.auth)
        .send({ password: 'Sandi-Kedua#2026-abc' })
        .expect(409);
      expect(await storedHash(userId)).toBe(hash);
    });
  });

  describe('a reset started by an admin and completed by the user', () => {
    it('starts with a one-time code for the admin, ends every session, and the user completes it', async () => {
      const verifier = await givenUser(t.ds, { opd: 'DINKES', roles: ['verifier'] });
      const tabOne = await login(t.http, verifier);
      const tabTwo = await login(t.http, verifier);
      const oldHash = await storedHash(verifier.id);

      const started = await startReset(admin, verifier.id).expect(201);
      expect(started.body).toEqual({
        userId: verifier.id,
        token: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/),
        expiresAt: expect.any(String),
      });
      const token = started.body.token as string;
      // Stored hashed, valid for 24 hours, never in plain text.
      const [row] = await t.ds.query<
        { token_hash: string; ttl: number; created_by: string; used_at: Date | null }[]
      >(
        `SELECT token_hash, extract(epoch FROM expires_at - created_at)::int AS ttl, created_by, used_at
           FROM password_resets WHERE user_id = $1`,
        [verifier.id],
      );
      expect(row).toMatchObject({ ttl: 24 * 3600, created_by: adminUser.id, used_at: null });
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(token);
      expect(new Date(started.body.expiresAt as string).getTime()).toBeGreaterThan(Date.now());
      // Starting it ends every session of the account; the working password is left alone.
      expect(await openSessions(verifier.id)).toBe(0);
      await t.http().get('/api/v1/auth/me').set(tabOne.auth).expect(401);
      await t.http().post('/api/v1/auth/refresh').set('Cookie', tabTwo.cookie).expect(401);
      expect(await storedHash(verifier.id)).toBe(oldHash);
      const later = await login(t.http, verifier);

      // The user completes it (the code as typed: lower case, no dashes) with a password that
      // meets the same policy as a password change.
      const weak = await completeReset(token, 'pendek').expect(400);
      expect(weak.body.code).toBe('WEAK_PASSWORD');
      expect(await storedHash(verifier.id)).toBe(oldHash);
      await completeReset(token.replace(/-/g, '').toLowerCase()).expect(204);
      expect(await storedHash(verifier.id)).not.toBe(oldHash);
      expect(await loginStatus(verifier.email, NEW_PASSWORD)).toBe(200);
      expect(await loginStatus(verifier.email, verifier.password)).toBe(401);
      // Completing it ends the sessions opened in between as well.
      await t.http().get('/api/v1/auth/me').set(later.auth).expect(401);
      await t.http().post('/api/v1/auth/refresh').set('Cookie', later.cookie).expect(401);

      // Single use.
      const hashAfter = await storedHash(verifier.id);
      const again = await completeReset(token, 'Sandi-Lain#2026-abc').expect(400);
      expect(again.body).toEqual({
        code: 'PASSWORD_RESET_INVALID',
        message: expect.stringMatching(/kode/i),
      });
      expect(await storedHash(verifier.id)).toBe(hashAfter);

      // Both steps are in the audit log, without the code or any hash.
      const audit = await t.ds.query<
        { action: string; actor_id: string; target_id: string; details: object }[]
      >(
        `SELECT action, actor_id, target_id, details FROM audit_log
          WHERE action LIKE 'authn_password_reset%' AND target_id = $1 ORDER BY id`,
        [verifier.id],
      );
      expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
        ['authn_password_reset_start', adminUser.id],
        ['authn_password_reset_complete', verifier.id],
      ]);
      const logged = JSON.stringify(audit);
      expect(logged).not.toContain(token);
      expect(logged).not.toContain(token.replace(/-/g, ''));
      expect(logged).not.toContain(row.token_hash);
    });

    it('refuses wrong and expired codes, and a code replaced by a newer one', async () => {
      const user = await givenUser(t.ds, { opd: 'DINKES' });
      const hash = await storedHash(user.id);
      const wrong = await completeReset('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01').expect(400);
      expect(wrong.body.code).toBe('PASSWORD_RESET_INVALID');
      await completeReset('').expect(400);

      const first = (await startReset(admin, user.id).expect(201)).body.token as string;
      const second = (await startReset(admin, user.id).expect(201)).body.token as string;
      expect(second).not.toBe(first);
      const replaced = await completeReset(first).expect(400);
      expect(replaced.body.code).toBe('PASSWORD_RESET_INVALID');

      await t.ds.query(
        `UPDATE password_resets SET created_at = now() - interval '25 hours', expires_at = now() - interval '1 hour' WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
        [user.id],
      );
      const expired = await completeReset(second).expect(400);
      expect(expired.body.code).toBe('PASSWORD_RESET_INVALID');
      expect(await storedHash(user.id)).toBe(hash);
      expect(await loginStatus(user.email, user.password)).toBe(200);
    });

    it("a user's own password change cancels a pending reset", async () => {
      const user = await givenUser(t.ds, { opd: 'DINKES' });
      const token = (await startReset(dinkesAdmin, user.id).expect(201)).body.token as string;
      const s = await login(t.http, user);
      await t
        .http()
        .post('/api/v1/auth/password')
        .set(s.auth)
        .send({ currentPassword: user.password, newPassword: NEW_PASSWORD })
        .expect(204);
      await completeReset(token, 'Sandi-Orang-Lain#2026').expect(400);
      expect(await loginStatus(user.email, NEW_PASSWORD)).toBe(200);
    });

    it('lets an imported account without a password set its own through a reset', async () => {
      const user = await givenUser(t.ds, { opd: 'DINKES' });
      await t.ds.query(`UPDATE users SET password_hash = NULL WHERE id = $1`, [user.id]);
      const token = (await startReset(dinkesAdmin, user.id).expect(201)).body.token as string;
      const done = await completeReset(token);
      expect([done.status, done.body]).toEqual([204, {}]);
      expect(await loginStatus(user.email, NEW_PASSWORD)).toBe(200);
    });

    it("never hands an OPD admin a verifier's credential: no reset code, no first password", async () => {
      const verifier = await givenUser(t.ds, { opd: 'DINKES', roles: ['verifier'] });
      const lead = await givenUser(t.ds, { opd: 'DINKES' });
      await givenCop(t.ds, lead);
      const before = await storedHash(verifier.id);
      const refused = await startReset(dinkesAdmin, verifier.id).expect(403);
      expect(refused.body).toEqual({
        code: 'PASSWORD_ADMIN_ONLY',
        message: expect.stringMatching(/admin sistem/),
      });
      const english = await startReset(dinkesAdmin, lead.id).set('Accept-Language', 'en');
      expect([english.status, english.body.code]).toEqual([403, 'PASSWORD_ADMIN_ONLY']);
      expect(english.body.message).toMatch(/system administrator/);
      // An imported verifier without a password: the OPD admin may not set the first one either.
      await t.ds.query(`UPDATE users SET password_hash = NULL WHERE id = $1`, [verifier.id]);
      const first = await t
        .http()
        .patch(`/api/v1/users/${verifier.id}`)
        .set(dinkesAdmin.auth)
        .send({ password: 'Diambil-Alih#2026' })
        .expect(403);
      expect(first.body.code).toBe('PASSWORD_ADMIN_ONLY');
      expect(await storedHash(verifier.id)).toBeNull();
      const [{ n }] = await t.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM password_resets WHERE user_id = ANY($1)`,
        [[verifier.id, lead.id]],
      );
      expect(n).toBe(0);
      expect(before).not.toBeNull();
      // The system admin may, and an OPD admin still may for a plain ASN of the OPD.
      await startReset(admin, verifier.id).expect(201);
      const asn = await givenUser(t.ds, { opd: 'DINKES' });
      await startReset(dinkesAdmin, asn.id).expect(201);
    });

    it('is started only by admins in scope: another OPD is a 404 exactly like a missing user', async () => {
      const user = await givenUser(t.ds, { opd: 'DINKES' });
      const forbidden = await startReset(bpsdmAdmin, user.id);
      const missing = await startReset(bpsdmAdmin, '00000000-0000-4000-8000-000000000000');
      expect(forbidden.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(forbidden.body).toEqual(missing.body);
      await startReset(bpsdmAdmin, 'bukan-uuid').expect(404);
      const asn = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
      await startReset(asn, user.id).expect(403);
      await t.http().post(`/api/v1/users/${user.id}/password-reset`).expect(401);
      // Nobody resets an account ranked above them.
      await startReset(dinkesAdmin, adminUser.id).expect(404);
      const bossUser = await givenUser(t.ds, { opd: 'DINKES', roles: ['admin'] });
      const boss = await login(t.http, bossUser);
      await startReset(dinkesAdmin, bossUser.id).expect(403);
      const [{ n }] = await t.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM password_resets WHERE user_id = ANY($1)`,
        [[user.id, bossUser.id]],
      );
      expect(n).toBe(0);
      await t.http().get('/api/v1/auth/me').set(boss.auth).expect(200);
    });

    it('limits attempts to complete a reset from one address', async () => {
      const ip = nextIp();
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        statuses.push((await completeReset(`WXYZ-${i}`, NEW_PASSWORD, ip)).status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
      expect(statuses.slice(10)).toEqual([429, 429]);
      // Another address is not affected.
      await completeReset('WXYZ-0').expect(400);
    });
  });
});
