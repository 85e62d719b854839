import { givenUser, type GivenUser, login, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

interface LineReport {
  line: number;
  externalId?: string;
  status: string;
  assetId?: string;
  code?: string;
  message?: string;
}

const jsonl = (rows: unknown[]): string =>
  rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');

describe('bulk import of existing knowledge (JSON Lines)', () => {
  let t: TestApp;
  let admin: Session;
  let adminUser: GivenUser;
  let authorA: GivenUser;
  let asn: Session;

  const upload = (s: Session, body: string | Buffer, query = '') =>
    t
      .http()
      .post(`/api/v1/assets/import${query}`)
      .set(s.auth)
      .attach('file', Buffer.isBuffer(body) ? body : Buffer.from(body), {
        filename: 'lama.jsonl',
        contentType: 'application/x-ndjson',
      });

  beforeAll(async () => {
    t = await createTestApp();
    adminUser = await givenUser(t.ds, { roles: ['admin'] });
    admin = await login(t.http, adminUser);
    authorA = await givenUser(t.ds, { opd: 'DINKES', name: 'Penulis Lama' });
    asn = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
  });
  afterAll(() => t.close());

  it('creates published assets verified by the admin, reports each line, keeps good lines', async () => {
    const body = jsonl([
      {
        externalId: 'kmportal-001',
        type: 'praktik_baik',
        title: 'Posyandu digital',
        summary: 'Pencatatan balita daring',
        sections: { latar_belakang: 'Data manual', hasil: 'Laporan tepat waktu' },
        tags: ['Kesehatan', 'posyandu'],
        opdCode: 'dinkes',
        visibility: 'publik',
        publishedAt: '2023-05-02T03:00:00Z',
        authorNips: [authorA.nip],
      },
      '',
      {
        externalId: 'kmportal-002',
        type: 'dokumen',
        title: 'SOP arsip',
        opdCode: 'BPSDM',
        visibility: 'internal',
      },
      '{"externalId": "kmportal-003", ',
      {
        externalId: 'kmportal-004',
        type: 'resep',
        title: 'Bukan tipe',
        opdCode: 'BPSDM',
        visibility: 'internal',
      },
      {
        externalId: 'kmportal-005',
        type: 'panduan',
        title: 'OPD salah',
        opdCode: 'NOPE',
        visibility: 'internal',
      },
      {
        externalId: 'kmportal-001',
        type: 'panduan',
        title: 'Ganda',
        opdCode: 'BPSDM',
        visibility: 'internal',
      },
      {
        externalId: 'kmportal-006',
        type: 'panduan',
        title: 'Penulis hilang',
        opdCode: 'BPSDM',
        visibility: 'internal',
        authorNips: ['199912312020121001'],
      },
      {
        externalId: 'kmportal-007',
        type: 'panduan',
        title: 'Bagian asing',
        opdCode: 'BPSDM',
        visibility: 'internal',
        sections: { hasil: 'x' },
      },
      {
        externalId: 'kmportal-008',
        type: 'panduan',
        title: 'Masa depan',
        opdCode: 'BPSDM',
        visibility: 'internal',
        publishedAt: '2099-01-01T00:00:00Z',
      },
      {
        externalId: 'kmportal-009',
        type: 'panduan',
        title: 'Status dipaksa',
        opdCode: 'BPSDM',
        visibility: 'internal',
        status: 'draft',
      },
    ]);
    const res = await upload(admin, body).expect(200);
    expect(res.body.summary).toEqual({
      total: 10,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 8,
    });
    const lines = res.body.lines as LineReport[];
    expect(lines.map((l) => [l.line, l.status, l.code])).toEqual([
      [1, 'created', undefined],
      [3, 'created', undefined],
      [4, 'rejected', 'INVALID_JSON'],
      [5, 'rejected', 'VALIDATION_FAILED'],
      [6, 'rejected', 'UNKNOWN_OPD'],
      [7, 'rejected', 'DUPLICATE_EXTERNAL_ID_IN_FILE'],
      [8, 'rejected', 'UNKNOWN_AUTHOR'],
      [9, 'rejected', 'UNKNOWN_SECTION'],
      [10, 'rejected', 'PUBLISHED_IN_FUTURE'],
      [11, 'rejected', 'VALIDATION_FAILED'],
    ]);
    expect(lines[9].message).toContain('status');

    const first = await t.http().get(`/api/v1/assets/${lines[0].assetId}`).expect(200);
    expect(first.body).toMatchObject({
      externalId: 'kmportal-001',
      status: 'published',
      visibility: 'publik',
      opdCode: 'DINKES',
      tags: ['kesehatan', 'posyandu'],
      publishedAt: '2023-05-02T03:00:00.000Z',
      authors: [{ id: authorA.id, name: 'Penulis Lama' }],
      verifiedBy: { id: adminUser.id },
      revision: 1,
    });
    // Imported as it was: completeness shows the gap.
    expect(first.body.completeness).toBeLessThan(1);
    expect(first.body.missing.map((m: { key: string }) => m.key)).toEqual(
      expect.arrayContaining(['section:langkah', 'seciMode']),
    );
    expect(first.body.transitions).toEqual([
      expect.objectContaining({
        action: 'import',
        to: 'published',
        actor: expect.objectContaining({ id: adminUser.id }),
      }),
    ]);
    const second = await t
      .http()
      .get(`/api/v1/assets/${lines[1].assetId}`)
      .set(asn.auth)
      .expect(200);
    expect(second.body).toMatchObject({
      authors: [{ id: adminUser.id }],
      missing: expect.arrayContaining([expect.objectContaining({ key: 'attachment' })]),
    });
    const [{ n }] = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM asset_revisions`,
    );
    expect(n).toBe(2);
  });

  it('gives a newly imported asset revision 1 with its content, as approval does', async () => {
    const res = await upload(
      admin,
      jsonl([
        {
          externalId: 'kmportal-rev-1',
          type: 'pelajaran',
          title: 'Pelajaran dari banjir',
          summary: 'Evakuasi lebih cepat',
          body: 'Isi lengkap',
          tags: ['banjir'],
          opdCode: 'BPSDM',
          visibility: 'publik',
        },
      ]),
    ).expect(200);
    const id = (res.body.lines as LineReport[])[0].assetId;
    const revs = await t.http().get(`/api/v1/assets/${id}/revisions`).expect(200);
    expect(revs.body).toEqual([
      expect.objectContaining({
        n: 1,
        title: 'Pelajaran dari banjir',
        createdBy: expect.objectContaining({ id: adminUser.id }),
      }),
    ]);
    const one = await t.http().get(`/api/v1/assets/${id}/revisions/1`).expect(200);
    expect(one.body).toMatchObject({
      n: 1,
      type: 'pelajaran',
      summary: 'Evakuasi lebih cepat',
      body: 'Isi lengkap',
      tags: ['banjir'],
      visibility: 'publik',
    });
    const detail = await t.http().get(`/api/v1/assets/${id}`).expect(200);
    expect(detail.body.revision).toBe(1);
  });

  it('is idempotent by externalId: unchanged lines stay, edited lines update with a new revision', async () => {
    const line = {
      externalId: 'kmportal-002',
      type: 'dokumen',
      title: 'SOP arsip',
      opdCode: 'BPSDM',
      visibility: 'internal',
    };
    const again = await upload(admin, jsonl([line])).expect(200);
    expect(again.body.lines[0]).toMatchObject({ status: 'unchanged' });
    const edited = await upload(
      admin,
      jsonl([{ ...line, title: 'SOP arsip dinamis', summary: 'Diperbarui' }]),
    ).expect(200);
    expect(edited.body.lines[0]).toMatchObject({ status: 'updated' });
    const res = await t
      .http()
      .get(`/api/v1/assets/${edited.body.lines[0].assetId}`)
      .set(asn.auth)
      .expect(200);
    expect(res.body).toMatchObject({
      title: 'SOP arsip dinamis',
      summary: 'Diperbarui',
      revision: 2,
    });
    const revs = await t
      .http()
      .get(`/api/v1/assets/${res.body.id}/revisions`)
      .set(asn.auth)
      .expect(200);
    expect(revs.body.map((r: { n: number; title: string }) => [r.n, r.title])).toEqual([
      [2, 'SOP arsip dinamis'],
      [1, 'SOP arsip'],
    ]);
    const [{ n }] = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM assets WHERE external_id = 'kmportal-002'`,
    );
    expect(n).toBe(1);
  });

  it('dry run reports without writing; non-text, empty and missing files are refused', async () => {
    const before = await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM assets`);
    const dry = await upload(
      admin,
      jsonl([
        {
          externalId: 'kering-1',
          type: 'panduan',
          title: 'Uji kering',
          opdCode: 'BPSDM',
          visibility: 'opd',
        },
      ]),
      '?dryRun=true',
    ).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, summary: { created: 1 } });
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM assets`)).toEqual(before);
    const binary = await upload(admin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00])).expect(400);
    expect(binary.body.details[0].problems).toEqual(['jsonl_not_text']);
    const empty = await upload(admin, '\n\n').expect(400);
    expect(empty.body.details[0].problems).toEqual(['empty']);
    await t.http().post('/api/v1/assets/import').set(admin.auth).expect(400);
  });

  it('is for admins only', async () => {
    const line = jsonl([
      {
        externalId: 'x-1',
        type: 'panduan',
        title: 'Tidak boleh',
        opdCode: 'BPSDM',
        visibility: 'internal',
      },
    ]);
    await upload(asn, line).expect(403);
    await t
      .http()
      .post('/api/v1/assets/import')
      .attach('file', Buffer.from(line), 'a.jsonl')
      .expect(401);
  });
});
