import { givenUser, type GivenUser, login, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

interface Entry {
  id: string;
  at: string;
  actor: { id: string; name: string | null; opdCode: string | null } | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  details: Record<string, unknown>;
}

describe('GET /admin/audit: the audit log for system admins, filtered and paged', () => {
  let t: TestApp;
  let admin: Session;
  let adminUser: GivenUser;
  let target: GivenUser;

  const audit = (query: Record<string, string>, s: Session = admin) =>
    t.http().get('/api/v1/admin/audit').query(query).set(s.auth);

  beforeAll(async () => {
    t = await createTestApp();
    adminUser = await givenUser(t.ds, { roles: ['admin'], name: 'Admin Audit' });
    admin = await login(t.http, adminUser);
    target = await givenUser(t.ds, { opd: 'DINKES' });
    // Two changes by the admin through the API, so the log holds real entries.
    await t
      .http()
      .patch(`/api/v1/users/${target.id}`)
      .set(admin.auth)
      .send({ jabatan: 'Analis Data' })
      .expect(200);
    await t.http().post(`/api/v1/users/${target.id}/password-reset`).set(admin.auth).expect(201);
  });
  afterAll(() => t.close());

  it('is closed to anyone but a system admin', async () => {
    await t.http().get('/api/v1/admin/audit').expect(401);
    const opdAdmin = await login(t.http, await givenUser(t.ds, { roles: ['opd_admin'] }));
    const refused = await audit({}, opdAdmin).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const assessor = await login(t.http, await givenUser(t.ds, { roles: ['assessor'] }));
    await audit({}, assessor).expect(403);
  });

  it('filters by actor (NIP or id), action, entity and WIB days, newest first, with names', async () => {
    const byNip = await audit({ actor: adminUser.nip, entity: 'user', entityId: target.id }).expect(
      200,
    );
    const items = byNip.body.items as Entry[];
    expect(items.map((e) => e.action)).toEqual(['authn_password_reset_start', 'user_updated']);
    expect(byNip.body).toMatchObject({ total: 2, page: 1, limit: 20 });
    expect(items[1]).toMatchObject({
      actor: { id: adminUser.id, name: 'Admin Audit', opdCode: 'BPSDM' },
      entity: 'user',
      entityId: target.id,
      details: { fields: ['jabatan'] },
    });
    // No secret reaches the log or its reader.
    expect(JSON.stringify(items[0].details)).not.toMatch(/token/i);
    const byId = await audit({ actor: adminUser.id, action: 'user_updated' }).expect(200);
    expect((byId.body.items as Entry[]).map((e) => e.entityId)).toEqual([target.id]);

    // Days are WIB days: the stored instant decides which day an entry belongs to.
    const [{ day }] = await t.ds.query<{ day: string }[]>(
      `SELECT to_char(at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS day FROM audit_log
        WHERE action = 'user_updated' AND target_id = $1`,
      [target.id],
    );
    const sameDay = await audit({
      action: 'user_updated',
      entityId: target.id,
      from: day,
      to: day,
    });
    expect(sameDay.body.total).toBe(1);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const later = await audit({ action: 'user_updated', entityId: target.id, from: next });
    expect(later.body.total).toBe(0);
  });

  it('pages through the whole log with a stable total', async () => {
    const first = await audit({ limit: '1', page: '1' }).expect(200);
    const second = await audit({ limit: '1', page: '2' }).expect(200);
    expect(first.body.total).toBeGreaterThanOrEqual(3);
    expect(second.body.total).toBe(first.body.total);
    expect(first.body.items[0].id).not.toBe(second.body.items[0].id);
    expect(Number(first.body.items[0].id)).toBeGreaterThan(Number(second.body.items[0].id));
  });

  it('answers an unknown actor with an empty page, not an error', async () => {
    const res = await audit({ actor: '199001012020011999' }).expect(200);
    expect(res.body).toEqual({ items: [], total: 0, page: 1, limit: 20 });
  });

  it.each([
    ['actor', "1' OR '1'='1"],
    ['actor', '12345'],
    ['action', 'user_updated; DROP TABLE audit_log'],
    ['action', '%'],
    ['entity', '<script>'],
    ['entityId', 'a b'],
    ['from', '2025-02-30'],
    ['from', '0000-01-01'],
    ['to', '2025-13-01'],
    ['page', '0'],
    ['limit', '1000'],
  ])('refuses %s=%j with 400 naming the field', async (field, value) => {
    const res = await audit({ [field]: value }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.details)).toContain(field);
    const [{ n }] = await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_log`);
    expect(n).toBeGreaterThan(0);
  });

  it('refuses a range that ends before it starts', async () => {
    const res = await audit({ from: '2026-03-02', to: '2026-03-01' }).expect(400);
    expect(res.body.details).toEqual([
      expect.objectContaining({ field: 'from', problems: ['must_be_before_to'] }),
    ]);
  });
});
