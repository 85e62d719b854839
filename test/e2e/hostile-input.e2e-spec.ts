import { givenUser, type GivenUser, login, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 12, items 2 and 7: the exact requests an outside test answered with 500 (or let through),
 * each checked for its answer and for what was (not) stored.
 */

interface Problem {
  field: string;
  problems: string[];
}

/** `{ a: { a: … 1 } }` nested `depth` objects deep, as JSON text (JS objects that deep overflow). */
const deepJson = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('hostile input is refused at the edge (issue 12: 2 and 7)', () => {
  let t: TestApp;
  let adminUser: GivenUser;
  let admin: Session;
  let asn: Session;
  let assessor: Session;
  let lead: Session;
  let copId: string;
  /** A published `publik` asset (imported), readable without logging in. */
  let publicId: string;

  const assetCount = async (): Promise<number> =>
    Number((await t.ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM assets`))[0].n);

  const expectField = (body: unknown, field: string, problem?: string) => {
    const b = body as { code: string; details: Problem[] };
    expect(b.code).toBe('VALIDATION_FAILED');
    const hit = b.details.find((d) => d.field === field);
    expect({ field, found: hit !== undefined, details: b.details }).toMatchObject({
      field,
      found: true,
    });
    if (problem) expect(hit?.problems).toContain(problem);
  };

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY_HOPS: '1' });
    adminUser = await givenUser(t.ds, { roles: ['admin'] });
    admin = await login(t.http, adminUser);
    asn = await login(t.http, await givenUser(t.ds));
    assessor = await login(t.http, await givenUser(t.ds, { roles: ['assessor'] }));
    const leadUser = await givenUser(t.ds);
    lead = await login(t.http, leadUser);
    const cop = await t
      .http()
      .post('/api/v1/cops')
      .set(admin.auth)
      .send({
        name: 'Komunitas Uji Masukan',
        theme: 'Tema uji masukan',
        leadIds: [leadUser.id],
      });
    expect(cop.status).toBe(201);
    copId = (cop.body as { id: string }).id;
    lead = await login(t.http, leadUser);
    const imported = await t
      .http()
      .post('/api/v1/assets/import')
      .set(admin.auth)
      .attach(
        'file',
        Buffer.from(
          JSON.stringify({
            externalId: 'publik-1',
            type: 'panduan',
            title: 'Panduan terbuka',
            tags: ['layanan'],
            opdCode: 'BPSDM',
            visibility: 'publik',
          }),
        ),
        { filename: 'publik.jsonl', contentType: 'application/x-ndjson' },
      )
      .expect(200);
    publicId = (imported.body as { lines: { assetId: string }[] }).lines[0].assetId;
  });
  afterAll(() => t.close());

  describe('integers and years outside their columns', () => {
    it('answers award years above 32,767 with 400 naming the year, on every award route', async () => {
      for (const path of [
        '/api/v1/awards/40000',
        '/api/v1/awards/40000/scores',
        '/api/v1/awards/40000/scores/BPSDM',
        '/api/v1/awards/40000/restatement',
        '/api/v1/awards/40000/export?format=csv',
      ]) {
        const res = await t.http().get(path).set(admin.auth);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expectField(res.body, 'year', 'max');
      }
      const patch = await t
        .http()
        .patch('/api/v1/awards/40000')
        .set(admin.auth)
        .send({ winners: 3 });
      expect(patch.status).toBe(400);
      const put = await t
        .http()
        .put('/api/v1/awards/40000/assessments/BPSDM/dokumentasi')
        .set(assessor.auth)
        .send({ score: 80, justification: 'Dokumentasi lengkap dan mutakhir sepanjang tahun.' });
      expect(put.status).toBe(400);
      expectField(put.body, 'year', 'max');
      const fin = await t.http().post('/api/v1/awards/40000/finalize').set(admin.auth);
      expect(fin.status).toBe(400);
      const abc = await t.http().get('/api/v1/awards/abc').set(admin.auth).expect(400);
      expectField(abc.body, 'year', 'isInt');
    });

    it('answers a revision number beyond integer with 400, without logging in', async () => {
      const res = await t
        .http()
        .get(`/api/v1/assets/${publicId}/revisions/100000000000000000000`)
        .expect(400);
      expectField(res.body, 'n', 'max');
      await t.http().get(`/api/v1/assets/${publicId}/revisions/1`).expect(200);
    });
  });

  describe('NUL and lone surrogates', () => {
    it('refuses NUL in every search and list query, anonymous or not', async () => {
      await t
        .http()
        .get('/api/v1/search?q=a%00b')
        .expect(400)
        .then((r) => expectField(r.body, 'q', 'contains_nul'));
      await t
        .http()
        .get('/api/v1/search/people?q=%00')
        .set(asn.auth)
        .expect(400)
        .then((r) => expectField(r.body, 'q', 'contains_nul'));
      await t
        .http()
        .get('/api/v1/cops?q=%00')
        .set(asn.auth)
        .expect(400)
        .then((r) => expectField(r.body, 'q', 'contains_nul'));
      await t
        .http()
        .get('/api/v1/users?q=a%00')
        .set(admin.auth)
        .expect(400)
        .then((r) => expectField(r.body, 'q', 'contains_nul'));
    });

    it('refuses NUL in titles, SK references, synonyms and OPD names, storing nothing', async () => {
      const before = await assetCount();
      const title = await t
        .http()
        .post('/api/v1/assets')
        .set(asn.auth)
        .send({ type: 'pelajaran', title: 'Judul\u0000rahasia' })
        .expect(400);
      expectField(title.body, 'title', 'contains_nul');
      expect(await assetCount()).toBe(before);
      const sk = await t
        .http()
        .post('/api/v1/cops')
        .set(admin.auth)
        .send({ name: 'Komunitas NUL', theme: 'Tema', skReference: 'SK\u00001' })
        .expect(400);
      expectField(sk.body, 'skReference', 'contains_nul');
      const synonyms = await t
        .http()
        .put('/api/v1/search/synonyms')
        .set(admin.auth)
        .send({ sets: [['asn', 'p\u0000ns']] })
        .expect(400);
      expectField(synonyms.body, 'sets.0.1', 'contains_nul');
      const opd = await t
        .http()
        .patch('/api/v1/opds/BPSDM')
        .set(admin.auth)
        .send({ name: 'Badan\u0000X' })
        .expect(400);
      expectField(opd.body, 'name', 'contains_nul');
      const [row] = await t.ds.query<{ name: string }[]>(
        `SELECT name FROM opds WHERE code = 'BPSDM'`,
      );
      expect(row.name).not.toContain('\u0000');
    });

    it('refuses NUL and malformed encodings in path segments', async () => {
      await t
        .http()
        .get('/api/v1/opds/BPS%00DM')
        .expect(400)
        .then((r) => expectField(r.body, 'code', 'contains_nul'));
      await t.http().get('/api/v1/opds/BPSDM/activity?year=2025').set(asn.auth).expect(200);
      await t
        .http()
        .get('/api/v1/metrics/opds/%00?year=2025')
        .set(admin.auth)
        .expect(400)
        .then((r) => expectField(r.body, 'code', 'contains_nul'));
      const surrogate = await t.http().get('/api/v1/opds/%ED%A0%80').expect(400);
      expectField(surrogate.body, 'path', 'malformed_encoding');
    });

    it('refuses lone surrogates in JSON bodies, naming the field', async () => {
      const before = await assetCount();
      const res = await t
        .http()
        .post('/api/v1/assets')
        .set(asn.auth)
        .send({
          type: 'pelajaran',
          title: 'Judul \ud800 setengah',
          sections: { rencana: '\udc00' },
        })
        .expect(400);
      expectField(res.body, 'title', 'not_well_formed_unicode');
      expectField(res.body, 'sections.rencana', 'not_well_formed_unicode');
      const key = await t
        .http()
        .post('/api/v1/assets')
        .set(asn.auth)
        .set('Content-Type', 'application/json')
        .send('{"type":"pelajaran","title":"Judul biasa","sections":{"\\ud800":"x"}}')
        .expect(400);
      expect(key.body.code).toBe('VALIDATION_FAILED');
      expect(await assetCount()).toBe(before);
    });
  });

  describe('null where a value is expected', () => {
    it('answers PATCH /opds/:code { name: null } with 400 naming the field', async () => {
      const res = await t
        .http()
        .patch('/api/v1/opds/BPSDM')
        .set(admin.auth)
        .send({ name: null })
        .expect(400);
      expectField(res.body, 'name', 'null_not_allowed');
    });
  });

  describe('nesting depth', () => {
    it('refuses a JSON body nested 10,000 levels (under the size limit) with 400', async () => {
      const body = `{"type":"pelajaran","title":"Judul dalam","sections":${deepJson(10_000)}}`;
      expect(body.length).toBeLessThan(t.config.http.bodyLimitBytes);
      const before = await assetCount();
      const res = await t
        .http()
        .post('/api/v1/assets')
        .set(asn.auth)
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(res.body).toEqual({
        code: 'NESTING_TOO_DEEP',
        message: expect.any(String),
        details: [
          {
            field: 'body',
            problems: ['too_deep'],
            messages: [expect.any(String)],
            details: { maxDepth: 32 },
          },
        ],
      });
      expect(await assetCount()).toBe(before);
      // 32 levels are accepted by the edge (the DTO then judges the shape).
      const ok = await t
        .http()
        .post('/api/v1/assets')
        .set(asn.auth)
        .set('Content-Type', 'application/json')
        .send(`{"type":"pelajaran","title":"Judul dangkal","sections":${deepJson(31)}}`);
      expect(ok.status).toBe(400);
      expect(ok.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('asset import lines', () => {
    const upload = (text: string) =>
      t.http().post('/api/v1/assets/import').set(admin.auth).attach('file', Buffer.from(text), {
        filename: 'lama.jsonl',
        contentType: 'application/x-ndjson',
      });
    const line = (externalId: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        externalId,
        type: 'panduan',
        title: 'Panduan lama',
        opdCode: 'BPSDM',
        visibility: 'internal',
        ...extra,
      });

    it('rejects lines with NUL, lone surrogates, deep nesting, null or __proto__, and imports the rest', async () => {
      const text = [
        line('baik-1'),
        line('nul-1', { title: 'Panduan\u0000lama' }),
        line('surrogate-1', { summary: 'ringkas \ud83d' }),
        `{"externalId":"deep-1","type":"panduan","title":"Dalam","opdCode":"BPSDM","visibility":"internal","sections":${deepJson(10_000)}}`,
        line('null-1', { summary: null }),
        `{"externalId":"proto-1","type":"panduan","title":"Proto","opdCode":"BPSDM","visibility":"internal","__proto__":{"x":1}}`,
        line('baik-2'),
      ].join('\n');
      const res = await upload(text).expect(200);
      const lines = (res.body as { lines: { line: number; status: string; code?: string }[] })
        .lines;
      expect(lines.map((l) => [l.line, l.status, l.code])).toEqual([
        [1, 'created', undefined],
        [2, 'rejected', 'VALIDATION_FAILED'],
        [3, 'rejected', 'VALIDATION_FAILED'],
        [4, 'rejected', 'NESTING_TOO_DEEP'],
        [5, 'rejected', 'VALIDATION_FAILED'],
        [6, 'rejected', 'VALIDATION_FAILED'],
        [7, 'created', undefined],
      ]);
      const stored = await t.ds.query<{ external_id: string }[]>(
        `SELECT external_id FROM assets WHERE external_id IS NOT NULL ORDER BY external_id`,
      );
      expect(stored.map((r) => r.external_id)).toEqual(['baik-1', 'baik-2', 'publik-1']);
    });
  });

  describe('body handling (item 7)', () => {
    it('refuses __proto__, constructor and prototype keys like unknown keys, naming them', async () => {
      const before = await assetCount();
      for (const [raw, field] of [
        [
          '{"type":"pelajaran","title":"Judul aman","__proto__":{"status":"published"}}',
          '__proto__',
        ],
        [
          '{"type":"pelajaran","title":"Judul aman","constructor":{"prototype":{"status":"published"}}}',
          'constructor',
        ],
        [
          '{"type":"pelajaran","title":"Judul aman","sections":{"prototype":"x"}}',
          'sections.prototype',
        ],
      ]) {
        const res = await t
          .http()
          .post('/api/v1/assets')
          .set(asn.auth)
          .set('Content-Type', 'application/json')
          .send(raw);
        expect({ raw, status: res.status }).toEqual({ raw, status: 400 });
        expectField(res.body, field, 'whitelistValidation');
      }
      expect(await assetCount()).toBe(before);
    });

    it('answers a form-encoded body on a JSON route with 415 and creates nothing', async () => {
      const before = await assetCount();
      const res = await t
        .http()
        .post('/api/v1/assets')
        .set(asn.auth)
        .type('form')
        .send('type=pelajaran&title=Draf%20dari%20formulir')
        .expect(415);
      expect(res.body).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        details: { accepted: ['application/json'] },
      });
      const text = await t
        .http()
        .post('/api/v1/assets')
        .set(asn.auth)
        .set('Content-Type', 'text/plain')
        .send('{"type":"pelajaran","title":"Draf teks"}')
        .expect(415);
      expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      // Multipart only where files are uploaded.
      await t
        .http()
        .post('/api/v1/assets')
        .set(asn.auth)
        .field('type', 'pelajaran')
        .field('title', 'Draf multipart')
        .expect(415);
      expect(await assetCount()).toBe(before);
      await t
        .http()
        .post('/api/v1/assets')
        .set(asn.auth)
        .set('Content-Type', 'application/json; charset=utf-8')
        .send('{"type":"pelajaran","title":"Draf JSON"}')
        .expect(201);
    });

    it('answers opdCode of another OPD in POST /assets with 400 naming it', async () => {
      const before = await assetCount();
      const res = await t
        .http()
        .post('/api/v1/assets')
        .set(asn.auth)
        .send({ type: 'pelajaran', title: 'Judul', opdCode: 'DINKES' })
        .expect(400);
      expectField(res.body, 'opdCode');
      expect(await assetCount()).toBe(before);
    });

    it("applies GET /assets?tag=' instead of dropping it", async () => {
      const res = await t.http().get(`/api/v1/assets?tag='`).expect(200);
      expect(res.body).toMatchObject({ items: [], total: 0 });
      const tagged = await t.http().get(`/api/v1/assets?tag=layanan`).expect(200);
      expect((tagged.body as { items: { id: string }[] }).items.map((a) => a.id)).toEqual([
        publicId,
      ]);
    });

    it('refuses meetings dated before 2000, naming heldAt', async () => {
      const res = await t
        .http()
        .post(`/api/v1/cops/${copId}/meetings`)
        .set(lead.auth)
        .send({
          heldAt: '1999-12-31T09:00:00+07:00',
          mode: 'luring',
          topic: 'Rapat milenium',
          durationMinutes: 60,
        })
        .expect(400);
      expectField(res.body, 'heldAt');
      const rows = await t.ds.query(`SELECT id FROM meetings WHERE cop_id = $1`, [copId]);
      expect(rows).toEqual([]);
    });

    it('neutralises fullwidth formula prefixes in the CSV export', async () => {
      const names = new Map([
        ['BPAD', '＝1+1'],
        ['BPBD', '＋1'],
        ['BKD', '－1'],
        ['BAPPEDA', '＠SUM(1)'],
      ]);
      for (const [code, name] of names) {
        await t
          .http()
          .patch(`/api/v1/opds/${code}`)
          .set(admin.auth)
          .send({ name: `${name} nama` })
          .expect(200);
      }
      await t.http().post('/api/v1/awards').set(admin.auth).send({ year: 2030 }).expect(201);
      const csv = await t
        .http()
        .get('/api/v1/awards/2030/export?format=csv')
        .set(admin.auth)
        .expect(200);
      const rows = csv.text.split('\r\n').map((line) => line.split(','));
      for (const [code, name] of names) {
        const row = rows.find((r) => r[1] === code);
        expect({ code, cell: row?.[2] }).toEqual({ code, cell: `'${name} nama` });
      }
    });
  });
});
