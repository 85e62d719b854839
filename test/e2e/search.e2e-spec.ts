import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssetSearchJobs, SearchLogService } from '@lumbung/search';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { freePort } from '../../apps/cli/src/local/free-port';
import { type LocalMeili, startMeili } from '../../apps/cli/src/local/meili';
import { givenUser, type GivenUser, login, publishAsset, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

interface Hit {
  id: string;
  title: string;
  highlights: { field: string; text: string; marks: [number, number][] }[];
}

describe('search over Meilisearch (with the PostgreSQL fallback)', () => {
  let t: TestApp;
  let author: Session;
  let authorUser: GivenUser;
  let verifier: Session;
  let asnDinkes: Session;
  let asnBpsdm: Session;
  const ids: Record<string, string> = {};

  const search = (s: Session | undefined, query: string) => {
    const req = t.http().get(`/api/v1/search${query}`);
    return s ? req.set(s.auth) : req;
  };

  beforeAll(async () => {
    t = await createTestApp();
    authorUser = await givenUser(t.ds, { name: 'Rina Perencana' });
    author = await login(t.http, authorUser);
    verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    asnDinkes = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
    asnBpsdm = await login(t.http, await givenUser(t.ds));
    ids.pengetahuan = await publishAsset(t.http, author, verifier, {
      title: 'Mendokumentasikan pengetahuan tacit pegawai',
      summary: 'Dokumentasi wawancara sebelum pensiun agar pengalaman tidak hilang.',
      tags: ['manajemen-pengetahuan'],
      visibility: 'publik',
    });
    ids.kak = await publishAsset(t.http, author, verifier, {
      title: 'Menyusun kerangka acuan kerja pengadaan',
      summary: 'Contoh dokumentasi KAK untuk pengadaan barang.',
      tags: ['pengadaan'],
      visibility: 'internal',
    });
    ids.opd = await publishAsset(t.http, author, verifier, {
      title: 'Rahasia dapur anggaran internal BPSDM',
      summary: 'Dokumentasi khusus untuk pegawai BPSDM.',
      tags: ['anggaran'],
      visibility: 'opd',
    });
    ids.draft = (
      await t
        .http()
        .post('/api/v1/assets')
        .set(author.auth)
        .send({
          type: 'pelajaran',
          title: 'Draf dokumentasi yang belum terbit',
          visibility: 'publik',
        })
        .expect(201)
    ).body.id as string;
    await t.drainJobs();
  });
  afterAll(() => t.close());

  it('finds published assets with facets and plain-text highlights', async () => {
    const res = await search(asnBpsdm, '?q=pengetahuan').expect(200);
    expect(res.body).toMatchObject({
      engine: 'meilisearch',
      query: 'pengetahuan',
      page: 1,
      limit: 20,
    });
    expect(res.body.searchId).toMatch(/^[0-9a-f-]{36}$/);
    const hit = (res.body.hits as Hit[]).find((h) => h.id === ids.pengetahuan)!;
    expect(hit).toBeDefined();
    const title = hit.highlights.find((h) => h.field === 'title')!;
    expect(title.text).toBe('Mendokumentasikan pengetahuan tacit pegawai');
    expect(title.marks.map(([a, b]) => title.text.slice(a, b))).toEqual(['pengetahuan']);
    expect(JSON.stringify(res.body)).not.toMatch(/<\/?(em|mark)>/);
    expect(res.body.facets.type).toEqual({ pelajaran: expect.any(Number) });
    expect(res.body.facets.opdCode).toHaveProperty('BPSDM');
  });

  it('finds what users mean: typos, prefixes and government synonyms', async () => {
    const typo = await search(asnBpsdm, '?q=pengetahaun').expect(200);
    expect(typo.body.hits.map((h: Hit) => h.id)).toContain(ids.pengetahuan);
    const prefix = await search(asnBpsdm, '?q=dokument').expect(200);
    expect(prefix.body.total).toBeGreaterThanOrEqual(2);
    const acronym = await search(asnBpsdm, '?q=KAK').expect(200);
    expect(acronym.body.hits[0].id).toBe(ids.kak);
    const synonym = await search(asnBpsdm, '?q=ASN').expect(200);
    expect(synonym.body.hits.map((h: Hit) => h.id)).toContain(ids.pengetahuan);
  });

  it('counts, facets and pages only what the caller may read', async () => {
    const anon = await search(undefined, '?q=dokumentasi').expect(200);
    const dinkes = await search(asnDinkes, '?q=dokumentasi').expect(200);
    const bpsdm = await search(asnBpsdm, '?q=dokumentasi').expect(200);
    const idsOf = (r: { body: { hits: Hit[] } }) => r.body.hits.map((h) => h.id).sort();
    expect(idsOf(anon)).toEqual([ids.pengetahuan].sort());
    expect(idsOf(dinkes)).toEqual([ids.pengetahuan, ids.kak].sort());
    expect(idsOf(bpsdm)).toEqual([ids.pengetahuan, ids.kak, ids.opd].sort());
    expect([anon.body.total, dinkes.body.total, bpsdm.body.total]).toEqual([1, 2, 3]);
    expect(dinkes.body.facets.tags).not.toHaveProperty('anggaran');
    expect(anon.body.facets.type).toEqual({ pelajaran: 1 });
    // Drafts are never searchable, not even for their author.
    const mine = await search(author, '?q=draf').expect(200);
    expect(mine.body.hits.map((h: Hit) => h.id)).not.toContain(ids.draft);
  });

  it('re-ranks natural questions by BM25 without widening what the caller may read', async () => {
    // PostgreSQL candidates for the question's rare words go through the same access rules.
    const question = (s: Session | undefined) =>
      search(s, `?q=${encodeURIComponent('Apa rahasia dapur anggaran internal BPSDM?')}`).expect(
        200,
      );
    const inside = await question(asnBpsdm);
    expect(inside.body.hits[0].id).toBe(ids.opd);
    for (const outsider of [asnDinkes, undefined]) {
      const res = await question(outsider);
      expect(res.body.hits.map((h: Hit) => h.id)).not.toContain(ids.opd);
      expect(JSON.stringify([res.body.hits, res.body.facets])).not.toMatch(/[Rr]ahasia dapur/);
      expect(res.body.facets.tags).not.toHaveProperty('anggaran');
    }
    // Its best match comes first even when Meilisearch's word buckets rank it lower.
    const kak = await search(
      asnDinkes,
      `?q=${encodeURIComponent('Bagaimana cara menyusun kerangka acuan kerja pengadaan barang?')}`,
    ).expect(200);
    expect(kak.body.hits[0].id).toBe(ids.kak);
    expect(kak.body.hits[0].highlights.length).toBeGreaterThan(0);
  });

  it('validates user filters against an allow-list; injection cannot widen results', async () => {
    for (const bad of [
      `?opd=${encodeURIComponent('BPSDM" OR opdId != "x')}`,
      `?type=${encodeURIComponent('pelajaran" OR visibility = "opd')}`,
      `?cop=${encodeURIComponent('x" OR 1=1')}`,
      '?sort=title',
      '?limit=500',
      `?q=${'a'.repeat(201)}`,
      '?unknown=1',
    ]) {
      const res = await search(asnDinkes, bad);
      expect({ bad, status: res.status, code: res.body.code }).toEqual({
        bad,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    const tag = await search(
      asnDinkes,
      `?q=${encodeURIComponent('" OR visibility = "opd')}&tag=anggaran`,
    ).expect(200);
    expect(tag.body.total).toBe(0);
    const opd = await search(asnDinkes, '?opd=BPSDM&q=anggaran').expect(200);
    expect(opd.body.hits.map((h: Hit) => h.id)).not.toContain(ids.opd);
  });

  it('filters by type, OPD and tag, and sorts by date', async () => {
    const res = await search(asnBpsdm, '?tag=Pengadaan&opd=bpsdm&type=pelajaran').expect(200);
    expect(res.body.hits.map((h: Hit) => h.id)).toEqual([ids.kak]);
    const newest = await search(asnBpsdm, '?sort=newest').expect(200);
    const oldest = await search(asnBpsdm, '?sort=oldest').expect(200);
    expect(newest.body.hits.map((h: Hit) => h.id)).toEqual(
      [...oldest.body.hits.map((h: Hit) => h.id)].reverse(),
    );
    const page2 = await search(asnBpsdm, '?limit=1&page=2&sort=oldest').expect(200);
    expect(page2.body.hits.map((h: Hit) => h.id)).toEqual([oldest.body.hits[1].id]);
  });

  it('follows edits, archiving and visibility changes through the outbox', async () => {
    // A verifier's edit is published at once (an author's waits for review).
    await t
      .http()
      .patch(`/api/v1/assets/${ids.kak}`)
      .set(verifier.auth)
      .send({ title: 'Menyusun KAK kegiatan pelatihan', visibility: 'opd' })
      .expect(200);
    await t.drainJobs();
    const dinkes = await search(asnDinkes, '?q=pelatihan').expect(200);
    expect(dinkes.body.hits.map((h: Hit) => h.id)).not.toContain(ids.kak);
    const bpsdm = await search(asnBpsdm, '?q=pelatihan').expect(200);
    expect(bpsdm.body.hits.map((h: Hit) => h.id)).toContain(ids.kak);
    await t.http().post(`/api/v1/assets/${ids.kak}/archive`).set(author.auth).expect(200);
    await t.drainJobs();
    const archived = await search(asnBpsdm, '?q=pelatihan').expect(200);
    expect(archived.body.hits.map((h: Hit) => h.id)).not.toContain(ids.kak);
  });

  it('follows an author’s rename (author names are searchable)', async () => {
    const admin = await login(t.http, await givenUser(t.ds, { roles: ['admin'] }));
    await t
      .http()
      .patch(`/api/v1/users/${authorUser.id}`)
      .set(admin.auth)
      .send({ name: 'Rina Wulandari' })
      .expect(200);
    await t.drainJobs();
    const res = await search(asnBpsdm, '?q=wulandari').expect(200);
    expect(res.body.hits.map((h: Hit) => h.id)).toContain(ids.pengetahuan);
  });

  it('logs searches, collapsing keystroke bursts, and takes clicks on the caller’s own searches', async () => {
    const before = await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM search_log`);
    let last = '';
    for (const q of ['pen', 'penge', 'pengetahuan'])
      last = (await search(asnDinkes, `?q=${q}`).expect(200)).body.searchId as string;
    const after = await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM search_log`);
    expect(after[0].n - before[0].n).toBe(1);
    const [row] = await t.ds.query<{ query: string; keystrokes: number; engine: string }[]>(
      `SELECT query, keystrokes, engine FROM search_log WHERE id = $1`,
      [last],
    );
    expect(row).toEqual({ query: 'pengetahuan', keystrokes: 3, engine: 'meilisearch' });
    await t
      .http()
      .post(`/api/v1/search/${last}/clicks`)
      .set(asnDinkes.auth)
      .send({ assetId: ids.pengetahuan, position: 1 })
      .expect(204);
    // Someone else's search, an unreadable asset, bad input.
    await t
      .http()
      .post(`/api/v1/search/${last}/clicks`)
      .set(asnBpsdm.auth)
      .send({ assetId: ids.pengetahuan, position: 1 })
      .expect(404);
    await t
      .http()
      .post(`/api/v1/search/${last}/clicks`)
      .set(asnDinkes.auth)
      .send({ assetId: ids.opd, position: 1 })
      .expect(404);
    await t
      .http()
      .post(`/api/v1/search/${last}/clicks`)
      .set(asnDinkes.auth)
      .send({ assetId: ids.pengetahuan, position: 0 })
      .expect(400);
    const clicks = await t.ds.query(`SELECT position FROM search_clicks WHERE search_id = $1`, [
      last,
    ]);
    expect(clicks).toEqual([{ position: 1 }]);
  });

  it('collapses a burst only with the same filters, within 10 s, and counts concurrent keystrokes once each', async () => {
    const log = t.app.get(SearchLogService);
    const actor = { userId: (await givenUser(t.ds, { opd: 'DINKES' })).id, client: 'x' };
    const rec = (query: string, filters: Record<string, unknown>, at: number) =>
      log.record(
        actor,
        { query, filters, resultCount: 1, engine: 'meilisearch', durationMs: 3 },
        at,
      );
    const t0 = Date.now();
    const a = await rec('jalan', { type: 'sop' }, t0);
    // Other filters: a search of its own; the same filters again: still the first burst.
    const b = await rec('jalan rusak', { type: 'pelajaran' }, t0 + 1_000);
    expect(b).not.toBe(a);
    expect(await rec('jalan rus', { type: 'sop' }, t0 + 2_000)).toBe(a);
    // A text that neither extends nor repeats the burst starts another.
    const c = await rec('banjir', { type: 'sop' }, t0 + 3_000);
    expect(c).not.toBe(a);
    // 10 s after the burst's last keystroke it is closed.
    const d = await rec('jalan rusak', { type: 'sop' }, t0 + 12_001);
    expect([a, b, c]).not.toContain(d);
    // Keystrokes answered at the same moment go out in one write and all count.
    const same = await Promise.all(
      ['ban', 'banj', 'banji', 'banjir'].map((q) => rec(q, { type: 'x' }, t0 + 20_000)),
    );
    expect(new Set(same).size).toBe(1);
    const rows = await t.ds.query<{ id: string; query: string; keystrokes: number }[]>(
      `SELECT id, query, keystrokes FROM search_log WHERE id = ANY($1) ORDER BY keystrokes, query`,
      [[a, b, c, d, same[0]]],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: a, query: 'jalan rus', keystrokes: 2 },
        { id: b, query: 'jalan rusak', keystrokes: 1 },
        { id: c, query: 'banjir', keystrokes: 1 },
        { id: d, query: 'jalan rusak', keystrokes: 1 },
        { id: same[0], query: 'banjir', keystrokes: 4 },
      ]),
    );
    expect(rows).toHaveLength(5);
  });

  it('shows insights: top and zero-result queries, click-through, scoped for OPD admins', async () => {
    await search(asnDinkes, '?q=banjir rob').expect(200);
    const admin = await login(t.http, await givenUser(t.ds, { roles: ['admin'] }));
    const all = await t.http().get('/api/v1/search/insights').set(admin.auth).expect(200);
    expect(all.body.zeroResultQueries.map((q: { query: string }) => q.query)).toContain(
      'banjir rob',
    );
    expect(all.body.topQueries.map((q: { query: string }) => q.query)).toContain('pengetahuan');
    expect(all.body.clickThroughRate).toBeGreaterThan(0);
    const dinkesAdmin = await login(
      t.http,
      await givenUser(t.ds, { opd: 'DINKES', roles: ['opd_admin'] }),
    );
    const own = await t.http().get('/api/v1/search/insights').set(dinkesAdmin.auth).expect(200);
    expect(own.body.opdCode).toBe('DINKES');
    await t.http().get('/api/v1/search/insights?opd=BPSDM').set(dinkesAdmin.auth).expect(403);
    await t.http().get('/api/v1/search/insights?from=2026-13-01').set(admin.auth).expect(400);
  });

  it('finds people by name and by expertise, without NIP or email', async () => {
    const byTopic = await t
      .http()
      .get('/api/v1/search/people?q=pengetahuan')
      .set(asnDinkes.auth)
      .expect(200);
    expect(byTopic.body[0]).toMatchObject({
      id: authorUser.id,
      opdCode: 'BPSDM',
      authoredAssets: 1,
      topTags: ['manajemen-pengetahuan'],
    });
    expect(JSON.stringify(byTopic.body)).not.toContain(authorUser.nip);
    expect(JSON.stringify(byTopic.body)).not.toContain(authorUser.email);
    // Expertise shown only through assets the caller may read.
    const hidden = await t
      .http()
      .get('/api/v1/search/people?q=anggaran')
      .set(asnDinkes.auth)
      .expect(200);
    expect(hidden.body.find((p: { id: string }) => p.id === authorUser.id)).toBeUndefined();
    const byName = await t
      .http()
      .get('/api/v1/search/people?q=wulandari')
      .set(asnDinkes.auth)
      .expect(200);
    expect(byName.body.map((p: { id: string }) => p.id)).toContain(authorUser.id);
    // The whole NIP finds its person (the write form's people picker), never shown back; a part
    // of one (its first digits are a birth date) finds nobody.
    const byNip = await t
      .http()
      .get('/api/v1/search/people')
      .query({ q: authorUser.nip })
      .set(asnDinkes.auth)
      .expect(200);
    expect(byNip.body.map((p: { id: string }) => p.id)).toEqual([authorUser.id]);
    expect(JSON.stringify(byNip.body)).not.toContain(authorUser.nip);
    const byNipPrefix = await t
      .http()
      .get('/api/v1/search/people')
      .query({ q: authorUser.nip.slice(0, 14) })
      .set(asnDinkes.auth)
      .expect(200);
    expect(byNipPrefix.body).toEqual([]);
    await t.http().get('/api/v1/search/people?q=a').set(asnDinkes.auth).expect(400);
  });

  it('keeps the staff directory for signed-in users: anonymous people search is a 401', async () => {
    const wulan = await givenUser(t.ds, { opd: 'DINKES', name: 'Wulan Sari' });
    const anonymous = await t.http().get('/api/v1/search/people?q=Wulan').expect(401);
    expect(anonymous.body).toEqual({ code: 'UNAUTHENTICATED', message: expect.any(String) });
    const signedIn = await t
      .http()
      .get('/api/v1/search/people?q=Wulan')
      .set(asnDinkes.auth)
      .expect(200);
    expect(signedIn.body.map((p: { id: string }) => p.id)).toContain(wulan.id);
    const doc = await t.http().get('/api/docs-json').expect(200);
    // The document says so too: a bearer token, and no anonymous ({}) alternative.
    const security = doc.body.paths['/api/v1/search/people'].get.security as object[];
    expect(security).toContainEqual({ bearer: [] });
    expect(security).not.toContainEqual({});
  });

  it('lets admins edit synonym sets without a deploy', async () => {
    const admin = await login(t.http, await givenUser(t.ds, { roles: ['admin'] }));
    const current = await t.http().get('/api/v1/search/synonyms').set(admin.auth).expect(200);
    expect(current.body.sets).toEqual(
      expect.arrayContaining([expect.arrayContaining(['asn', 'pns'])]),
    );
    await t
      .http()
      .put('/api/v1/search/synonyms')
      .set(admin.auth)
      .send({ sets: [['tacit', 'tersirat']] })
      .expect(200);
    await t
      .http()
      .put('/api/v1/search/synonyms')
      .set(admin.auth)
      .send({ sets: [['satu']] })
      .expect(400);
    await t.drainJobs();
    const res = await search(asnBpsdm, '?q=tersirat').expect(200);
    expect(res.body.hits.map((h: Hit) => h.id)).toContain(ids.pengetahuan);
  });

  it('rebuilds into a fresh index and swaps it in while search keeps answering', async () => {
    await t.drainJobs();
    const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), {
      logger: false,
    });
    try {
      const rebuilding = ctx.get(AssetSearchJobs).rebuild();
      // Answered by Meilisearch throughout (not the fallback), the asset found every time.
      const during: { status: number; engine: string; found: boolean }[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await search(asnBpsdm, '?q=pengetahuan');
        during.push({
          status: res.status,
          engine: res.body.engine,
          found: (res.body.hits as Hit[]).some((h) => h.id === ids.pengetahuan),
        });
      }
      expect(await rebuilding).toBeGreaterThanOrEqual(2);
      expect(during).toEqual(
        Array.from({ length: 5 }, () => ({ status: 200, engine: 'meilisearch', found: true })),
      );
      const after = await search(asnBpsdm, '?q=pengetahuan').expect(200);
      expect(after.body).toMatchObject({ engine: 'meilisearch' });
      expect(after.body.hits.map((h: Hit) => h.id)).toContain(ids.pengetahuan);
      const drift = await ctx.get(AssetSearchJobs).checkDrift();
      expect(drift).toMatchObject({ missing: 0, stale: 0, extra: 0 });
      const health = await t.http().get('/api/v1/health').expect(200);
      expect(health.body.searchIndex).toMatchObject({ missing: 0, stale: 0, extra: 0 });
    } finally {
      await ctx.close();
    }
  });
});

