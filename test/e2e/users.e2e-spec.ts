import { givenUser, type GivenUser, login, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const newUser = (nip: string, overrides: Record<string, unknown> = {}) => ({
  nip,
  name: 'Dewi Lestari',
  email: `dewi.${nip.slice(-6)}@jakarta.go.id`,
  opdCode: 'BPSDM',
  jabatan: 'Analis Kebijakan Ahli Muda',
  jabatanKategori: 'fungsional_lain',
  ...overrides,
});

describe('users: administration', () => {
  let t: TestApp;
  let admin: Session;
  let bpsdmAdmin: Session;
  let bpsdmAdminUser: GivenUser;
  let asn: Session;
  let dinkesUser: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.http, await givenUser(t.ds, { roles: ['admin'] }));
    bpsdmAdminUser = await givenUser(t.ds, { roles: ['opd_admin'] });
    bpsdmAdmin = await login(t.http, bpsdmAdminUser);
    asn = await login(t.http, await givenUser(t.ds));
    dinkesUser = await givenUser(t.ds, { opd: 'DINKES', name: 'Pegawai Dinkes' });
  });
  afterAll(() => t.close());

  it('creates a user, deriving birth date and sex from the NIP', async () => {
    const res = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .send(newUser('199008172015032001', { roles: ['verifier'], email: ' Dewi.A@Jakarta.go.id ' }))
      .expect(201);
    expect(res.body).toMatchObject({
      nip: '199008172015032001',
      email: 'dewi.a@jakarta.go.id',
      opdCode: 'BPSDM',
      birthDate: '1990-08-17',
      sex: 'female',
      active: true,
      hasPassword: false,
      roles: ['asn', 'verifier'],
      grants: [{ role: 'asn' }, { role: 'verifier', opdCode: 'BPSDM' }],
    });
    expect(res.body).not.toHaveProperty('passwordHash');
    const [row] = await t.ds.query<{ birth_date: string; sex: string }[]>(
      `SELECT birth_date::text, sex FROM users WHERE id = $1`,
      [res.body.id],
    );
    expect(row).toEqual({ birth_date: '1990-08-17', sex: 'female' });
  });

  it('refuses a malformed NIP and names the field, storing nothing', async () => {
    for (const nip of ['12345', '199013172015032001', '19900817201503300X', '199008172015033001']) {
      const res = await t
        .http()
        .post('/api/v1/users')
        .set(admin.auth)
        .send(newUser(nip))
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details[0].field).toBe('nip');
    }
    const [{ count }] = await t.ds.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM users WHERE name = 'Dewi Lestari' AND nip <> '199008172015032001'`,
    );
    expect(count).toBe(0);
  });

  it('refuses unknown fields (no mass assignment) and wrong types', async () => {
    const res = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .send(newUser('198701012012121001', { id: 'x', passwordHash: 'x', active: false }))
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'active',
      'id',
      'passwordHash',
    ]);
    const types = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .send(newUser('198701012012121001', { roles: 'admin', opdCode: 7 }))
      .expect(400);
    expect(types.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'opdCode',
      'roles',
    ]);
  });

  it('refuses a duplicate NIP or email with 409', async () => {
    const dupNip = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .send(newUser(dinkesUser.nip, { email: 'lain@jakarta.go.id' }))
      .expect(409);
    expect(dupNip.body.code).toBe('NIP_TAKEN');
    const dupEmail = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .send(newUser('198701012012121002', { email: dinkesUser.email }))
      .expect(409);
    expect(dupEmail.body.code).toBe('EMAIL_TAKEN');
  });

  it('refuses an unknown OPD code', async () => {
    const res = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .send(newUser('198701012012121003', { opdCode: 'NOPE' }))
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'opdCode', problems: ['unknown_opd'] }]);
  });

  describe('OPD admins stay inside their OPD and below their rank', () => {
    it('lists only users of their own OPD', async () => {
      const res = await t.http().get('/api/v1/users?limit=100').set(bpsdmAdmin.auth).expect(200);
      expect(res.body.total).toBeGreaterThan(0);
      expect(new Set(res.body.items.map((u: { opdCode: string }) => u.opdCode))).toEqual(
        new Set(['BPSDM']),
      );
      const other = await t.http().get('/api/v1/users?opd=DINKES').set(bpsdmAdmin.auth).expect(200);
      expect(other.body).toMatchObject({ total: 0, items: [] });
    });

    it('sees a user of another OPD exactly like a missing one', async () => {
      const forbidden = await t.http().get(`/api/v1/users/${dinkesUser.id}`).set(bpsdmAdmin.auth);
      const missing = await t
        .http()
        .get('/api/v1/users/00000000-0000-4000-8000-000000000000')
        .set(bpsdmAdmin.auth);
      expect(forbidden.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(forbidden.body).toEqual(missing.body);
      await t.http().get(`/api/v1/users/${dinkesUser.id}`).set(admin.auth).expect(200);
      const patched = await t
        .http()
        .patch(`/api/v1/users/${dinkesUser.id}`)
        .set(bpsdmAdmin.auth)
        .send({ name: 'Dibajak' });
      expect(patched.status).toBe(404);
      const [row] = await t.ds.query<
        {
          name: string;
        }[]
      >(`SELECT name FROM users WHERE id = $1`, [dinkesUser.id]);
      expect(row.name).toBe('Pegawai Dinkes');
    });

    it('cannot create users in another OPD nor move one there', async () => {
      await t
        .http()
        .post('/api/v1/users')
        .set(bpsdmAdmin.auth)
        .send(newUser('198701012012121004', { opdCode: 'DINKES' }))
        .expect(403);
      const mine = await givenUser(t.ds);
      await t
        .http()
        .patch(`/api/v1/users/${mine.id}`)
        .set(bpsdmAdmin.auth)
        .send({ opdCode: 'DINKES' })
        .expect(403);
    });

    it('cannot grant roles above their own', async () => {
      for (const role of ['admin', 'assessor', 'cop_lead']) {
        const res = await t
          .http()
          .post('/api/v1/users')
          .set(bpsdmAdmin.auth)
          .send(newUser('198701012012121005', { roles: [role] }))
          .expect(403);
        expect(res.body).toMatchObject({ code: 'ROLE_NOT_ALLOWED', details: { role } });
      }
      const ok = await t
        .http()
        .post('/api/v1/users')
        .set(bpsdmAdmin.auth)
        .send(newUser('198701012012121005', { roles: ['verifier'] }))
        .expect(201);
      expect(ok.body.roles).toEqual(['asn', 'verifier']);
    });

    it('cannot edit an admin of their own OPD', async () => {
      const boss = await givenUser(t.ds, { roles: ['admin'] });
      await t
        .http()
        .patch(`/api/v1/users/${boss.id}`)
        .set(bpsdmAdmin.auth)
        .send({ active: false })
        .expect(403);
    });

    it('cannot deactivate themselves or change their own roles', async () => {
      const res = await t
        .http()
        .patch(`/api/v1/users/${bpsdmAdminUser.id}`)
        .set(bpsdmAdmin.auth)
        .send({ roles: ['asn'] })
        .expect(409);
      expect(res.body.code).toBe('CANNOT_CHANGE_OWN_ACCESS');
    });
  });

  it('a plain ASN may not administer users at all (403)', async () => {
    const res = await t.http().get('/api/v1/users').set(asn.auth).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('changing roles takes effect on the next request', async () => {
    const user = await givenUser(t.ds, { roles: ['opd_admin'] });
    const s = await login(t.http, user);
    await t.http().get('/api/v1/users').set(s.auth).expect(200);
    await t
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set(admin.auth)
      .send({ roles: ['asn'] })
      .expect(200);
    await t.http().get('/api/v1/users').set(s.auth).expect(403);
  });

  it('filters and pages the list', async () => {
    const res = await t
      .http()
      .get('/api/v1/users?opd=dinkes&q=Pegawai%20Dinkes&page=1&limit=5')
      .set(admin.auth)
      .expect(200);
    expect(res.body).toMatchObject({ total: 1, page: 1, limit: 5 });
    expect(res.body.items[0].id).toBe(dinkesUser.id);
    await t.http().get('/api/v1/users?limit=1000').set(admin.auth).expect(400);
    await t.http().get('/api/v1/users?role=superuser').set(admin.auth).expect(400);
  });
});
