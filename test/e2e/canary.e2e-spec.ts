import { givenUser, login, type Session } from '../support/factories';
import { registeredRoutes } from '../support/routes';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * quality.md AZ-06: a canary word in a restricted asset (title, summary, sections, tags, body,
 * file name and attachment text) never appears in any GET response to someone who may not read
 * it. Every registered GET route is crawled, so new read paths are swept automatically.
 */
const CANARY = 'zebrakuning42';
const LESSON = {
  rencana: `Rencana ${CANARY}`,
  yang_terjadi: 'b',
  mengapa_berbeda: 'c',
  lain_kali: 'd',
};

describe('canary sweep over every read path', () => {
  let t: TestApp;
  const restricted: { assetIds: string[]; attachmentIds: string[] } = {
    assetIds: [],
    attachmentIds: [],
  };
  let outsiders: Record<string, Session | undefined>;

  async function assetWithCanary(
    author: Session,
    verifier: Session,
    visibility: string,
    publish: boolean,
  ): Promise<void> {
    const res = await t
      .http()
      .post('/api/v1/assets')
      .set(author.auth)
      .send({
        type: 'pelajaran',
        title: `Judul ${CANARY}`,
        summary: `Ringkasan ${CANARY}`,
        body: `Isi ${CANARY}`,
        tags: [CANARY],
        sections: LESSON,
        visibility,
      })
      .expect(201);
    const id = res.body.id as string;
    const up = await t
      .http()
      .post(`/api/v1/assets/${id}/attachments`)
      .set(author.auth)
      .attach('files', Buffer.from(`Lampiran berisi ${CANARY}`), `${CANARY}.txt`)
      .expect(201);
    restricted.assetIds.push(id);
    restricted.attachmentIds.push(up.body[0].id as string);
    if (!publish) return;
    await t.http().post(`/api/v1/assets/${id}/submit`).set(author.auth).expect(200);
    await t.http().post(`/api/v1/assets/${id}/approve`).set(verifier.auth).expect(200);
    await t
      .http()
      .patch(`/api/v1/assets/${id}`)
      .set(author.auth)
      .send({ summary: `Revisi ${CANARY}` })
      .expect(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const author = await login(t.http, await givenUser(t.ds));
    const verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    await assetWithCanary(author, verifier, 'opd', true);
    await assetWithCanary(author, verifier, 'internal', false);
    await t.drainJobs();
    const [{ n }] = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM attachments WHERE extracted_text LIKE $1`,
      [`%${CANARY}%`],
    );
    expect(n).toBe(2);
    outsiders = {
      anonymous: undefined,
      asnOtherOpd: await login(t.http, await givenUser(t.ds, { opd: 'DINKES' })),
      verifierOtherOpd: await login(
        t.http,
        await givenUser(t.ds, { opd: 'DINKES', roles: ['verifier'] }),
      ),
      adminOtherOpd: await login(
        t.http,
        await givenUser(t.ds, { opd: 'DINKES', roles: ['opd_admin'] }),
      ),
      colleagueOfDraft: await login(t.http, await givenUser(t.ds)),
    };
  });
  afterAll(() => t.close());

  function concretePaths(path: string): string[] {
    const queries = [
      '',
      `?q=${CANARY}`,
      `?tag=${CANARY}`,
      '?opd=BPSDM',
      '?status=draft',
      '?status=submitted',
      '?mine=true',
      '?limit=100',
    ];
    if (!path.includes(':')) return queries.map((q) => path + q);
    if (path.includes('/assets/:id')) {
      return restricted.assetIds.map((id) => path.replace(':id', id).replace(':n', '1'));
    }
    if (path.includes('/attachments/:id')) {
      return restricted.attachmentIds.map((id) => path.replace(':id', id));
    }
    return [path.replace(':code', 'BPSDM').replace(':id', restricted.assetIds[0])];
  }

  it('never shows the canary to anyone who may not read it', async () => {
    const gets = registeredRoutes(t.app).filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(8);
    let requests = 0;
    for (const [who, session] of Object.entries(outsiders)) {
      for (const route of gets) {
        for (const path of concretePaths(route.path)) {
          let req = t.http().get(path);
          if (session) req = req.set(session.auth);
          const res = await req.buffer(true).parse((r, cb) => {
            let text = '';
            r.on('data', (c: Buffer) => (text += c.toString('latin1')));
            r.on('end', () => cb(null, text));
          });
          requests += 1;
          const body = `${JSON.stringify(res.headers)}${String(res.body)}`.toLowerCase();
          // The draft (internal) is hidden from everyone but its author and the OPD's verifiers;
          // the published opd asset from everyone outside BPSDM.
          if (who === 'colleagueOfDraft' && path.includes(restricted.assetIds[0])) continue;
          if (who === 'colleagueOfDraft' && path.includes(restricted.attachmentIds[0])) continue;
          if (
            who === 'colleagueOfDraft' &&
            ['?opd=BPSDM', '?limit=100', `?q=${CANARY}`, `?tag=${CANARY}`, ''].some(
              (q) => path === `/api/v1/assets${q}`,
            )
          ) {
            continue;
          }
          expect({ who, path, leaked: body.includes(CANARY) }).toEqual({
            who,
            path,
            leaked: false,
          });
        }
      }
    }
    expect(requests).toBeGreaterThan(50);
  });
});
