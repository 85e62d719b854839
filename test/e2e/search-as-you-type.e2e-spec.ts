import { rmSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { AssetSearchJobs } from '@lumbung/search';
import { buildOpenApi } from '../../apps/api/src/openapi';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import {
  givenCop,
  givenMember,
  givenUser,
  type GivenUser,
  login,
  publishAsset,
  type Session,
} from '../support/factories';
import { checkedAgent } from '../support/openapi-check';
import { createTestApp, startApi, type TestApp, testConfig } from '../support/test-app';

interface Hit {
  id: string;
  kind: string;
  type: string;
  title: string;
  opdCode: string;
}
interface SearchBody {
  engine: string;
  total: number;
  totalIsEstimate: boolean;
  hits: Hit[];
  facets: { type: Record<string, number>; opdCode: Record<string, number> };
  suggestions?: { correctedQuery?: string; synonyms?: string[][]; popular?: string[] };
}
interface Item {
  kind: string;
  id?: string;
  label: string;
}

/** The same API on the same database whose Meilisearch is unreachable: the fallback answers. */
async function fallbackApi(t: TestApp): Promise<{ http: () => TestAgent; close(): Promise<void> }> {
  const config = testConfig(t.config.database.url, {
    MEILI_HOST: 'http://127.0.0.1:9',
    MEILI_INDEX_PREFIX: t.config.search.indexPrefix,
  });
  const app = await startApi(config);
  const server = app.getHttpServer() as Parameters<typeof request>[0];
  return {
    http: checkedAgent(
      () => request(server),
      () => buildOpenApi(app),
    ),
    close: async () => {
      await app.close();
      rmSync(config.storage.uploadDir, { recursive: true, force: true });
    },
  };
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Distinctive words typed after another word, and the titles that hold them. */
const TYPED = [
  {
    word: 'zqkanarimba',
    before: 'pengetahuan',
    title: 'Pengelolaan pengetahuan zqkanarimba di balai pelatihan',
  },
  { word: 'xylofrenda', before: 'anggaran', title: 'Panduan anggaran xylofrenda untuk kelurahan' },
  {
    word: 'qorvantika',
    before: 'pelayanan',
    title: 'Catatan pelayanan perizinan qorvantika terpadu',
  },
];
/** A word only in an `opd` asset of BPSDM (the canary of suggestions and completions). */
const CANARY = 'zebrakuda';
/** A word only in a `cop` asset of a BPSDM CoP. */
const COP_CANARY = 'kudanilbiru';

describe('search as you type: one result set, prefixes, help, completions, on both engines', () => {
  let t: TestApp;
  let pg: Awaited<ReturnType<typeof fallbackApi>>;
  let bpsdm: Session;
  let dinkes: Session;
  let dinkesUser: GivenUser;
  let copMember: Session;
  let copId: string;
  let meetingId: string;
  const ids: Record<string, string> = {};

  const engines = () =>
    [
      ['meilisearch', () => t.http()],
      ['postgres', () => pg.http()],
    ] as const;
  const searchOn = (http: () => TestAgent, s: Session | undefined, query: string) => {
    const req = http().get(`/api/v1/search${query}`);
    return s ? req.set(s.auth) : req;
  };
  const search = async (s: Session | undefined, query: string, http = () => t.http()) =>
    (await searchOn(http, s, query).expect(200)).body as SearchBody;
  const suggest = async (s: Session | undefined, q: string, http = () => t.http()) => {
    const req = http().get(`/api/v1/search/suggest?q=${encodeURIComponent(q)}`);
    return ((await (s ? req.set(s.auth) : req).expect(200)).body as { items: Item[] }).items;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await login(t.http, await givenUser(t.ds, { roles: ['admin'] }));
    const author = await login(t.http, await givenUser(t.ds, { name: 'Rina Perencana' }));
    const verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    bpsdm = await login(t.http, await givenUser(t.ds));
    dinkesUser = await givenUser(t.ds, { opd: 'DINKES', name: 'Dewi Kesehatan' });
    dinkes = await login(t.http, dinkesUser);
    const lead = await givenUser(t.ds, { name: 'Lukman Komunitas' });
    copId = await givenCop(t.ds, lead);
    await t.ds.query(`UPDATE cops SET name = 'Komunitas Arsip Digital' WHERE id = $1`, [copId]);
    const memberUser = await givenUser(t.ds);
    await givenMember(t.ds, copId, memberUser);
    copMember = await login(t.http, memberUser);

    for (const [i, typed] of TYPED.entries()) {
      ids[typed.word] = await publishAsset(t.http, author, verifier, {
        title: typed.title,
        summary: `Ringkasan ${typed.before} untuk pegawai.`,
        tags: ['pelatihan'],
        visibility: i === 2 ? 'publik' : 'internal',
      });
    }
    ids.canary = await publishAsset(t.http, author, verifier, {
      title: `Catatan rahasia ${CANARY} internal`,
      body: `Isi tentang ${CANARY}.`,
      tags: [CANARY],
      visibility: 'opd',
    });
    ids.posyandu = await publishAsset(t.http, author, verifier, {
      title: 'Posyandu keliling di kelurahan',
      summary: 'Pelayanan posyandu bagi balita.',
      visibility: 'publik',
    });
    const leadSession = await login(t.http, lead);
    ids.cop = await publishAsset(t.http, leadSession, verifier, {
      title: `Arsip ${COP_CANARY} komunitas`,
      copId,
      visibility: 'cop',
    });
    // Others that share the first words, so that only the typed prefix can decide.
    const lines = Array.from({ length: 36 }, (_, i) => ({
      externalId: `isi-${i}`,
      type: i % 2 ? 'pelajaran' : 'praktik_baik',
      title: `${['Pengetahuan', 'Anggaran', 'Pelayanan'][i % 3]} ${['pengetahuan', 'anggaran', 'pelayanan'][i % 3]} kelurahan nomor ${i}`,
      summary: `Pengetahuan tentang anggaran dan pelayanan pelatihan, catatan ${i}.`,
      body: 'pengetahuan anggaran pelayanan '.repeat(1 + (i % 4)),
      tags: i % 2 ? ['pelatihan', 'anggaran'] : ['pelayanan'],
      opdCode: ['BPSDM', 'dinkes', 'BAPPEDA'][i % 3],
      visibility: 'internal',
    }));
    await t
      .http()
      .post('/api/v1/assets/import')
      .set(admin.auth)
      .attach('file', Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n')), {
        filename: 'isi.jsonl',
        contentType: 'application/x-ndjson',
      })
      .expect(200);
    meetingId = (
      await t
        .http()
        .post(`/api/v1/cops/${copId}/meetings`)
        .set(leadSession.auth)
        .send({
          heldAt: '2025-02-03T10:00:00+07:00',
          mode: 'daring',
          topic: 'Rapat koordinasi arsip genangan rob',
          minutes: 'Notulen: pompa genangan rob di pesisir.',
          durationMinutes: 90,
        })
        .expect(201)
    ).body.id as string;
    await t.drainJobs();
    pg = await fallbackApi(t);
  });
  afterAll(async () => {
    await pg?.close();
    await t.close();
  });

  it('finds the asset in the top 3 for every prefix of a word typed after another word, on both engines', async () => {
    const misses: string[] = [];
    for (const [engine, http] of engines()) {
      for (const typed of TYPED) {
        for (let n = 3; n <= typed.word.length; n++) {
          const q = `${typed.before} ${typed.word.slice(0, n)}`;
          const body = await search(bpsdm, `?q=${encodeURIComponent(q)}`, http);
          expect(body.engine).toBe(engine);
          const rank = body.hits.findIndex((h) => h.id === ids[typed.word]) + 1;
          if (rank < 1 || rank > 3) misses.push(`${engine} "${q}": rank ${rank}`);
        }
      }
    }
    expect(misses).toEqual([]);
    // The case: a misspelt first word, the second still being typed.
    const typo = await search(bpsdm, `?q=${encodeURIComponent('pengetahaun zqkanarim')}`);
    expect(typo.hits.slice(0, 3).map((h) => h.id)).toContain(ids.zqkanarimba);
  });

  it('counts, facets and pages one set of results, for keywords and questions, on both engines', async () => {
    const queries = [
      'pengetahuan',
      'anggaran kelurahan',
      'apa itu pengetahuan di balai pelatihan?',
      'bagaimana cara mengurus anggaran pelayanan kelurahan',
      'rob',
    ];
    for (const [engine, http] of engines()) {
      for (const q of queries) {
        const first = await search(copMember, `?q=${encodeURIComponent(q)}&limit=5`, http);
        const context = { engine, q };
        expect({ ...context, engine: first.engine }).toEqual(context);
        expect({ ...context, estimate: first.totalIsEstimate }).toEqual({
          ...context,
          estimate: false,
        });
        expect({
          ...context,
          type: sum(first.facets.type),
          opd: sum(first.facets.opdCode),
        }).toEqual({
          ...context,
          type: first.total,
          opd: first.total,
        });
        // Every page together is exactly the set the total counts.
        const seen = new Set<string>();
        for (let page = 1; page <= Math.ceil(first.total / 5) + 1; page++) {
          const body = await search(
            copMember,
            `?q=${encodeURIComponent(q)}&limit=5&page=${page}`,
            http,
          );
          expect({ ...context, page, total: body.total }).toEqual({
            ...context,
            page,
            total: first.total,
          });
          if (body.hits.length < 5)
            expect({ ...context, page, last: body.hits.length }).toEqual({
              ...context,
              page,
              last: first.total - (page - 1) * 5 > 0 ? first.total - (page - 1) * 5 : 0,
            });
          for (const h of body.hits) seen.add(`${h.kind}:${h.id}`);
        }
        expect({ ...context, distinct: seen.size }).toEqual({ ...context, distinct: first.total });
        expect(first.total).toBeGreaterThan(0);
      }
    }
  });

  it('answers the same shape from the fallback: meeting minutes, re-ranked questions, highlights', async () => {
    for (const [engine, http] of engines()) {
      const minutes = await search(copMember, '?q=genangan%20rob', http);
      expect({ engine, hits: minutes.hits.map((h) => [h.kind, h.id]) }).toEqual({
        engine,
        hits: [['meeting', meetingId]],
      });
      expect(minutes.facets.type).toEqual({ meeting: 1 });
      // Not a member and another OPD: no minutes.
      const outsider = await search(dinkes, '?q=genangan%20rob', http);
      expect({ engine, total: outsider.total }).toEqual({ engine, total: 0 });
      const question = await search(
        bpsdm,
        `?q=${encodeURIComponent('Bagaimana cara menyusun anggaran xylofrenda untuk kelurahan?')}`,
        http,
      );
      expect({ engine, first: question.hits[0]?.id }).toEqual({ engine, first: ids.xylofrenda });
      expect(Object.keys(question).sort()).toEqual(
        [
          'engine',
          'facets',
          'hits',
          'limit',
          'page',
          'query',
          'searchId',
          'total',
          'totalIsEstimate',
        ].sort(),
      );
    }
  });

  it('matches filter codes in any case and names the allowed values of an unknown one', async () => {
    for (const [engine, http] of engines()) {
      const lower = await search(bpsdm, '?q=pengetahuan&opd=dinkes&type=PRAKTIK_BAIK', http);
      const upper = await search(bpsdm, '?q=pengetahuan&opd=DINKES&type=praktik_baik', http);
      expect({ engine, total: lower.total }).toEqual({ engine, total: upper.total });
      expect(lower.total).toBeGreaterThan(0);
      expect(Object.keys(lower.facets.opdCode)).toEqual(['DINKES']);
      expect(Object.keys(lower.facets.type)).toEqual(['praktik_baik']);
      const meetings = await search(copMember, '?type=Meeting', http);
      expect(meetings.hits.map((h) => h.kind)).toEqual(['meeting']);
    }
    const cases = [
      ['?opd=XYZ', 'opd', 'BPSDM'],
      ['?opd=not-a-code', 'opd', 'DINKES'],
      ['?type=resep', 'type', 'pelajaran'],
      ['?cop=00000000-0000-4000-8000-000000000000', 'cop', copId],
      ['?cop=komunitas', 'cop', copId],
    ] as const;
    for (const [query, field, example] of cases) {
      const res = await t.http().get(`/api/v1/search${query}`).set(bpsdm.auth).expect(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [
          {
            field,
            problems: ['unknown_value'],
            details: { allowed: expect.arrayContaining([example]) },
          },
        ],
      });
      expect(res.body.message).toContain(field);
    }
    // The CoP directory is for signed-in users: anonymous callers are told only "unknown".
    const anonymous = await t.http().get(`/api/v1/search?cop=${copId}x`).expect(400);
    expect(anonymous.body.details[0]).toMatchObject({ field: 'cop', details: { allowed: [] } });
    const english = await t
      .http()
      .get('/api/v1/search?type=resep')
      .set('Accept-Language', 'en')
      .expect(400);
    expect(english.body.message).toMatch(/^Unknown type filter "resep"\. Allowed: praktik_baik/);
  });

  it('corrects a misspelt word from the index’s own words, never with a word the caller may not read', async () => {
    // Misspelt beyond what the engine forgives ("posyandu" has 8 letters: one typo in the index).
    for (const [engine, http] of engines()) {
      const anon = await search(undefined, '?q=pisyanda', http);
      expect({ engine, total: anon.total, s: anon.suggestions?.correctedQuery }).toEqual({
        engine,
        total: 0,
        s: 'posyandu',
      });
      const fixed = await search(undefined, `?q=${anon.suggestions!.correctedQuery}`, http);
      expect(fixed.hits.map((h) => h.id)).toContain(ids.posyandu);
    }
    const misspelt = `?q=${CANARY.slice(0, -1)}u`;
    const inside = await search(bpsdm, misspelt);
    expect(inside.suggestions?.correctedQuery).toBe(CANARY);
    for (const [engine, http] of engines()) {
      for (const who of [dinkes, undefined]) {
        const res = await searchOn(http, who, misspelt).expect(200);
        expect({ engine, leaked: JSON.stringify(res.body).includes(CANARY) }).toEqual({
          engine,
          leaked: false,
        });
      }
    }
  });

  it('offers the synonym sets that apply and popular queries of the caller’s OPD that found something', async () => {
    const pergub = await search(dinkes, '?q=pergub');
    expect(pergub.total).toBe(0);
    expect(pergub.suggestions?.synonyms).toEqual([['pergub', 'peraturan gubernur']]);
    // Colleagues in DINKES searched "posyandu" (found) and "kuda nil" (found nothing).
    const colleague = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
    for (const s of [dinkes, colleague]) {
      await search(s, '?q=posyandu');
      await search(s, '?q=kuda%20nil');
    }
    const none = await search(dinkes, '?q=qqqzzzkosong');
    expect(none.suggestions?.popular).toContain('posyandu');
    expect(none.suggestions?.popular).not.toContain('kuda nil');
    const bpsdmHelp = await search(bpsdm, '?q=qqqzzzkosong');
    expect(bpsdmHelp.suggestions?.popular ?? []).not.toContain('posyandu');
    // In BAPPEDA a CoP member's search found the CoP-only word: popular there, but never offered
    // to a colleague outside the CoP.
    const memberUser = await givenUser(t.ds, { opd: 'BAPPEDA' });
    await givenMember(t.ds, copId, memberUser);
    const member = await login(t.http, memberUser);
    const outsider = await login(t.http, await givenUser(t.ds, { opd: 'BAPPEDA' }));
    expect((await search(member, `?q=${COP_CANARY}`)).total).toBe(1);
    expect((await search(member, '?q=qqqzzzkosong')).suggestions?.popular).toEqual([COP_CANARY]);
    const outside = await search(outsider, '?q=qqqzzzkosong');
    expect(JSON.stringify(outside)).not.toContain(COP_CANARY);
    // Enough results: no suggestions.
    expect((await search(bpsdm, '?q=pengetahuan')).suggestions).toBeUndefined();
  });

  it('completes what is typed with titles, tags, people and CoPs the caller may see, on both engines', async () => {
    for (const [engine, http] of engines()) {
      const asset = await suggest(bpsdm, 'zqkan', http);
      expect({ engine, asset: asset.find((i) => i.kind === 'asset') }).toEqual({
        engine,
        asset: { kind: 'asset', id: ids.zqkanarimba, label: TYPED[0].title },
      });
      // The index forgives a typo in a tag too ("pelat" → "pelayanan"); the fallback only prefixes.
      const tags = await suggest(bpsdm, 'pelati', http);
      expect({ engine, tag: tags.filter((i) => i.kind === 'tag').map((i) => i.label) }).toEqual({
        engine,
        tag: ['pelatihan'],
      });
      const person = await suggest(bpsdm, 'Dewi Kes', http);
      expect(person).toContainEqual({ kind: 'person', id: dinkesUser.id, label: 'Dewi Kesehatan' });
      const cop = await suggest(bpsdm, 'arsip dig', http);
      expect(cop).toContainEqual({ kind: 'cop', id: copId, label: 'Komunitas Arsip Digital' });
      // Anonymous visitors: public titles only; no people, no CoPs.
      const anonymous = await suggest(undefined, 'dewi', http);
      expect(anonymous.filter((i) => i.kind === 'person')).toEqual([]);
      const anonCop = await suggest(undefined, 'arsip', http);
      expect(anonCop.filter((i) => i.kind === 'cop' || i.id === ids.cop)).toEqual([]);
      const anonInternal = await suggest(undefined, 'zqkan', http);
      expect(anonInternal).toEqual([]);
      // The canary: neither as a title nor as a tag for anyone outside BPSDM.
      for (const who of [dinkes, undefined]) {
        const items = await suggest(who, CANARY.slice(0, 6), http);
        expect({ engine, items: JSON.stringify(items).includes(CANARY) }).toEqual({
          engine,
          items: false,
        });
      }
      const insider = await suggest(bpsdm, CANARY.slice(0, 6), http);
      expect(insider.map((i) => i.label)).toEqual(
        expect.arrayContaining([`Catatan rahasia ${CANARY} internal`, CANARY]),
      );
    }
    await t.http().get('/api/v1/search/suggest').expect(400);
    await t
      .http()
      .get(`/api/v1/search/suggest?q=${'a'.repeat(101)}`)
      .expect(400);
  });
});

