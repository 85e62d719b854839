import { givenUser, login, type Session } from '../support/factories';
import { bodyAsText, registeredRoutes } from '../support/routes';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * A canary word in a restricted asset (title, summary, sections, tags, body, file name and
 * attachment text) never appears in any GET response to someone who may not read it. Every
 * registered GET route is crawled (search included, after the index caught up), so new read paths
 * are swept automatically.
 *
 * Two canaries: OPD_CANARY in a published `opd` asset of BPSDM (hidden from other OPDs), and
 * DRAFT_CANARY in an unpublished draft (hidden from everyone but its author and BPSDM verifiers,
 * colleagues in BPSDM included).
 */
const OPD_CANARY = 'zebrakuning42';
const DRAFT_CANARY = 'badakbiru77';

describe('canary sweep over every read path', () => {
  let t: TestApp;
  const ids: Record<string, { asset: string; attachment: string }> = {};
  let sessions: Record<string, Session | undefined>;
  /** Which canaries each caller must never see. */
  const forbidden: Record<string, string[]> = {
    anonymous: [OPD_CANARY, DRAFT_CANARY],
    asnOtherOpd: [OPD_CANARY, DRAFT_CANARY],
    verifierOtherOpd: [OPD_CANARY, DRAFT_CANARY],
    adminOtherOpd: [OPD_CANARY, DRAFT_CANARY],
    colleague: [DRAFT_CANARY],
  };

  async function assetWithCanary(
    canary: string,
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
        title: `Judul ${canary}`,
        summary: `Ringkasan ${canary}`,
        body: `Isi ${canary}`,
        tags: [canary],
        sections: {
          rencana: `Rencana ${canary}`,
          yang_terjadi: 'b',
          mengapa_berbeda: 'c',
          lain_kali: 'd',
        },
        visibility,
      })
      .expect(201);
    const id = res.body.id as string;
    const up = await t
      .http()
      .post(`/api/v1/assets/${id}/attachments`)
      .set(author.auth)
      .attach('files', Buffer.from(`Lampiran berisi ${canary}`), `${canary}.txt`)
      .expect(201);
    ids[canary] = { asset: id, attachment: up.body[0].id as string };
    if (!publish) return;
    await t.http().post(`/api/v1/assets/${id}/submit`).set(author.auth).expect(200);
    await t.http().post(`/api/v1/assets/${id}/approve`).set(verifier.auth).expect(200);
    await t
      .http()
      .patch(`/api/v1/assets/${id}`)
      .set(author.auth)
      .send({ summary: `Revisi ${canary}` })
      .expect(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const author = await login(t.http, await givenUser(t.ds));
    const verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    await assetWithCanary(OPD_CANARY, author, verifier, 'opd', true);
    await assetWithCanary(DRAFT_CANARY, author, verifier, 'internal', false);
    // Extraction, then search sync: the restricted asset is in the index too.
    await t.drainJobs();
    const [{ n }] = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM attachments WHERE text_status = 'extracted'`,
    );
    expect(n).toBe(2);
    const viaSearch = await t
      .http()
      .get(`/api/v1/search?q=${OPD_CANARY}`)
      .set(author.auth)
      .expect(200);
    expect(viaSearch.body).toMatchObject({ engine: 'meilisearch', total: 1 });
    sessions = {
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
      colleague: await login(t.http, await givenUser(t.ds)),
    };
  });
  afterAll(() => t.close());

  function concretePaths(path: string): string[] {
    if (!path.includes(':')) {
      const queries = [
        '',
        '?opd=BPSDM',
        '?status=draft',
        '?status=submitted',
        '?mine=true',
        '?limit=50',
      ];
      for (const canary of [OPD_CANARY, DRAFT_CANARY]) {
        queries.push(`?q=${canary}`, `?tag=${canary}`);
        // As typed (a prefix) and misspelt: completions and "did you mean" must not reveal it.
        queries.push(`?q=${canary.slice(0, 5)}`, `?q=${canary.slice(0, -2)}${canary.slice(-1)}`);
      }
      return queries.map((q) => path + q);
    }
    const all = Object.values(ids);
    if (path.includes('/assets/:id'))
      return all.map((x) => path.replace(':id', x.asset).replace(':n', '1'));
    if (path.includes('/attachments/:id')) return all.map((x) => path.replace(':id', x.attachment));
    return [path.replace(':code', 'BPSDM').replace(':id', all[0].asset)];
  }

  it('never shows a canary to anyone who may not read it, in any response', async () => {
    const gets = registeredRoutes(t.app).filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(8);
    let requests = 0;
    for (const [who, session] of Object.entries(sessions)) {
      for (const route of gets) {
        for (const path of concretePaths(route.path)) {
          let req = t.http().get(path);
          if (session) req = req.set(session.auth);
          const res = await req.buffer(true).parse(bodyAsText);
          requests += 1;
          // Query text the callers typed themselves comes back (the search's `query`, the search
          // log in insights): that is their own input, not the asset.
          let body = `${JSON.stringify(res.headers)}${String(res.body)}`.toLowerCase();
          for (const canary of [OPD_CANARY, DRAFT_CANARY])
            body = body.replaceAll(`"query":"${canary}"`, '');
          const leaked = forbidden[who].filter((canary) => body.includes(canary));
          expect({ who, path, leaked }).toEqual({ who, path, leaked: [] });
        }
      }
    }
    expect(requests).toBeGreaterThan(100);
  });

  it('shows the colleague the published opd asset (the sweep can see a canary when it is there)', async () => {
    const res = await t
      .http()
      .get(`/api/v1/search?q=${OPD_CANARY}`)
      .set(sessions.colleague!.auth)
      .expect(200);
    expect(JSON.stringify(res.body.hits)).toContain(OPD_CANARY);
  });
});
