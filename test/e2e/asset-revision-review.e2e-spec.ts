import { givenUser, type GivenUser, login, publishAsset, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const SECTIONS = {
  latar_belakang: 'Berkas cuti pegawai menumpuk di meja subbagian kepegawaian.',
  langkah: 'Formulir cuti dipindah ke aplikasi dan disetujui atasan langsung.',
  hasil: 'Cuti disetujui dalam dua hari kerja.',
  faktor_kunci: 'Atasan membuka aplikasi setiap pagi.',
  cara_mereplikasi: 'Mulai dari cuti tahunan, lalu jenis cuti lainnya.',
};

interface Hit {
  id: string;
  title: string;
}

/**
 * Issue 16, item 7: verified content changes only through verification. An author's edit of a
 * published asset waits as a pending revision that readers and search never see until a verifier
 * of the OPD approves it; a rejected edit never reaches them; a verifier's own edit of someone
 * else's asset is published at once and recorded.
 */
describe('edits of published assets go through verification', () => {
  let t: TestApp;
  let author: Session;
  let authorUser: GivenUser;
  let verifier: Session;
  let verifierUser: GivenUser;
  let verifier2: Session;
  let verifierDinkes: Session;
  let reader: Session;

  beforeAll(async () => {
    t = await createTestApp();
    authorUser = await givenUser(t.ds, { name: 'Sari Penulis' });
    author = await login(t.http, authorUser);
    verifierUser = await givenUser(t.ds, { roles: ['verifier'], name: 'Vina Verifikator' });
    verifier = await login(t.http, verifierUser);
    verifier2 = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    verifierDinkes = await login(
      t.http,
      await givenUser(t.ds, { opd: 'DINKES', roles: ['verifier'] }),
    );
    reader = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
  });
  afterAll(() => t.close());

  const publish = (title: string, by: Session = author, approver: Session = verifier) =>
    publishAsset(t.http, by, approver, {
      type: 'praktik_baik',
      title,
      summary: 'Cuti pegawai tanpa berkas kertas.',
      sections: SECTIONS,
      tags: ['kepegawaian'],
      seciMode: 'eksternalisasi',
      visibility: 'internal',
    });
  const get = (s: Session, id: string) => t.http().get(`/api/v1/assets/${id}`).set(s.auth);
  const patch = (s: Session, id: string, body: object) =>
    t.http().patch(`/api/v1/assets/${id}`).set(s.auth).send(body);
  /** Ids of the hits Meilisearch returns to the reader for `q`. */
  async function searchIds(q: string): Promise<Hit[]> {
    const res = await t
      .http()
      .get(`/api/v1/search?q=${encodeURIComponent(q)}`)
      .set(reader.auth);
    expect(res.status).toBe(200);
    expect(res.body.engine).toBe('meilisearch');
    return res.body.hits as Hit[];
  }
  const stored = async (id: string) =>
    (
      await t.ds.query<{ title: string; revision: number; sections: Record<string, string> }[]>(
        `SELECT title, revision, sections FROM assets WHERE id = $1`,
        [id],
      )
    )[0];

  it('keeps an author’s edit from readers and search until a verifier approves it', async () => {
    const id = await publish('Cuti pegawai lewat aplikasi');
    const before = await get(author, id).expect(200);
    const edit = await patch(author, id, {
      title: 'Cuti pegawai lewat aplikasi kenari',
      sections: { hasil: 'Cuti disetujui dalam satu hari kerja.' },
      expectedVersion: before.body.version,
    }).expect(200);
    // The author sees their proposal beside the published content, which does not change.
    expect(edit.body).toMatchObject({
      status: 'published',
      revision: 1,
      title: 'Cuti pegawai lewat aplikasi',
      proposedRevision: {
        n: 2,
        status: 'pending',
        basedOn: 1,
        title: 'Cuti pegawai lewat aplikasi kenari',
        createdBy: { id: authorUser.id },
        reviewedBy: null,
      },
    });
    expect(edit.body.sections.hasil).toBe(SECTIONS.hasil);
    expect(edit.body.proposedRevision.sections.hasil).toBe('Cuti disetujui dalam satu hari kerja.');
    expect(await stored(id)).toEqual({
      title: 'Cuti pegawai lewat aplikasi',
      revision: 1,
      sections: SECTIONS,
    });

    // Readers: the detail, the list, the revision history and the diff know nothing of it.
    const seen = await get(reader, id).expect(200);
    expect(seen.body).toMatchObject({ title: 'Cuti pegawai lewat aplikasi', revision: 1 });
    expect(seen.body.sections.hasil).toBe(SECTIONS.hasil);
    expect(seen.body.proposedRevision).toBeNull();
    const list = await t.http().get('/api/v1/assets?opd=BPSDM&limit=100').set(reader.auth);
    const item = list.body.items.find((a: { id: string }) => a.id === id);
    expect(item.title).toBe('Cuti pegawai lewat aplikasi');
    const history = await t.http().get(`/api/v1/assets/${id}/revisions`).set(reader.auth);
    expect(history.body.map((r: { n: number }) => r.n)).toEqual([1]);
    await t.http().get(`/api/v1/assets/${id}/revisions/2`).set(reader.auth).expect(404);
    await t.http().get(`/api/v1/assets/${id}/revisions/2/diff`).set(reader.auth).expect(404);
    // Search indexes the published revision only.
    await t.drainJobs();
    expect((await searchIds('kenari')).map((h) => h.id)).not.toContain(id);
    const old = (await searchIds('Cuti pegawai lewat aplikasi')).find((h) => h.id === id);
    expect(old?.title).toBe('Cuti pegawai lewat aplikasi');

    // The verifier's list of edits to review has it, and the diff shows what changes.
    const queue = await t.http().get('/api/v1/review/revisions').set(verifier.auth).expect(200);
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({
        assetId: id,
        n: 2,
        basedOn: 1,
        title: 'Cuti pegawai lewat aplikasi kenari',
        assetTitle: 'Cuti pegawai lewat aplikasi',
        opdCode: 'BPSDM',
        createdBy: expect.objectContaining({ id: authorUser.id }),
        canReview: true,
      }),
    );
    const diff = await t
      .http()
      .get(`/api/v1/assets/${id}/revisions/2/diff`)
      .set(verifier.auth)
      .expect(200);
    expect(diff.body).toMatchObject({ n: 2, status: 'pending', against: 1 });
    expect(diff.body.fields).toEqual([
      {
        field: 'title',
        before: 'Cuti pegawai lewat aplikasi',
        after: 'Cuti pegawai lewat aplikasi kenari',
      },
    ]);
    const sections = Object.fromEntries(
      diff.body.sections.map((s: { key: string; change: string }) => [s.key, s]),
    );
    expect(Object.keys(sections)).toEqual(Object.keys(SECTIONS));
    expect(sections.hasil).toMatchObject({
      change: 'changed',
      before: SECTIONS.hasil,
      after: 'Cuti disetujui dalam satu hari kerja.',
      label: { id: 'Hasil yang dicapai' },
    });
    expect(sections.langkah).toMatchObject({ change: 'unchanged', before: SECTIONS.langkah });

    // Who may not decide: another OPD's verifier never sees it, the author is no verifier.
    await t
      .http()
      .post(`/api/v1/assets/${id}/revisions/2/approve`)
      .set(verifierDinkes.auth)
      .send({})
      .expect(404);
    await t
      .http()
      .post(`/api/v1/assets/${id}/revisions/2/approve`)
      .set(author.auth)
      .send({})
      .expect(403);

    const approved = await t
      .http()
      .post(`/api/v1/assets/${id}/revisions/2/approve`)
      .set(verifier.auth)
      .send({ comment: 'Sesuai data cuti.' })
      .expect(200);
    expect(approved.body).toMatchObject({
      revision: 2,
      title: 'Cuti pegawai lewat aplikasi kenari',
      proposedRevision: null,
    });
    expect(approved.body.transitions.at(-1)).toMatchObject({
      action: 'approve_revision',
      actor: { id: verifierUser.id },
    });
    const now = await get(reader, id).expect(200);
    expect(now.body.title).toBe('Cuti pegawai lewat aplikasi kenari');
    expect(now.body.sections.hasil).toBe('Cuti disetujui dalam satu hari kerja.');
    const after = await t.http().get(`/api/v1/assets/${id}/revisions`).set(reader.auth);
    expect(after.body.map((r: { n: number; status: string }) => [r.n, r.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);
    expect(after.body[0].reviewedBy.id).toBe(verifierUser.id);
    await t.drainJobs();
    const found = (await searchIds('kenari')).find((h) => h.id === id);
    expect(found?.title).toBe('Cuti pegawai lewat aplikasi kenari');
    const [rev] = await t.ds.query<{ status: string; reviewed_by: string }[]>(
      `SELECT status, reviewed_by FROM asset_revisions WHERE asset_id = $1 AND n = 2`,
      [id],
    );
    expect(rev).toEqual({ status: 'published', reviewed_by: verifierUser.id });
    const audit = await t.ds.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'asset_revision%'`,
      [id],
    );
    expect(audit).toEqual([{ action: 'asset_revision_approved' }]);
    const gone = await t.http().get('/api/v1/review/revisions').set(verifier.auth).expect(200);
    expect(gone.body.items.map((r: { assetId: string }) => r.assetId)).not.toContain(id);
  });

  it('never shows a rejected edit to readers; the author sees the verifier’s comment', async () => {
    const id = await publish('Arsip surat masuk digital');
    await patch(author, id, {
      summary: 'Surat masuk dipindai dan diberi nomor otomatis merpati.',
      sections: { langkah: 'Surat dipindai di loket.' },
    }).expect(200);
    await t
      .http()
      .post(`/api/v1/assets/${id}/revisions/2/reject`)
      .set(verifier.auth)
      .send({})
      .expect(400);
    const rejected = await t
      .http()
      .post(`/api/v1/assets/${id}/revisions/2/reject`)
      .set(verifier.auth)
      .send({ comment: 'Langkah pemindaian perlu nama aplikasinya.' })
      .expect(200);
    expect(rejected.body).toMatchObject({
      revision: 1,
      summary: 'Cuti pegawai tanpa berkas kertas.',
    });

    const mine = await get(author, id).expect(200);
    expect(mine.body.proposedRevision).toMatchObject({
      n: 2,
      status: 'rejected',
      reviewComment: 'Langkah pemindaian perlu nama aplikasinya.',
      reviewedBy: { id: verifierUser.id },
    });
    const history = await t.http().get(`/api/v1/assets/${id}/revisions`).set(author.auth);
    expect(history.body.map((r: { n: number; status: string }) => [r.n, r.status])).toEqual([
      [2, 'rejected'],
      [1, 'published'],
    ]);

    const seen = await get(reader, id).expect(200);
    expect(seen.body).toMatchObject({ revision: 1, summary: 'Cuti pegawai tanpa berkas kertas.' });
    expect(seen.body.sections.langkah).toBe(SECTIONS.langkah);
    expect(seen.body.proposedRevision).toBeNull();
    const readerHistory = await t.http().get(`/api/v1/assets/${id}/revisions`).set(reader.auth);
    expect(readerHistory.body.map((r: { n: number }) => r.n)).toEqual([1]);
    await t.http().get(`/api/v1/assets/${id}/revisions/2`).set(reader.auth).expect(404);
    await t.drainJobs();
    expect((await searchIds('merpati')).map((h) => h.id)).not.toContain(id);
    expect((await stored(id)).sections).toEqual(SECTIONS);
    // A rejected revision cannot be approved afterwards.
    const late = await t
      .http()
      .post(`/api/v1/assets/${id}/revisions/2/approve`)
      .set(verifier.auth)
      .send({});
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('REVISION_NOT_PENDING');

    // The next edit goes on from the rejected proposal, as a new pending revision.
    const again = await patch(author, id, {
      sections: { langkah: 'Surat dipindai di loket dengan aplikasi Naskah Dinas.' },
    }).expect(200);
    expect(again.body.proposedRevision).toMatchObject({ n: 3, status: 'pending', basedOn: 1 });
    expect(again.body.proposedRevision.summary).toBe(
      'Surat masuk dipindai dan diberi nomor otomatis merpati.',
    );
    expect(again.body.summary).toBe('Cuti pegawai tanpa berkas kertas.');
  });

  it('publishes a verifier’s own edit of someone else’s asset at once, recorded', async () => {
    const id = await publish('Rekap absensi harian');
    const edit = await patch(verifier, id, {
      summary: 'Rekap absensi harian dari mesin sidik jari cendrawasih.',
    }).expect(200);
    expect(edit.body).toMatchObject({
      revision: 2,
      summary: 'Rekap absensi harian dari mesin sidik jari cendrawasih.',
      proposedRevision: null,
    });
    expect(edit.body.transitions.at(-1)).toMatchObject({
      action: 'revise',
      from: 'published',
      to: 'published',
      actor: { id: verifierUser.id },
    });
    const seen = await get(reader, id).expect(200);
    expect(seen.body.summary).toBe('Rekap absensi harian dari mesin sidik jari cendrawasih.');
    const revs = await t.ds.query<
      {
        n: number;
        status: string;
        base_n: number | null;
        created_by: string;
        reviewed_by: string;
      }[]
    >(
      `SELECT n, status, base_n, created_by, reviewed_by FROM asset_revisions
        WHERE asset_id = $1 ORDER BY n`,
      [id],
    );
    expect(revs.map((r) => [r.n, r.status, r.base_n])).toEqual([
      [1, 'published', null],
      [2, 'published', 1],
    ]);
    expect(revs[1]).toMatchObject({ created_by: verifierUser.id, reviewed_by: verifierUser.id });
    const audit = await t.ds.query<{ actor_id: string; details: { revision: number } }[]>(
      `SELECT actor_id, details FROM audit_log WHERE target_id = $1 AND action = 'asset_revised_by_verifier'`,
      [id],
    );
    expect(audit).toEqual([{ actor_id: verifierUser.id, details: { revision: 2 } }]);
    await t.drainJobs();
    expect((await searchIds('cendrawasih')).map((h) => h.id)).toContain(id);
    const diff = await t
      .http()
      .get(`/api/v1/assets/${id}/revisions/2/diff`)
      .set(reader.auth)
      .expect(200);
    expect(diff.body).toMatchObject({ status: 'published', against: 1 });
    expect(diff.body.fields.map((f: { field: string }) => f.field)).toEqual(['summary']);

    // While an author's edit waits, a verifier publishes nothing past it.
    await patch(author, id, { title: 'Rekap absensi harian pegawai' }).expect(200);
    const blocked = await patch(verifier, id, { summary: 'Lain lagi.' });
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({
      code: 'REVISION_PENDING',
      details: { pendingRevision: 3 },
    });
  });

  it('refuses a verifier the review of an edit of their own asset', async () => {
    const id = await publish('Pelatihan pengelola arsip', verifier, verifier2);
    // The other BPSDM verifier published it; its author (a verifier too) edits it.
    const edit = await patch(verifier, id, { title: 'Pelatihan pengelola arsip dinamis' });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ revision: 1, proposedRevision: { n: 2, status: 'pending' } });
    const queue = await t.http().get('/api/v1/review/revisions').set(verifier.auth).expect(200);
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({ assetId: id, canReview: false }),
    );
    const self = await t
      .http()
      .post(`/api/v1/assets/${id}/revisions/2/approve`)
      .set(verifier.auth)
      .send({});
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('SELF_REVIEW_FORBIDDEN');
    expect((await stored(id)).title).toBe('Pelatihan pengelola arsip');
  });
});