describe('search health right after a first start', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports indexing in progress as pending, not as drift, then the index in step', async () => {
    const author = await login(t.http, await givenUser(t.ds));
    const verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    for (const title of ['Satu', 'Dua', 'Tiga'].map((n) => `Aset pertama ${n}`))
      await publishAsset(t.http, author, verifier, { title });
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), {
      logger: false,
    });
    try {
      const jobs = worker.get(AssetSearchJobs);
      // What the worker does at its first start: settings, then the drift check, while the
      // outbox still holds every asset's first sync.
      await jobs.applySettings();
      const first = await jobs.checkDrift();
      expect(first).toMatchObject({
        searchable: 3,
        indexed: 0,
        missing: 0,
        stale: 0,
        extra: 0,
        pending: 3,
        repaired: 0,
      });
      const during = await t.http().get('/api/v1/health').expect(200);
      expect(during.body.searchIndex).toMatchObject({ missing: 0, pending: 3 });
      await t.drainJobs();
      await jobs.checkDrift();
      const after = await t.http().get('/api/v1/health').expect(200);
      expect(after.body).toMatchObject({ status: 'ok', search: 'up' });
      expect(after.body.searchIndex).toMatchObject({
        searchable: 3,
        indexed: 3,
        missing: 0,
        stale: 0,
        extra: 0,
        pending: 0,
      });
    } finally {
      await worker.close();
    }
  });
});
