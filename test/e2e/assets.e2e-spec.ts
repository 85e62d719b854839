import { givenUser, type GivenUser, login, publishAsset, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const PRAKTIK_SECTIONS = {
  latar_belakang: 'Antrean layanan kepegawaian mencapai tiga minggu.',
  langkah: 'Membuat formulir daring dan jadwal verifikasi harian.',
  hasil: 'Waktu layanan turun menjadi tiga hari.',
  faktor_kunci: 'Dukungan pimpinan dan data yang rapi.',
  cara_mereplikasi: 'Mulai dari satu jenis layanan, ukur, lalu perluas.',
};

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe('knowledge assets: drafting, workflow, access', () => {
  let t: TestApp;
  let authorUser: GivenUser;
  let author: Session;
  let coauthorUser: GivenUser;
  let verifier: Session;
  let verifierUser: GivenUser;
  let verifierDinkes: Session;
  let asnDinkes: Session;
  let asnBpsdm: Session;
  let assessor: Session;
  let assessorUser: GivenUser;

  const create = async (s: Session, body: Record<string, unknown>) =>
    t.http().post('/api/v1/assets').set(s.auth).send(body);

  /** A complete praktik_baik, submitted and approved by the BPSDM verifier. */
  async function publishedAsset(overrides: Record<string, unknown> = {}): Promise<string> {
    return publishAsset(t.http, author, verifier, {
      type: 'praktik_baik',
      title: 'Layanan kepegawaian daring',
      summary: 'Cara BPSDM memangkas antrean layanan.',
      sections: PRAKTIK_SECTIONS,
      tags: ['Layanan Publik'],
      seciMode: 'eksternalisasi',
      ...overrides,
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    authorUser = await givenUser(t.ds, { name: 'Siti Penulis' });
    author = await login(t.http, authorUser);
    coauthorUser = await givenUser(t.ds, { opd: 'DINKES', name: 'Budi Rekan' });
    verifierUser = await givenUser(t.ds, { roles: ['verifier'] });
    verifier = await login(t.http, verifierUser);
    verifierDinkes = await login(
      t.http,
      await givenUser(t.ds, { opd: 'DINKES', roles: ['verifier'] }),
    );
    asnDinkes = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
    asnBpsdm = await login(t.http, await givenUser(t.ds));
    assessorUser = await givenUser(t.ds, { opd: 'INSPEKTORAT', roles: ['assessor'] });
    assessor = await login(t.http, assessorUser);
  });
  afterAll(() => t.close());

  describe('GET /asset-types', () => {
    it('lists the six types with their template sections', async () => {
      const res = await t.http().get('/api/v1/asset-types').expect(200);
      const types = res.body as {
        type: string;
        sections: { key: string; required: boolean }[];
        requiresAttachment: boolean;
      }[];
      expect(types.map((x) => x.type)).toEqual([
        'praktik_baik',
        'pelajaran',
        'panduan',
        'wawancara_pengetahuan',
        'inovasi',
        'dokumen',
      ]);
      expect(types[0].sections.map((s) => s.key)).toEqual(Object.keys(PRAKTIK_SECTIONS));
      const panduan = types.find((x) => x.type === 'panduan')!;
      expect(panduan.sections.find((s) => s.key === 'rujukan')!.required).toBe(false);
      expect(types.find((x) => x.type === 'dokumen')!.requiresAttachment).toBe(true);
      expect(res.body[0].label).toEqual({ id: 'Praktik Baik', en: 'Best practice' });
    });

    it('explains each type and each section in both languages, for the write form', async () => {
      const res = await t.http().get('/api/v1/asset-types').expect(200);
      const types = res.body as {
        type: string;
        label: { id: string; en: string };
        description: { id: string; en: string };
        sections: { label: { id: string }; guidance: { id: string; en: string } }[];
      }[];
      const pelajaran = types.find((x) => x.type === 'pelajaran')!;
      expect(pelajaran.label).toEqual({ id: 'Pelajaran', en: 'Lesson learned' });
      expect(pelajaran.description.id).toContain('after action review');
      for (const type of types) {
        expect(type.description.id.length).toBeGreaterThan(20);
        expect(type.description.en.length).toBeGreaterThan(20);
        for (const section of type.sections) {
          expect(section.guidance.id.length).toBeGreaterThan(10);
          expect(section.guidance.en.length).toBeGreaterThan(10);
        }
        // Each section is a field named by its label beside the form's own fields ("Judul",
        // "Ringkasan"…): no name may contain another, as forms are found by these names.
        const names = [
          ...['Judul', 'Ringkasan', 'Tag', 'Visibilitas', 'Lampiran'],
          ...type.sections.map((s) => s.label.id),
        ];
        for (const name of names) {
          const others = names.filter((other) => other !== name);
          expect(
            others.filter((other) => other.toLowerCase().includes(name.toLowerCase())),
          ).toEqual([]);
        }
      }
    });
  });

  describe('POST /assets', () => {
    it('requires login (401)', async () => {
      await t.http().post('/api/v1/assets').send({ type: 'pelajaran', title: 'Judul' }).expect(401);
    });

    it('names each bad field (400) and refuses fields set by their own operations', async () => {
      const res = await create(author, {
        type: 'resep',
        title: 'x',
        tags: Array.from({ length: 21 }, (_, i) => `t${i}`),
        visibility: 'rahasia',
        status: 'published',
        opdId: MISSING_ID,
        authorIds: [MISSING_ID],
        completeness: 1,
      });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'authorIds',
        'completeness',
        'opdId',
        'status',
        'tags',
        'title',
        'type',
        'visibility',
      ]);
      const sections = await create(author, {
        type: 'pelajaran',
        title: 'Judul yang cukup',
        sections: { latar_belakang: 'bukan bagian pelajaran' },
      });
      expect(sections.status).toBe(400);
      expect(sections.body.details).toEqual([
        { field: 'sections.latar_belakang', problems: ['unknown_section'] },
      ]);
      const cop = await create(author, {
        type: 'pelajaran',
        title: 'Judul yang cukup',
        visibility: 'cop',
      });
      expect(cop.body.details).toEqual([{ field: 'copId', problems: ['required_for_cop'] }]);
      const nara = await create(author, {
        type: 'pelajaran',
        title: 'Judul yang cukup',
        narasumberId: coauthorUser.id,
      });
      expect(nara.body.details).toEqual([
        { field: 'narasumberId', problems: ['only_for_wawancara_pengetahuan'] },
      ]);
      const [{ n }] = await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM assets`);
      expect(n).toBe(0);
    });

    it('creates a draft owned by the author’s OPD, with completeness and what is missing', async () => {
      const res = await create(author, {
        type: 'praktik_baik',
        title: '  Layanan kepegawaian daring  ',
        sections: {
          latar_belakang: PRAKTIK_SECTIONS.latar_belakang,
          hasil: PRAKTIK_SECTIONS.hasil,
        },
        tags: ['#Layanan Publik', 'layanan-publik', 'SDM'],
        coAuthorIds: [coauthorUser.id],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        type: 'praktik_baik',
        title: 'Layanan kepegawaian daring',
        status: 'draft',
        visibility: 'internal',
        opdCode: 'BPSDM',
        tags: ['layanan-publik', 'sdm'],
        authors: [
          { id: authorUser.id, name: 'Siti Penulis', opdCode: 'BPSDM' },
          { id: coauthorUser.id, name: 'Budi Rekan', opdCode: 'DINKES' },
        ],
        revision: 0,
        version: 1,
        // 5 sections + summary + tags + SECI = 8 items; 2 sections and tags filled → 3/8
        completeness: 0.375,
        missing: [
          { key: 'section:langkah', label: 'Langkah yang dilakukan', labelEn: 'Steps taken' },
          {
            key: 'section:faktor_kunci',
            label: 'Faktor kunci keberhasilan',
            labelEn: 'Key success factors',
          },
          {
            key: 'section:cara_mereplikasi',
            label: 'Cara mereplikasi',
            labelEn: 'How to replicate',
          },
          { key: 'summary', label: 'Ringkasan', labelEn: 'Summary' },
          { key: 'seciMode', label: 'Mode SECI', labelEn: 'SECI mode' },
        ],
      });
      expect(res.body.transitions).toEqual([
        expect.objectContaining({ action: 'create', from: null, to: 'draft' }),
      ]);
      const [row] = await t.ds.query<
        { author_ids: string[]; status: string; completeness: string }[]
      >(`SELECT author_ids, status, completeness FROM assets WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({
        author_ids: [authorUser.id, coauthorUser.id],
        status: 'draft',
        completeness: '0.375',
      });
    });

    it('refuses unknown co-authors and another OPD as owner', async () => {
      const unknown = await create(author, {
        type: 'pelajaran',
        title: 'Judul',
        coAuthorIds: [MISSING_ID],
      });
      expect(unknown.body.details).toEqual([
        { field: 'coAuthorIds', problems: ['unknown_or_inactive_user'] },
      ]);
      const otherOpd = await create(author, {
        type: 'pelajaran',
        title: 'Judul',
        opdCode: 'DINKES',
      });
      expect(otherOpd.status).toBe(400);
      expect(otherOpd.body.details).toEqual([{ field: 'opdCode', problems: ['not_your_opd'] }]);
    });
  });

  describe('drafts are private to authors and the OPD’s verifiers', () => {
    it('answers others exactly like a missing asset', async () => {
      const draft = await create(author, { type: 'pelajaran', title: 'Catatan rapat evaluasi' });
      const id = draft.body.id as string;
      await t.http().get(`/api/v1/assets/${id}`).set(author.auth).expect(200);
      await t.http().get(`/api/v1/assets/${id}`).set(verifier.auth).expect(200);
      const missing = await t.http().get(`/api/v1/assets/${MISSING_ID}`).set(asnDinkes.auth);
      for (const s of [asnDinkes, asnBpsdm, verifierDinkes, assessor]) {
        const res = await t.http().get(`/api/v1/assets/${id}`).set(s.auth);
        expect(res.status).toBe(404);
        expect(res.body).toEqual(missing.body);
        const revs = await t.http().get(`/api/v1/assets/${id}/revisions`).set(s.auth);
        expect(revs.status).toBe(404);
      }
      await t.http().get(`/api/v1/assets/${id}`).expect(404);
      await t.http().get('/api/v1/assets/not-a-uuid').expect(404);
      const list = await t
        .http()
        .get('/api/v1/assets?status=draft')
        .set(asnDinkes.auth)
        .expect(200);
      expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
    });
  });

  describe('workflow', () => {
    it('refuses to submit with required sections empty, naming them', async () => {
      const draft = await create(author, {
        type: 'praktik_baik',
        title: 'Belum lengkap',
        sections: { latar_belakang: 'Ada' },
      });
      const res = await t
        .http()
        .post(`/api/v1/assets/${draft.body.id}/submit`)
        .set(author.auth)
        .expect(422);
      expect(res.body).toMatchObject({
        code: 'ASSET_INCOMPLETE',
        message:
          'Bagian wajib belum diisi: Langkah yang dilakukan, Hasil yang dicapai, Faktor kunci keberhasilan, Cara mereplikasi. Lengkapi sebelum mengajukan.',
      });
      expect(res.body.details.missing.map((m: { key: string }) => m.key)).toEqual([
        'section:langkah',
        'section:hasil',
        'section:faktor_kunci',
        'section:cara_mereplikasi',
      ]);
      const english = await t
        .http()
        .post(`/api/v1/assets/${draft.body.id}/submit`)
        .set(author.auth)
        .set('Accept-Language', 'en')
        .expect(422);
      expect(english.body.message).toBe(
        'Required parts are empty: Steps taken, Results, Key success factors, How to replicate. Complete them before submitting.',
      );
      const [row] = await t.ds.query<{ status: string }[]>(
        `SELECT status FROM assets WHERE id = $1`,
        [draft.body.id],
      );
      expect(row.status).toBe('draft');
    });

    it('submit → approve by a verifier of the OPD publishes, records who and when, and starts the review clock', async () => {
      const draft = await create(author, {
        type: 'praktik_baik',
        title: 'Layanan kepegawaian daring',
        summary: 'Ringkas',
        sections: PRAKTIK_SECTIONS,
        tags: ['sdm'],
        seciMode: 'eksternalisasi',
      });
      const id = draft.body.id as string;
      expect(draft.body.completeness).toBe(1);
      expect(draft.body.missing).toEqual([]);
      // Only authors submit.
      await t.http().post(`/api/v1/assets/${id}/submit`).set(verifier.auth).expect(403);
      const submitted = await t
        .http()
        .post(`/api/v1/assets/${id}/submit`)
        .set(author.auth)
        .expect(200);
      expect(submitted.body.status).toBe('submitted');
      // A plain ASN may never approve; a verifier of another OPD cannot even see it.
      await t.http().post(`/api/v1/assets/${id}/approve`).set(asnBpsdm.auth).expect(403);
      await t.http().post(`/api/v1/assets/${id}/approve`).set(verifierDinkes.auth).expect(404);
      const before = Date.now();
      const approved = await t
        .http()
        .post(`/api/v1/assets/${id}/approve`)
        .set(verifier.auth)
        .expect(200);
      expect(approved.body).toMatchObject({
        status: 'published',
        revision: 1,
        verifiedBy: { id: verifierUser.id },
        needsReview: false,
      });
      const due = new Date(approved.body.reviewDueAt as string).getTime();
      const year = 365 * 86400_000;
      expect(due).toBeGreaterThan(before + year - 2 * 86400_000);
      expect(due).toBeLessThan(before + year + 2 * 86400_000);
      expect(
        approved.body.transitions.map((x: { action: string; to: string }) => [x.action, x.to]),
      ).toEqual([
        ['create', 'draft'],
        ['submit', 'submitted'],
        ['approve', 'published'],
      ]);
      const [rev] = await t.ds.query<{ n: number; title: string }[]>(
        `SELECT n, title FROM asset_revisions WHERE asset_id = $1`,
        [id],
      );
      expect(rev).toEqual({ n: 1, title: 'Layanan kepegawaian daring' });
      // Approving again is not a valid move.
      const again = await t
        .http()
        .post(`/api/v1/assets/${id}/approve`)
        .set(verifier.auth)
        .expect(409);
      expect(again.body).toMatchObject({
        code: 'INVALID_TRANSITION',
        details: { status: 'published', action: 'approve' },
      });
    });

    it('never lets a verifier review their own asset', async () => {
      const draft = await create(verifier, {
        type: 'pelajaran',
        title: 'Pelajaran dari audit',
        sections: { rencana: 'a', yang_terjadi: 'b', mengapa_berbeda: 'c', lain_kali: 'd' },
      });
      await t.http().post(`/api/v1/assets/${draft.body.id}/submit`).set(verifier.auth).expect(200);
      const res = await t
        .http()
        .post(`/api/v1/assets/${draft.body.id}/approve`)
        .set(verifier.auth)
        .expect(403);
      expect(res.body.code).toBe('SELF_REVIEW_FORBIDDEN');
    });

    it('reject sends it back to draft with the verifier’s comment (at least 10 characters)', async () => {
      const draft = await create(author, {
        type: 'pelajaran',
        title: 'Pelajaran pengadaan',
        sections: { rencana: 'a', yang_terjadi: 'b', mengapa_berbeda: 'c', lain_kali: 'd' },
      });
      const id = draft.body.id as string;
      await t.http().post(`/api/v1/assets/${id}/submit`).set(author.auth).expect(200);
      const short = await t
        .http()
        .post(`/api/v1/assets/${id}/reject`)
        .set(verifier.auth)
        .send({ comment: 'kurang' });
      expect(short.status).toBe(400);
      expect(short.body.details[0].field).toBe('comment');
      await t.http().post(`/api/v1/assets/${id}/reject`).set(verifier.auth).expect(400);
      const res = await t
        .http()
        .post(`/api/v1/assets/${id}/reject`)
        .set(verifier.auth)
        .send({ comment: 'Tambahkan data sebelum dan sesudah.' })
        .expect(200);
      expect(res.body.status).toBe('draft');
      expect(res.body.transitions.at(-1)).toMatchObject({
        action: 'reject',
        from: 'submitted',
        to: 'draft',
        comment: 'Tambahkan data sebelum dan sesudah.',
        actor: { id: verifierUser.id },
      });
    });

    it('reverify renews reviewDueAt; archive takes it out of lists but keeps it readable', async () => {
      const id = await publishedAsset();
      await t.ds.query(`UPDATE assets SET review_due_at = now() - interval '1 day' WHERE id = $1`, [
        id,
      ]);
      const stale = await t.http().get(`/api/v1/assets/${id}`).set(asnBpsdm.auth).expect(200);
      expect(stale.body.needsReview).toBe(true);
      await t.http().post(`/api/v1/assets/${id}/reverify`).set(author.auth).expect(403);
      const renewed = await t
        .http()
        .post(`/api/v1/assets/${id}/reverify`)
        .set(verifier.auth)
        .expect(200);
      expect(renewed.body.needsReview).toBe(false);
      await t.http().post(`/api/v1/assets/${id}/archive`).set(asnBpsdm.auth).expect(403);
      const archived = await t
        .http()
        .post(`/api/v1/assets/${id}/archive`)
        .set(author.auth)
        .expect(200);
      expect(archived.body.status).toBe('archived');
      await t.http().get(`/api/v1/assets/${id}`).set(asnDinkes.auth).expect(200);
      const list = await t.http().get('/api/v1/assets?limit=100').set(asnDinkes.auth).expect(200);
      expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
      const archivedList = await t
        .http()
        .get('/api/v1/assets?status=archived')
        .set(asnDinkes.auth)
        .expect(200);
      expect(archivedList.body.items.map((a: { id: string }) => a.id)).toContain(id);
      await t
        .http()
        .patch(`/api/v1/assets/${id}`)
        .set(author.auth)
        .send({ title: 'Baru lagi' })
        .expect(409);
    });
  });

  describe('visibility of published assets', () => {
    it('publik for everyone, internal for logged-in ASN, opd for the OPD (assessor reads are audited)', async () => {
      const publik = await publishedAsset({ visibility: 'publik', title: 'Aset publik' });
      const internal = await publishedAsset({ visibility: 'internal', title: 'Aset internal' });
      const opd = await publishedAsset({ visibility: 'opd', title: 'Aset khusus OPD' });
      await t.http().get(`/api/v1/assets/${publik}`).expect(200);
      await t.http().get(`/api/v1/assets/${internal}`).expect(404);
      await t.http().get(`/api/v1/assets/${internal}`).set(asnDinkes.auth).expect(200);
      await t.http().get(`/api/v1/assets/${opd}`).set(asnDinkes.auth).expect(404);
      await t.http().get(`/api/v1/assets/${opd}`).set(asnBpsdm.auth).expect(200);
      await t.http().get(`/api/v1/assets/${opd}`).set(assessor.auth).expect(200);
      const audit = await t.ds.query<{ actor_id: string }[]>(
        `SELECT actor_id FROM audit_log WHERE action = 'asset_read_restricted' AND target_id = $1`,
        [opd],
      );
      expect(audit).toEqual([{ actor_id: assessorUser.id }]);

      const anon = await t.http().get('/api/v1/assets?limit=100').expect(200);
      const anonIds = anon.body.items.map((a: { id: string }) => a.id);
      expect(anonIds).toContain(publik);
      expect(anonIds).not.toContain(internal);
      expect(anonIds).not.toContain(opd);
      const dinkes = await t
        .http()
        .get('/api/v1/assets?limit=100&opd=BPSDM')
        .set(asnDinkes.auth)
        .expect(200);
      const dinkesIds = dinkes.body.items.map((a: { id: string }) => a.id);
      expect(dinkesIds).toEqual(expect.arrayContaining([publik, internal]));
      expect(dinkesIds).not.toContain(opd);
      expect(dinkes.body.total).toBe(dinkesIds.length);
    });
  });

  describe('editing', () => {
    it('an edit of a published asset keeps it published: a verifier’s at once, an author’s after review', async () => {
      const id = await publishedAsset({ title: 'Judul pertama' });
      const first = await t.http().get(`/api/v1/assets/${id}`).set(author.auth).expect(200);
      // Verifiers of the OPD may edit published assets; their edit is the next revision.
      const res = await t
        .http()
        .patch(`/api/v1/assets/${id}`)
        .set(verifier.auth)
        .send({
          title: 'Judul kedua',
          sections: { hasil: 'Waktu layanan turun menjadi dua hari.' },
          expectedVersion: first.body.version,
        })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'published', revision: 2, title: 'Judul kedua' });
      expect(res.body.sections.hasil).toBe('Waktu layanan turun menjadi dua hari.');
      expect(res.body.sections.langkah).toBe(PRAKTIK_SECTIONS.langkah);
      // An author's edit waits for a verifier (see asset-revision-review.e2e-spec.ts).
      const proposed = await t
        .http()
        .patch(`/api/v1/assets/${id}`)
        .set(author.auth)
        .send({ summary: 'Diperbarui penulis' })
        .expect(200);
      expect(proposed.body).toMatchObject({
        revision: 2,
        summary: 'Cara BPSDM memangkas antrean layanan.',
        proposedRevision: { n: 3, status: 'pending', summary: 'Diperbarui penulis' },
      });
      // Others may read but not edit.
      await t
        .http()
        .patch(`/api/v1/assets/${id}`)
        .set(asnDinkes.auth)
        .send({ summary: 'x' })
        .expect(403);
      await t
        .http()
        .patch(`/api/v1/assets/${id}`)
        .set(verifierDinkes.auth)
        .send({ summary: 'x' })
        .expect(403);
      const revisions = await t
        .http()
        .get(`/api/v1/assets/${id}/revisions`)
        .set(asnDinkes.auth)
        .expect(200);
      expect(revisions.body.map((r: { n: number; title: string }) => [r.n, r.title])).toEqual([
        [2, 'Judul kedua'],
        [1, 'Judul pertama'],
      ]);
      const one = await t
        .http()
        .get(`/api/v1/assets/${id}/revisions/1`)
        .set(asnDinkes.auth)
        .expect(200);
      expect(one.body).toMatchObject({ n: 1, title: 'Judul pertama', sections: PRAKTIK_SECTIONS });
      await t.http().get(`/api/v1/assets/${id}/revisions/9`).set(asnDinkes.auth).expect(404);
      await t.http().get(`/api/v1/assets/${id}/revisions/abc`).set(asnDinkes.auth).expect(400);
      const stale = await t
        .http()
        .patch(`/api/v1/assets/${id}`)
        .set(author.auth)
        .send({ title: 'Judul basi', expectedVersion: first.body.version });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
    });

    it('refuses mass assignment of status, ownership, authorship, counts and dates', async () => {
      const draft = await create(author, { type: 'pelajaran', title: 'Judul awal' });
      for (const body of [
        { status: 'published' },
        { opdId: MISSING_ID },
        { opdCode: 'DINKES' },
        { authorIds: [asnBpsdm] },
        { completeness: 1 },
        { publishedAt: '2020-01-01T00:00:00Z' },
        { revision: 7 },
        // An own `__proto__` key, as JSON.parse makes it (a literal would set the prototype).
        JSON.parse('{"__proto__": {"status": "published"}, "title": "Judul sah"}') as object,
      ]) {
        const res = await t
          .http()
          .patch(`/api/v1/assets/${draft.body.id}`)
          .set(author.auth)
          .send(body);
        expect(res.status).toBe(400);
      }
      const [row] = await t.ds.query<{ status: string; title: string }[]>(
        `SELECT status, title FROM assets WHERE id = $1`,
        [draft.body.id],
      );
      expect(row).toEqual({ status: 'draft', title: 'Judul awal' });
    });

    it('authorship changes through its own operation, by an author only', async () => {
      const draft = await create(author, { type: 'pelajaran', title: 'Judul awal' });
      const id = draft.body.id as string;
      await t
        .http()
        .put(`/api/v1/assets/${id}/authors`)
        .set(verifier.auth)
        .send({ authorIds: [verifierUser.id] })
        .expect(403);
      await t
        .http()
        .put(`/api/v1/assets/${id}/authors`)
        .set(author.auth)
        .send({ authorIds: [] })
        .expect(400);
      const bad = await t
        .http()
        .put(`/api/v1/assets/${id}/authors`)
        .set(author.auth)
        .send({ authorIds: [MISSING_ID] });
      expect(bad.body.details).toEqual([
        { field: 'authorIds', problems: ['unknown_or_inactive_user'] },
      ]);
      const res = await t
        .http()
        .put(`/api/v1/assets/${id}/authors`)
        .set(author.auth)
        .send({ authorIds: [authorUser.id, coauthorUser.id] })
        .expect(200);
      expect(res.body.authors.map((a: { id: string }) => a.id)).toEqual([
        authorUser.id,
        coauthorUser.id,
      ]);
    });

    it('wawancara_pengetahuan names its expert as a user and counts it toward completeness', async () => {
      const res = await create(author, {
        type: 'wawancara_pengetahuan',
        title: 'Wawancara dengan perencana senior',
        narasumberId: coauthorUser.id,
        sections: { topik: 'Perencanaan anggaran' },
      });
      expect(res.status).toBe(201);
      expect(res.body.narasumber).toEqual({
        id: coauthorUser.id,
        name: 'Budi Rekan',
        opdCode: 'DINKES',
      });
      const keys = res.body.missing.map((m: { key: string }) => m.key);
      expect(keys).not.toContain('section:narasumber');
      expect(keys).toContain('section:keputusan_kunci');
    });
  });

  describe('DELETE /assets/:id', () => {
    it('deletes a draft for its author, and archives a published asset instead', async () => {
      const draft = await create(author, { type: 'pelajaran', title: 'Akan dihapus' });
      await t.http().delete(`/api/v1/assets/${draft.body.id}`).set(asnBpsdm.auth).expect(404);
      await t.http().delete(`/api/v1/assets/${draft.body.id}`).set(verifier.auth).expect(403);
      await t.http().delete(`/api/v1/assets/${draft.body.id}`).set(author.auth).expect(204);
      const rows = await t.ds.query(`SELECT id FROM assets WHERE id = $1`, [draft.body.id]);
      expect(rows).toEqual([]);
      const id = await publishedAsset();
      await t.http().delete(`/api/v1/assets/${id}`).set(author.auth).expect(204);
      const [row] = await t.ds.query<{ status: string }[]>(
        `SELECT status FROM assets WHERE id = $1`,
        [id],
      );
      expect(row.status).toBe('archived');
    });
  });

  describe('GET /assets filters', () => {
    it('filters by type, tag, mine and status, counting only readable assets', async () => {
      const mine = await t
        .http()
        .get('/api/v1/assets?mine=true&limit=100')
        .set(author.auth)
        .expect(200);
      expect(mine.body.total).toBeGreaterThan(3);
      expect(
        new Set(mine.body.items.map((a: { status: string }) => a.status)).size,
      ).toBeGreaterThan(1);
      const tagged = await t
        .http()
        .get('/api/v1/assets?tag=Layanan%20Publik&type=praktik_baik')
        .set(asnDinkes.auth)
        .expect(200);
      expect(tagged.body.total).toBeGreaterThan(0);
      for (const a of tagged.body.items) {
        expect(a.tags).toContain('layanan-publik');
        expect(a.type).toBe('praktik_baik');
      }
      const page = await t
        .http()
        .get('/api/v1/assets?limit=1&page=2')
        .set(asnDinkes.auth)
        .expect(200);
      expect(page.body).toMatchObject({ page: 2, limit: 1 });
      expect(page.body.items).toHaveLength(1);
      await t.http().get('/api/v1/assets?mine=true').expect(401);
      await t.http().get('/api/v1/assets?status=secret').expect(400);
      const unknownOpd = await t.http().get('/api/v1/assets?opd=NOPE').expect(200);
      expect(unknownOpd.body).toMatchObject({ total: 0, items: [] });
    });
  });

  describe('GET /tags (suggestions while writing)', () => {
    it('suggests tags in use, counted over what the caller may read, for signed-in users', async () => {
      await publishedAsset({ tags: ['Saranuji Rahasia'], visibility: 'opd' });
      await publishedAsset({
        tags: ['Saranuji Umum', '#saranuji rahasia'],
        visibility: 'internal',
      });
      await create(author, { type: 'panduan', title: 'Draf bertag', tags: ['saranuji-draf'] });
      const tags = async (s: Session, q: string) =>
        (await t.http().get('/api/v1/tags').query({ q }).set(s.auth).expect(200)).body;
      // Typed as a person types it: normalised like stored tags, the ones starting with it first.
      expect(await tags(asnBpsdm, 'Saranuji R')).toEqual([{ tag: 'saranuji-rahasia', count: 2 }]);
      expect(await tags(asnBpsdm, 'saranuji')).toEqual([
        { tag: 'saranuji-rahasia', count: 2 },
        { tag: 'saranuji-umum', count: 1 },
      ]);
      // Another OPD does not see the opd-only asset, not even in a count; drafts never count.
      expect(await tags(asnDinkes, 'saranuji')).toEqual([
        { tag: 'saranuji-rahasia', count: 1 },
        { tag: 'saranuji-umum', count: 1 },
      ]);
      expect(await tags(asnBpsdm, 'ranuji-u')).toEqual([{ tag: 'saranuji-umum', count: 1 }]);
      expect(await tags(asnBpsdm, '#')).toEqual([]);
      const top = await t.http().get('/api/v1/tags?limit=2').set(asnBpsdm.auth).expect(200);
      expect(top.body).toHaveLength(2);
      expect(top.body[0].count).toBeGreaterThanOrEqual(top.body[1].count);
      await t.http().get('/api/v1/tags?q=saranuji').expect(401);
      await t.http().get('/api/v1/tags?limit=51').set(asnBpsdm.auth).expect(400);
    });
  });

  it('assessors read but never write', async () => {
    const res = await create(assessor, { type: 'pelajaran', title: 'Tidak boleh' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });
});
