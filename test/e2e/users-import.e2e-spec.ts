import { givenUser, login, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const HEADER = 'nip,name,email,opd_code,jabatan,jabatan_kategori,roles';

interface ImportRow {
  line: number;
  nip: string;
  status: string;
  userId?: string;
  problems?: { code: string; field?: string }[];
}

describe('users: CSV import', () => {
  let t: TestApp;
  let admin: Session;
  let bpsdmAdmin: Session;

  const upload = (s: Session, csv: string | Buffer, query = '') =>
    t
      .http()
      .post(`/api/v1/users/import${query}`)
      .set(s.auth)
      .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), {
        filename: 'pegawai.csv',
        contentType: 'text/csv',
      });

  const countUsers = async (): Promise<number> =>
    (await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM users`))[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.http, await givenUser(t.ds, { roles: ['admin'] }));
    bpsdmAdmin = await login(t.http, await givenUser(t.ds, { roles: ['opd_admin'] }));
  });
  afterAll(() => t.close());

  it('imports good rows, rejects bad ones with reasons, and keeps the good ones', async () => {
    const csv = [
      HEADER,
      '198001012005011001,Agus Santoso,agus@jakarta.go.id,BPSDM,Widyaiswara Ahli Madya,fungsional_ahli_madya,asn',
      '198102022006022002,Budi Wijaya,budi@jakarta.go.id,NOPE,Analis,administrasi,',
      '198203032007031003,"Citra, S.Kom",citra@jakarta.go.id,DINKES,Pranata Komputer,fungsional_lain,asn|verifier',
      '198001012005011001,Agus Lagi,agus2@jakarta.go.id,BPSDM,Analis,administrasi,',
      '12345,Nip Salah,salah@jakarta.go.id,BPSDM,Analis,administrasi,',
      '198404042008042004,Dewi,dewi@jakarta.go.id,BPSDM,Analis,bukan_kategori,',
    ].join('\r\n');
    const before = await countUsers();
    const res = await upload(admin, csv).expect(200);
    expect(res.body.summary).toEqual({
      total: 6,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 4,
    });
    const rows = res.body.rows as ImportRow[];
    expect(rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'created'],
      [3, 'rejected'],
      [4, 'created'],
      [5, 'rejected'],
      [6, 'rejected'],
      [7, 'rejected'],
    ]);
    expect(rows[1].problems).toEqual([{ code: 'UNKNOWN_OPD', field: 'opd_code' }]);
    expect(rows[3].problems).toEqual([{ code: 'DUPLICATE_NIP_IN_FILE', field: 'nip' }]);
    expect(rows[4].problems).toEqual([{ code: 'INVALID_NIP_FORMAT', field: 'nip' }]);
    expect(rows[5].problems).toEqual([
      { code: 'INVALID_JABATAN_KATEGORI', field: 'jabatan_kategori' },
    ]);
    expect(await countUsers()).toBe(before + 2);
    const [citra] = await t.ds.query<
      { name: string; code: string; birth: string; sex: string; roles: string[] }[]
    >(
      `SELECT u.name, o.code, u.birth_date::text AS birth, u.sex,
              array_agg(r.role::text ORDER BY r.role) AS roles
         FROM users u JOIN opds o ON o.id = u.opd_id JOIN user_roles r ON r.user_id = u.id
        WHERE u.nip = '198203032007031003' GROUP BY u.id, o.code`,
    );
    expect(citra).toEqual({
      name: 'Citra, S.Kom',
      code: 'DINKES',
      birth: '1982-03-03',
      sex: 'male',
      roles: ['asn', 'verifier'],
    });
    expect(rows[2].userId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is idempotent by NIP: a re-import changes nothing, an edited row updates', async () => {
    const csv = [
      HEADER,
      '198001012005011001,Agus Santoso,agus@jakarta.go.id,BPSDM,Widyaiswara Ahli Madya,fungsional_ahli_madya,asn',
      '198203032007031003,"Citra, S.Kom",citra@jakarta.go.id,DINKES,Pranata Komputer,fungsional_lain,asn|verifier',
    ].join('\n');
    const again = await upload(admin, csv).expect(200);
    expect(again.body.summary).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
    const edited = await upload(admin, csv.replace('Agus Santoso', '"Agus Santoso, M.Si"')).expect(
      200,
    );
    expect(edited.body.summary).toMatchObject({ updated: 1, unchanged: 1 });
    const [row] = await t.ds.query<
      {
        name: string;
      }[]
    >(`SELECT name FROM users WHERE nip = '198001012005011001'`);
    expect(row.name).toBe('Agus Santoso, M.Si');
  });

  it('reads semicolon files from Excel with a BOM', async () => {
    const csv =
      '\uFEFFnip;name;email;opd_code;jabatan;jabatan_kategori;roles\r\n' +
      '198505052009051005;Eko Prasetyo;eko@jakarta.go.id;disdik;Guru Ahli Pertama;fungsional_lain;\r\n';
    const res = await upload(admin, csv).expect(200);
    expect(res.body.summary).toMatchObject({ created: 1, rejected: 0 });
    const [row] = await t.ds.query<{ code: string }[]>(
      `SELECT o.code FROM users u JOIN opds o ON o.id = u.opd_id WHERE u.nip = '198505052009051005'`,
    );
    expect(row.code).toBe('DISDIK');
  });

  it('dry run reports without writing', async () => {
    const before = await countUsers();
    const csv = `${HEADER}\n198606062010061006,Fitri,fitri@jakarta.go.id,BPSDM,Analis,administrasi,\n`;
    const res = await upload(admin, csv, '?dryRun=true').expect(200);
    expect(res.body).toMatchObject({ dryRun: true, summary: { created: 1 } });
    expect(await countUsers()).toBe(before);
  });

  it('rejects an email owned by someone else', async () => {
    const csv = `${HEADER}\n198707072011071007,Gilang,agus@jakarta.go.id,BPSDM,Analis,administrasi,\n`;
    const res = await upload(admin, csv).expect(200);
    expect(res.body.rows[0].problems).toEqual([{ code: 'EMAIL_TAKEN', field: 'email' }]);
  });

  it('keeps OPD admins to their own OPD and rank', async () => {
    const csv = [
      HEADER,
      '198808082012081008,Hendra,hendra@jakarta.go.id,BPSDM,Analis,administrasi,verifier',
      '198909092013091009,Indah,indah@jakarta.go.id,DINKES,Analis,administrasi,',
      '199010102014101010,Joko,joko@jakarta.go.id,BPSDM,Analis,administrasi,admin',
      '198203032007031003,Citra Dibajak,citra@jakarta.go.id,BPSDM,Analis,administrasi,',
    ].join('\n');
    const res = await upload(bpsdmAdmin, csv).expect(200);
    const rows = res.body.rows as ImportRow[];
    expect(rows.map((r) => [r.status, r.problems?.[0]?.code])).toEqual([
      ['created', undefined],
      ['rejected', 'OPD_NOT_ALLOWED'],
      ['rejected', 'ROLE_NOT_ALLOWED'],
      ['rejected', 'OPD_NOT_ALLOWED'],
    ]);
    const [citra] = await t.ds.query<{ name: string; code: string }[]>(
      `SELECT u.name, o.code FROM users u JOIN opds o ON o.id = u.opd_id WHERE nip = '198203032007031003'`,
    );
    expect(citra).toEqual({ name: 'Citra, S.Kom', code: 'DINKES' });
  });

  it('refuses files that are not a usable CSV with 400, storing nothing', async () => {
    const before = await countUsers();
    const missing = await upload(admin, 'nip,name\n198001012005011001,Agus\n').expect(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(missing.body.details[0].problems).toEqual(['csv_missing_columns']);
    const latin1 = Buffer.concat([
      Buffer.from(`${HEADER}\n198001012005011001,`),
      Buffer.from([0xe9, 0xff]),
      Buffer.from(',x@y.id,BPSDM,Analis,administrasi,\n'),
    ]);
    const notUtf8 = await upload(admin, latin1).expect(400);
    expect(notUtf8.body.details[0].problems).toEqual(['csv_not_utf8']);
    const binary = await upload(admin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])).expect(
      400,
    );
    expect(binary.body.details[0].problems).toEqual(['csv_not_text']);
    const noFile = await t.http().post('/api/v1/users/import').set(admin.auth).expect(400);
    expect(noFile.body.details[0]).toEqual({ field: 'file', problems: ['required'] });
    const big = await upload(admin, Buffer.alloc(6 * 1024 * 1024, 0x41)).expect(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countUsers()).toBe(before);
  });

  it('is closed to plain ASN (403) and anonymous callers (401)', async () => {
    const asn = await login(t.http, await givenUser(t.ds));
    await upload(asn, `${HEADER}\n`).expect(403);
    await t
      .http()
      .post('/api/v1/users/import')
      .attach('file', Buffer.from(HEADER), 'a.csv')
      .expect(401);
  });
});
