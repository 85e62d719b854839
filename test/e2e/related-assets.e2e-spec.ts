import { givenAsset, givenUser, login, publishAsset, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const CANARY = 'kudalaut93';
const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const INNOVATION_SECTIONS = {
  masalah: 'a',
  solusi: 'b',
  dampak: 'c',
  sumber_daya: 'd',
  status_replikasi: 'e',
};

/**
 * GET /assets/:id/related: published assets sharing tags, type or OPD, ranked, and only those
 * the caller may read (the canary rule: a restricted neighbour never shows, not even its title).
 */
describe('related assets', () => {
  let t: TestApp;
  let bpsdmAuthor: Session;
  let colleague: Session;
  let outsider: Session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    bpsdmAuthor = await login(t.http, await givenUser(t.ds));
    const bpsdmVerifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    const dinkesAuthor = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
    const dinkesVerifier = await login(
      t.http,
      await givenUser(t.ds, { opd: 'DINKES', roles: ['verifier'] }),
    );
    colleague = await login(t.http, await givenUser(t.ds));
    outsider = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
    const tags = ['Perizinan Daring', 'Layanan Publik'];
    const bpsdm = (title: string, body: Record<string, unknown>) =>
      publishAsset(t.http, bpsdmAuthor, bpsdmVerifier, { title, ...body });
    const dinkes = (title: string, body: Record<string, unknown>) =>
      publishAsset(t.http, dinkesAuthor, dinkesVerifier, { title, ...body });

    ids.source = await bpsdm('Sumber', { tags, visibility: 'publik' });
    // Scores: 3 per shared tag, 1 for the type, 1 for the OPD.
    ids.bothTags = await bpsdm('Dua tag sama', { tags, visibility: 'internal' }); // 8
    ids.oneTagOtherOpd = await dinkes('Satu tag, OPD lain', {
      type: 'inovasi',
      sections: INNOVATION_SECTIONS,
      tags: ['Layanan Publik', 'Kesehatan'],
      visibility: 'internal',
    }); // 3
    ids.sameTypeAndOpd = await bpsdm('Jenis dan OPD sama', {
      tags: ['Lain'],
      visibility: 'internal',
    }); // 2
    ids.publicNeighbour = await dinkes('Tetangga publik', {
      tags: ['Perizinan Daring'],
      visibility: 'publik',
    }); // 4
    ids.canary = await bpsdm(`Kanari ${CANARY}`, {
      tags,
      summary: `Ringkasan ${CANARY}`,
      visibility: 'opd',
    }); // 8, newest: first for those who may read it
    ids.draft = await givenAsset(t.http, bpsdmAuthor, bpsdmVerifier, 'draft', {
      title: 'Draf dengan tag sama',
      tags,
    });
    ids.unrelated = await dinkes('Tidak terkait', {
      type: 'inovasi',
      sections: INNOVATION_SECTIONS,
      tags: ['Kesehatan'],
      visibility: 'publik',
    });
  });
  afterAll(() => t.close());

  const related = (session: Session | undefined, id = ids.source) => {
    const req = t.http().get(`/api/v1/assets/${id}/related`);
    return session ? req.set(session.auth) : req;
  };
  const names = (body: { id: string }[]) =>
    body.map((a) => Object.keys(ids).find((k) => ids[k] === a.id));

  it('ranks what an ASN of another OPD may read, and leaves out the restricted neighbour', async () => {
    const res = await related(outsider).expect(200);
    expect(names(res.body)).toEqual([
      'bothTags',
      'publicNeighbour',
      'oneTagOtherOpd',
      'sameTypeAndOpd',
    ]);
    expect(JSON.stringify(res.body)).not.toContain(CANARY);
    expect(res.body[0]).toMatchObject({
      title: 'Dua tag sama',
      opdCode: 'BPSDM',
      type: 'pelajaran',
    });
  });

  it('shows the restricted neighbour to a colleague of its OPD (the rule can see it when allowed)', async () => {
    const res = await related(colleague).expect(200);
    expect(names(res.body)).toEqual([
      'canary',
      'bothTags',
      'publicNeighbour',
      'oneTagOtherOpd',
      'sameTypeAndOpd',
    ]);
  });

  it('never lists drafts, not even to their author, nor the asset itself', async () => {
    const res = await related(bpsdmAuthor).expect(200);
    const listed = names(res.body);
    expect(listed).not.toContain('draft');
    expect(listed).not.toContain('source');
    expect(listed).toHaveLength(5);
  });

  it('gives anonymous visitors of a public asset only public neighbours', async () => {
    const res = await related(undefined).expect(200);
    expect(names(res.body)).toEqual(['publicNeighbour']);
  });

  it('answers an asset the caller may not read exactly like a missing one', async () => {
    const forbidden = await related(outsider, ids.canary).expect(404);
    const missing = await related(outsider, MISSING_ID).expect(404);
    expect(forbidden.body).toEqual(missing.body);
    expect(JSON.stringify(forbidden.body)).not.toContain(CANARY);
    await related(undefined, ids.bothTags).expect(404);
  });
});