describe('search when Meilisearch is down or dies mid-batch', () => {
  let meili: LocalMeili;
  let port: number;
  let dir: string;
  let t: TestApp;
  let author: Session;
  let verifier: Session;
  let asnDinkes: Session;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lumbung-meili-'));
    chmodSync(dir, 0o755);
    port = await freePort();
    meili = await startMeili({ dir, masterKey: 'test-master-key-0123456789', port });
    // Every search here must try Meilisearch first (the breaker has its own suite), so that the
    // searches made while it is down never keep the first one after its restart from it.
    t = await createTestApp({
      MEILI_HOST: meili.host,
      MEILI_MASTER_KEY: meili.masterKey,
      SEARCH_BREAKER_FAILURES: '1000',
    });
    author = await login(t.http, await givenUser(t.ds));
    verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    asnDinkes = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
  });
  afterAll(async () => {
    await t.close();
    await meili.stop();
  });

  it('answers from PostgreSQL with the same permission rules, and writes still succeed', async () => {
    const open = await publishAsset(t.http, author, verifier, {
      title: 'Pelayanan perizinan daring',
      summary: 'Izin usaha',
      visibility: 'internal',
    });
    const secret = await publishAsset(t.http, author, verifier, {
      title: 'Perizinan rahasia kucingungu',
      visibility: 'opd',
    });
    await t.drainJobs();
    await meili.stop();
    // Writes do not depend on Meilisearch.
    const during = await publishAsset(t.http, author, verifier, {
      title: 'Perizinan saat mati listrik',
      visibility: 'internal',
    });
    const res = await t.http().get('/api/v1/search?q=perizinan').set(asnDinkes.auth).expect(200);
    expect(res.body.engine).toBe('postgres');
    const hitIds = res.body.hits.map((h: Hit) => h.id);
    expect(hitIds).toEqual(expect.arrayContaining([open, during]));
    expect(hitIds).not.toContain(secret);
    expect(res.body.total).toBe(2);
    expect(JSON.stringify(res.body)).not.toContain('kucingungu');
    const typo = await t
      .http()
      .get('/api/v1/search?q=pelayanan%20perizinen')
      .set(asnDinkes.auth)
      .expect(200);
    expect(typo.body.hits.map((h: Hit) => h.id)).toContain(open);
    // A question is scored by its topic words, a misspelt one by the nearest word the index knows
    // ("perizinen daringg" is "perizinan daring"; PostgreSQL has no typo tolerance of its own).
    const question = await t
      .http()
      .get(`/api/v1/search?q=${encodeURIComponent('Apa yang dimaksud dengan perizinen daringg?')}`)
      .set(asnDinkes.auth)
      .expect(200);
    expect(question.body.engine).toBe('postgres');
    expect(question.body.hits[0].id).toBe(open);
    expect(question.body.hits.map((h: Hit) => h.id)).not.toContain(secret);
    expect(JSON.stringify(question.body)).not.toContain('kucingungu');
    const highlighted = (res.body.hits as Hit[]).find((h) => h.id === open)!;
    expect(highlighted.highlights[0]).toMatchObject({
      field: 'title',
      text: 'Pelayanan perizinan daring',
    });
    expect(highlighted.highlights[0].marks.length).toBeGreaterThan(0);
    // Jobs fail while it is down and are kept for retry, never lost.
    await t.drainJobs();
    const pending = await t.ds.query<{ status: string }[]>(
      `SELECT status FROM jobs WHERE queue = 'search.asset' AND status <> 'done'`,
    );
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((j) => j.status === 'pending')).toBe(true);
  });

  it('converges after a restart: nothing missing, nothing duplicated', async () => {
    meili = await startMeili({ dir, masterKey: 'test-master-key-0123456789', port });
    await t.ds.query(`UPDATE jobs SET run_at = now() WHERE status = 'pending'`);
    await t.drainJobs();
    const res = await t.http().get('/api/v1/search?q=perizinan').set(asnDinkes.auth).expect(200);
    expect(res.body.engine).toBe('meilisearch');
    expect(res.body.total).toBe(2);
    const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), {
      logger: false,
    });
    try {
      const drift = await ctx.get(AssetSearchJobs).checkDrift();
      expect(drift).toMatchObject({ searchable: 3, indexed: 3, missing: 0, stale: 0, extra: 0 });
    } finally {
      await ctx.close();
    }
  });
});
