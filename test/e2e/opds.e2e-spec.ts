import { OPD_DIRECTORY } from '@lumbung/identity';
import { givenUser, login, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

describe('OPD directory', () => {
  let t: TestApp;
  let admin: Session;
  let opdAdmin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.http, await givenUser(t.ds, { roles: ['admin'] }));
    opdAdmin = await login(t.http, await givenUser(t.ds, { roles: ['opd_admin'] }));
  });
  afterAll(() => t.close());

  it('lists the seeded provincial agencies to anyone, sorted by code', async () => {
    const res = await t.http().get('/api/v1/opds').expect(200);
    const codes = (res.body as { code: string }[]).map((o) => o.code);
    expect(codes.length).toBe(OPD_DIRECTORY.length);
    expect(codes.length).toBeGreaterThanOrEqual(45);
    expect(codes).toEqual([...codes].sort());
    for (const code of [
      'BPSDM',
      'DINKES',
      'DISDIK',
      'BAPPEDA',
      'BPKD',
      'SATPOLPP',
      'INSPEKTORAT',
    ]) {
      expect(codes).toContain(code);
    }
  });

  it('reads one OPD by code, case-insensitively; unknown codes are 404', async () => {
    const res = await t.http().get('/api/v1/opds/dinkes').expect(200);
    expect(res.body).toMatchObject({ code: 'DINKES', name: 'Dinas Kesehatan' });
    expect(res.body.headcount).toBeGreaterThan(0);
    const missing = await t.http().get('/api/v1/opds/TIDAKADA').expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    await t.http().get('/api/v1/opds/%27%3B--').expect(404);
  });

  it('lets admins set the headcount and name, and records it in the audit log', async () => {
    const res = await t
      .http()
      .patch('/api/v1/opds/BPSDM')
      .set(admin.auth)
      .send({ headcount: 215, name: 'Badan Pengembangan Sumber Daya Manusia Provinsi DKI Jakarta' })
      .expect(200);
    expect(res.body).toMatchObject({ code: 'BPSDM', headcount: 215 });
    const [row] = await t.ds.query<
      {
        headcount: number;
        name: string;
      }[]
    >(`SELECT headcount, name FROM opds WHERE code = 'BPSDM'`);
    expect(row).toEqual({
      headcount: 215,
      name: 'Badan Pengembangan Sumber Daya Manusia Provinsi DKI Jakarta',
    });
    const audit = await t.ds.query<{ details: { after: { headcount: number } } }[]>(
      `SELECT details FROM audit_log WHERE action = 'opd_updated' AND target_id = 'BPSDM'`,
    );
    expect(audit.map((a) => a.details.after.headcount)).toEqual([215]);
  });

  it('refuses bad edits with 400 and changes nothing', async () => {
    for (const body of [
      { headcount: -1 },
      { headcount: 'banyak' },
      { headcount: 1.5 },
      { code: 'X' },
      { name: '' },
    ]) {
      const res = await t
        .http()
        .patch('/api/v1/opds/DINKES')
        .set(admin.auth)
        .send(body)
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const before = await t.ds.query<unknown[]>(`SELECT headcount FROM opds WHERE code = 'DINKES'`);
    await t
      .http()
      .patch('/api/v1/opds/DINKES')
      .set(opdAdmin.auth)
      .send({ headcount: 1 })
      .expect(403);
    expect(await t.ds.query(`SELECT headcount FROM opds WHERE code = 'DINKES'`)).toEqual(before);
  });
});
