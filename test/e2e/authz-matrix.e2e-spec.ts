import type { Test } from 'supertest';
import matrix from '../authz/matrix.json';
import {
  givenAsset,
  givenAttachment,
  givenAwardYear,
  givenCop,
  givenMeeting,
  givenMember,
  givenPendingRevision,
  givenHighRiskPerson,
  givenJoinRequest,
  inDays,
  givenPlan,
  givenUser,
  type GivenUser,
  login,
  nextNip,
  TEST_PASSWORD,
} from '../support/factories';
import { registeredRoutes } from '../support/routes';
import { createTestApp, type TestApp } from '../support/test-app';

type Actor = (typeof matrix.actors)[number];
type RouteKey = keyof typeof matrix.routes;

interface Fixtures {
  target: GivenUser;
  loginUser: GivenUser;
  /** A BPSDM asset by a fixture author (not one of the actors), moved to the given status. */
  asset(status: 'draft' | 'submitted' | 'published'): Promise<string>;
  /** A fresh published asset like `asset` with its author's edit pending as revision `n`. */
  pendingRevision(): Promise<{ id: string; n: number }>;
  /** A text attachment on a fresh published BPSDM asset (opd visibility). */
  attachment(): Promise<string>;
  /** A BPSDM CoP led by a fixture lead (not one of the actors). */
  copId: string;
  /** A fresh member of that CoP. */
  member(): Promise<string>;
  /** A fresh meeting of that CoP, logged by its lead. */
  meeting(): Promise<string>;
  /** A fresh ASN's open request to join that CoP. */
  joinRequest(): Promise<string>;
  /** An award year: a fresh open one for writes, one shared open year, or one finalised year. */
  awardYear(kind?: 'fresh' | 'shared' | 'finalized'): Promise<number>;
  /** A fresh high-risk BPSDM person (not one of the actors). */
  highRisk(): Promise<GivenUser>;
  /** A fresh open retention plan of a fresh high-risk BPSDM person. */
  plan(): Promise<string>;
}

type Call = { path: string; body?: object; csv?: string; file?: { name: string; data: Buffer } };

/** How to call each route for the matrix: path parameters and a body that would succeed. */
const REQUESTS: Record<RouteKey, (f: Fixtures) => Call | Promise<Call>> = {
  'GET /api/v1/health': () => ({ path: '/api/v1/health' }),
  'POST /api/v1/auth/login': (f) => ({
    path: '/api/v1/auth/login',
    body: { username: f.loginUser.email, password: TEST_PASSWORD },
  }),
  'POST /api/v1/auth/refresh': () => ({ path: '/api/v1/auth/refresh' }),
  'POST /api/v1/auth/logout': () => ({ path: '/api/v1/auth/logout' }),
  'GET /api/v1/auth/me': () => ({ path: '/api/v1/auth/me' }),
  'GET /api/v1/auth/options': () => ({ path: '/api/v1/auth/options' }),
  // SSO is not configured in this app: both send the browser to /masuk?sso=SSO_DISABLED.
  'GET /api/v1/auth/oidc/login': () => ({ path: '/api/v1/auth/oidc/login' }),
  'GET /api/v1/auth/oidc/callback': () => ({ path: '/api/v1/auth/oidc/callback?code=x&state=y' }),
  'POST /api/v1/auth/password': () => ({
    path: '/api/v1/auth/password',
    body: { currentPassword: 'bukan-sandi-yang-benar', newPassword: 'Sandi-Baru#2026-abc' },
  }),
  // A code nobody was given: everyone who may call it gets 400 PASSWORD_RESET_INVALID.
  'POST /api/v1/auth/password-reset': () => ({
    path: '/api/v1/auth/password-reset',
    body: { token: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01', newPassword: 'Sandi-Baru#2026-abc' },
  }),
  'GET /api/v1/opds': () => ({ path: '/api/v1/opds' }),
  'GET /api/v1/opds/:code': () => ({ path: '/api/v1/opds/BPSDM' }),
  'PATCH /api/v1/opds/:code': () => ({ path: '/api/v1/opds/BPSDM', body: { headcount: 181 } }),
  'GET /api/v1/users': () => ({ path: '/api/v1/users' }),
  'POST /api/v1/users': () => {
    const nip = nextNip(2);
    return {
      path: '/api/v1/users',
      body: {
        nip,
        name: 'Pegawai Matriks',
        email: `matriks.${nip}@jakarta.go.id`,
        opdCode: 'BPSDM',
        jabatan: 'Analis',
        jabatanKategori: 'administrasi',
      },
    };
  },
  'POST /api/v1/users/import': () => {
    const nip = nextNip(2);
    return {
      path: '/api/v1/users/import',
      csv: `nip,name,email,opd_code,jabatan,jabatan_kategori,roles\n${nip},Impor Matriks,impor.${nip}@jakarta.go.id,BPSDM,Analis,administrasi,\n`,
    };
  },
  'GET /api/v1/users/:id': (f) => ({ path: `/api/v1/users/${f.target.id}` }),
  'PATCH /api/v1/users/:id': (f) => ({
    path: `/api/v1/users/${f.target.id}`,
    body: { jabatan: 'Analis Kebijakan Ahli Madya' },
  }),
  'DELETE /api/v1/users/:id/planned-departure': (f) => ({
    path: `/api/v1/users/${f.target.id}/planned-departure`,
  }),
  'POST /api/v1/users/:id/password-reset': (f) => ({
    path: `/api/v1/users/${f.target.id}/password-reset`,
  }),
  'GET /api/v1/asset-types': () => ({ path: '/api/v1/asset-types' }),
  'GET /api/v1/tags': () => ({ path: '/api/v1/tags?q=uji' }),
  'GET /api/v1/assets': () => ({ path: '/api/v1/assets' }),
  'POST /api/v1/assets': () => ({
    path: '/api/v1/assets',
    body: { type: 'pelajaran', title: 'Pelajaran dari matriks' },
  }),
  'GET /api/v1/assets/:id': async (f) => ({ path: `/api/v1/assets/${await f.asset('published')}` }),
  'PATCH /api/v1/assets/:id': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}`,
    body: { summary: 'Ringkasan diperbarui' },
  }),
  'DELETE /api/v1/assets/:id': async (f) => ({ path: `/api/v1/assets/${await f.asset('draft')}` }),
  'PUT /api/v1/assets/:id/authors': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/authors`,
    body: { authorIds: [f.target.id] },
  }),
  'GET /api/v1/assets/:id/revisions': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/revisions`,
  }),
  'GET /api/v1/assets/:id/revisions/:n': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/revisions/1`,
  }),
  'GET /api/v1/assets/:id/related': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/related`,
  }),
  'POST /api/v1/assets/:id/submit': async (f) => ({
    path: `/api/v1/assets/${await f.asset('draft')}/submit`,
  }),
  'POST /api/v1/assets/:id/approve': async (f) => ({
    path: `/api/v1/assets/${await f.asset('submitted')}/approve`,
  }),
  'POST /api/v1/assets/:id/reject': async (f) => ({
    path: `/api/v1/assets/${await f.asset('submitted')}/reject`,
    body: { comment: 'Lengkapi data pendukungnya.' },
  }),
  'POST /api/v1/assets/:id/archive': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/archive`,
  }),
  'POST /api/v1/assets/:id/reverify': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/reverify`,
  }),
  'GET /api/v1/assets/:id/revisions/:n/diff': async (f) => {
    const { id, n } = await f.pendingRevision();
    return { path: `/api/v1/assets/${id}/revisions/${n}/diff` };
  },
  'POST /api/v1/assets/:id/revisions/:n/approve': async (f) => {
    const { id, n } = await f.pendingRevision();
    return { path: `/api/v1/assets/${id}/revisions/${n}/approve`, body: {} };
  },
  'POST /api/v1/assets/:id/revisions/:n/reject': async (f) => {
    const { id, n } = await f.pendingRevision();
    return {
      path: `/api/v1/assets/${id}/revisions/${n}/reject`,
      body: { comment: 'Sebutkan sumber datanya.' },
    };
  },
  'GET /api/v1/review/queue': () => ({ path: '/api/v1/review/queue' }),
  'GET /api/v1/review/revisions': () => ({ path: '/api/v1/review/revisions' }),
  'GET /api/v1/review/reverification': () => ({ path: '/api/v1/review/reverification' }),
  'POST /api/v1/assets/:id/attachments': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/attachments`,
    file: { name: 'catatan.txt', data: Buffer.from(`Catatan ${Math.random()}`) },
  }),
  'GET /api/v1/attachments/:id': async (f) => ({
    path: `/api/v1/attachments/${await f.attachment()}`,
  }),
  'DELETE /api/v1/attachments/:id': async (f) => ({
    path: `/api/v1/attachments/${await f.attachment()}`,
  }),
  'POST /api/v1/assets/import': () => ({
    path: '/api/v1/assets/import',
    file: {
      name: 'impor.jsonl',
      data: Buffer.from(
        `${JSON.stringify({ externalId: `matriks-${Math.random()}`, type: 'panduan', title: 'Panduan lama', opdCode: 'BPSDM', visibility: 'internal' })}\n`,
      ),
    },
  }),
  'GET /api/v1/assets/:id/endorsement': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/endorsement`,
  }),
  'POST /api/v1/assets/:id/endorsement': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/endorsement`,
  }),
  'DELETE /api/v1/assets/:id/endorsement': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/endorsement`,
  }),
  'GET /api/v1/assets/:id/reuse-reports': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/reuse-reports`,
  }),
  // Nobody in the matrix has read the fresh asset before: authorised callers get 409 VIEW_REQUIRED.
  'POST /api/v1/assets/:id/reuse-reports': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/reuse-reports`,
    body: { story: 'Kami terapkan langkah-langkah ini pada perencanaan tahun depan.' },
  }),
  'GET /api/v1/me/endorsements': () => ({ path: '/api/v1/me/endorsements' }),
  'GET /api/v1/me/reuse-reports': () => ({ path: '/api/v1/me/reuse-reports' }),
  'POST /api/v1/events': async (f) => ({
    path: '/api/v1/events',
    body: { type: 'share', assetId: await f.asset('published') },
  }),
  'GET /api/v1/metrics/opds': () => ({ path: '/api/v1/metrics/opds?year=2025' }),
  'GET /api/v1/metrics/opds/:code': () => ({ path: '/api/v1/metrics/opds/BPSDM?year=2025' }),
  'GET /api/v1/metrics/anomalies': () => ({ path: '/api/v1/metrics/anomalies?year=2025' }),
  'GET /api/v1/metrics/assets/:id': async (f) => ({
    path: `/api/v1/metrics/assets/${await f.asset('published')}`,
  }),
  'GET /api/v1/metrics/popular-assets': () => ({ path: '/api/v1/metrics/popular-assets' }),
  'POST /api/v1/awards': () => ({ path: '/api/v1/awards', body: { year: 2000 + nextYear() } }),
  'GET /api/v1/awards': () => ({ path: '/api/v1/awards' }),
  'GET /api/v1/awards/:year': async (f) => ({
    path: `/api/v1/awards/${await f.awardYear('shared')}`,
  }),
  'PATCH /api/v1/awards/:year': async (f) => ({
    path: `/api/v1/awards/${await f.awardYear()}`,
    body: { winners: 14 },
  }),
  'PUT /api/v1/awards/:year/assessments/:opdCode/:aspect': async (f) => ({
    path: `/api/v1/awards/${await f.awardYear()}/assessments/BPSDM/dokumentasi`,
    body: { score: 80, justification: 'Dokumentasi lengkap dan mutakhir sepanjang tahun.' },
  }),
  'GET /api/v1/awards/:year/scores': async (f) => ({
    path: `/api/v1/awards/${await f.awardYear('shared')}/scores`,
  }),
  'GET /api/v1/awards/:year/scores/:opdCode': async (f) => ({
    path: `/api/v1/awards/${await f.awardYear('shared')}/scores/BPSDM`,
  }),
  'POST /api/v1/awards/:year/finalize': async (f) => ({
    path: `/api/v1/awards/${await f.awardYear()}/finalize`,
  }),
  'GET /api/v1/awards/:year/restatement': async (f) => ({
    path: `/api/v1/awards/${await f.awardYear('finalized')}/restatement`,
  }),
  'GET /api/v1/awards/:year/export': async (f) => ({
    path: `/api/v1/awards/${await f.awardYear('shared')}/export?format=csv`,
  }),
  'GET /api/v1/search': () => ({ path: '/api/v1/search?q=pelajaran' }),
  'GET /api/v1/search/suggest': () => ({ path: '/api/v1/search/suggest?q=pel' }),
  'GET /api/v1/search/people': () => ({ path: '/api/v1/search/people?q=pegawai' }),
  'POST /api/v1/search/:searchId/clicks': async (f) => ({
    path: '/api/v1/search/00000000-0000-4000-8000-000000000000/clicks',
    body: { assetId: await f.asset('published'), position: 1 },
  }),
  'GET /api/v1/search/insights': () => ({ path: '/api/v1/search/insights' }),
  'GET /api/v1/search/synonyms': () => ({ path: '/api/v1/search/synonyms' }),
  'PUT /api/v1/search/synonyms': () => ({
    path: '/api/v1/search/synonyms',
    body: { sets: [['asn', 'pns', 'pegawai']] },
  }),
  'GET /api/v1/admin/jobs': () => ({ path: '/api/v1/admin/jobs?status=dead' }),
  'POST /api/v1/admin/jobs/:id/retry': () => ({ path: '/api/v1/admin/jobs/999999999/retry' }),
  'GET /api/v1/admin/audit': () => ({
    path: '/api/v1/admin/audit?action=user_updated&entity=user&from=2025-01-01&to=2099-12-31',
  }),
  'GET /api/v1/cops': () => ({ path: '/api/v1/cops' }),
  'POST /api/v1/cops': () => ({
    path: '/api/v1/cops',
    body: { name: `Komunitas ${Math.random()}`, theme: 'Tema uji matriks' },
  }),
  'GET /api/v1/cops/:id': (f) => ({ path: `/api/v1/cops/${f.copId}` }),
  'PATCH /api/v1/cops/:id': (f) => ({
    path: `/api/v1/cops/${f.copId}`,
    body: { theme: 'Tema baru' },
  }),
  'GET /api/v1/cops/:id/members': (f) => ({ path: `/api/v1/cops/${f.copId}/members` }),
  'POST /api/v1/cops/:id/members': (f) => ({
    path: `/api/v1/cops/${f.copId}/members`,
    body: { userIds: [f.target.id] },
  }),
  'DELETE /api/v1/cops/:id/members/:userId': async (f) => ({
    path: `/api/v1/cops/${f.copId}/members/${await f.member()}`,
  }),
  'GET /api/v1/cops/:id/meetings': (f) => ({ path: `/api/v1/cops/${f.copId}/meetings?year=2025` }),
  'POST /api/v1/cops/:id/meetings': (f) => ({
    path: `/api/v1/cops/${f.copId}/meetings`,
    body: {
      heldAt: '2025-05-06T09:00:00+07:00',
      mode: 'luring',
      topic: `Rapat ${Math.random()}`,
      durationMinutes: 60,
    },
  }),
  'GET /api/v1/cops/:id/people': (f) => ({ path: `/api/v1/cops/${f.copId}/people?q=pe` }),
  'POST /api/v1/cops/:id/attendance-sheet': (f) => ({
    path: `/api/v1/cops/${f.copId}/attendance-sheet`,
    csv: `Nama;NIP\nPeserta;${nextNip(1)}\n`,
  }),
  'POST /api/v1/cops/:id/join-requests': (f) => ({ path: `/api/v1/cops/${f.copId}/join-requests` }),
  'GET /api/v1/cops/:id/join-requests': (f) => ({ path: `/api/v1/cops/${f.copId}/join-requests` }),
  'POST /api/v1/cops/:id/join-requests/:requestId/accept': async (f) => ({
    path: `/api/v1/cops/${f.copId}/join-requests/${await f.joinRequest()}/accept`,
  }),
  'POST /api/v1/cops/:id/join-requests/:requestId/decline': async (f) => ({
    path: `/api/v1/cops/${f.copId}/join-requests/${await f.joinRequest()}/decline`,
  }),
  'GET /api/v1/meetings/:id': async (f) => ({ path: `/api/v1/meetings/${await f.meeting()}` }),
  'PATCH /api/v1/meetings/:id': async (f) => ({
    path: `/api/v1/meetings/${await f.meeting()}`,
    body: { minutes: 'Notulen rapat.' },
  }),
  'DELETE /api/v1/meetings/:id': async (f) => ({ path: `/api/v1/meetings/${await f.meeting()}` }),
  'POST /api/v1/meetings/:id/attachments': async (f) => ({
    path: `/api/v1/meetings/${await f.meeting()}/attachments`,
    file: { name: 'daftar-hadir.txt', data: Buffer.from(`Daftar hadir ${Math.random()}`) },
  }),
  'GET /api/v1/opds/:code/activity': () => ({ path: '/api/v1/opds/BPSDM/activity?year=2025' }),
  'GET /api/v1/opds/:code/knowledge-risk': () => ({ path: '/api/v1/opds/BPSDM/knowledge-risk' }),
  'GET /api/v1/opds/:code/knowledge-risk/export': () => ({
    path: '/api/v1/opds/BPSDM/knowledge-risk/export',
  }),
  'GET /api/v1/opds/:code/knowledge-risk/coverage': () => ({
    path: '/api/v1/opds/BPSDM/knowledge-risk/coverage?year=2025',
  }),
  'GET /api/v1/opds/:code/retention-plans': () => ({ path: '/api/v1/opds/BPSDM/retention-plans' }),
  'GET /api/v1/me/knowledge-risk': () => ({ path: '/api/v1/me/knowledge-risk' }),
  'POST /api/v1/retention-plans': async (f) => ({
    path: '/api/v1/retention-plans',
    body: {
      userId: (await f.highRisk()).id,
      interviewerId: f.target.id,
      targetDate: inDays(20),
    },
  }),
  'GET /api/v1/retention-plans/:id': async (f) => ({
    path: `/api/v1/retention-plans/${await f.plan()}`,
  }),
  'PATCH /api/v1/retention-plans/:id': async (f) => ({
    path: `/api/v1/retention-plans/${await f.plan()}`,
    body: { notes: 'Wawancara di ruang rapat lantai 3.' },
  }),
  'POST /api/v1/retention-plans/:id/interviewed': async (f) => ({
    path: `/api/v1/retention-plans/${await f.plan()}/interviewed`,
    body: {},
  }),
  'POST /api/v1/retention-plans/:id/cancel': async (f) => ({
    path: `/api/v1/retention-plans/${await f.plan()}/cancel`,
    body: { reason: 'Narasumber dipindahkan lebih awal.' },
  }),
  'GET /api/v1/people/experts': () => ({ path: '/api/v1/people/experts?topic=anggaran' }),
  'GET /api/v1/people/:id/expertise': (f) => ({ path: `/api/v1/people/${f.target.id}/expertise` }),
  'PUT /api/v1/people/:id/expertise/declared': (f) => ({
    path: `/api/v1/people/${f.target.id}/expertise/declared`,
    body: { topics: ['pengadaan barang'] },
  }),
  'PUT /api/v1/people/:id/criticality': async (f) => ({
    path: `/api/v1/people/${(await f.highRisk()).id}/criticality`,
    body: { value: 4, reason: 'Pengetahuan kontrak lama hanya ada padanya.' },
  }),
  'GET /api/v1/cops/:id/activity': (f) => ({ path: `/api/v1/cops/${f.copId}/activity?year=2025` }),
  'GET /api/v1/notifications': () => ({ path: '/api/v1/notifications' }),
  'GET /api/v1/notifications/unread-count': () => ({ path: '/api/v1/notifications/unread-count' }),
  'POST /api/v1/notifications/read-all': () => ({ path: '/api/v1/notifications/read-all' }),
  'GET /api/v1/notifications/preferences': () => ({ path: '/api/v1/notifications/preferences' }),
  'PUT /api/v1/notifications/preferences': () => ({
    path: '/api/v1/notifications/preferences',
    body: { items: [{ type: 'cop_meeting_logged', inApp: true, email: 'digest' }] },
  }),
  // Everyone's own notifications only: an id nobody has is 404 to every signed-in actor.
  'POST /api/v1/notifications/:id/read': () => ({ path: '/api/v1/notifications/999999999/read' }),
};

let yearSequence = 0;
/** Years for POST /awards in the matrix (nothing else uses 2100 downwards). */
const nextYear = (): number => 100 - (yearSequence++ % 10);

const ROLES_OF: Record<Exclude<Actor, 'anonymous'>, { opd: string; roles: string[] }> = {
  asn: { opd: 'BPSDM', roles: [] },
  verifier: { opd: 'BPSDM', roles: ['verifier'] },
  opd_admin: { opd: 'BPSDM', roles: ['opd_admin'] },
  opd_admin_other: { opd: 'DINKES', roles: ['opd_admin'] },
  assessor: { opd: 'BPSDM', roles: ['assessor'] },
  admin: { opd: 'BPSDM', roles: ['admin'] },
  deactivated: { opd: 'BPSDM', roles: [] },
};

describe('authorization matrix', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  const users = new Map<Actor, GivenUser>();
  let ip = 1;

  /** A fresh session per cell (logout ends sessions); each login from its own address. */
  async function tokenFor(actor: Actor): Promise<string | undefined> {
    if (actor === 'anonymous') return undefined;
    const user = users.get(actor)!;
    if (actor === 'deactivated') {
      await t.ds.query(`UPDATE users SET active = true WHERE id = $1`, [user.id]);
    }
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', `10.77.${Math.floor(ip / 250)}.${(ip++ % 250) + 1}`)
      .send({ username: user.email, password: TEST_PASSWORD });
    if (res.status !== 200) throw new Error(`login ${actor}: ${res.status}`);
    if (actor === 'deactivated') {
      await t.ds.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
    }
    return (res.body as { accessToken: string }).accessToken;
  }

  beforeAll(async () => {
    // DB_POOL_MAX 1: a route that holds two connections at once (a deadlock under load) fails
    // here as 503 for the role that reaches it (see route-walk).
    t = await createTestApp({
      TRUST_PROXY_HOPS: '1',
      RATE_LIMIT_PER_MINUTE: '100000',
      DB_POOL_MAX: '1',
    });
    for (const [actor, spec] of Object.entries(ROLES_OF)) {
      users.set(actor, await givenUser(t.ds, spec));
    }
    const author = await login(t.http, await givenUser(t.ds));
    const approver = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    const lead = await givenUser(t.ds);
    const cop = { id: await givenCop(t.ds, lead) };
    const leadSession = await login(t.http, lead);
    fixtures = {
      copId: cop.id,
      member: () => givenMember(t.ds, cop.id),
      meeting: () => givenMeeting(t.http, leadSession, cop.id),
      joinRequest: () => givenJoinRequest(t.ds, cop.id),
      awardYear: async (kind = 'fresh') => {
        if (kind !== 'fresh') {
          const y = kind === 'shared' ? 2040 : 2041;
          if (!sharedYears.has(y)) sharedYears.set(y, openAwardYear(y, kind === 'finalized'));
          return sharedYears.get(y) as Promise<number>;
        }
        return openAwardYear(2042 + (freshYears++ % 58), false);
      },
      target: await givenUser(t.ds),
      loginUser: await givenUser(t.ds),
      highRisk: () => givenHighRiskPerson(t.ds),
      plan: async () => givenPlan(t.ds, await givenHighRiskPerson(t.ds), await givenUser(t.ds)),
      asset: (status) =>
        givenAsset(t.http, author, approver, status, {
          title: 'Aset uji matriks',
          visibility: 'opd',
        }),
      pendingRevision: () =>
        givenPendingRevision(t.http, author, approver, {
          title: 'Aset uji matriks',
          visibility: 'opd',
        }),
      attachment: async () => givenAttachment(t.http, author, await fixtures.asset('published')),
    };
  });
  afterAll(() => t.close());

  const sharedYears = new Map<number, Promise<number>>();
  let freshYears = 0;
  /** An award year with the default rubric; `finalized` freezes an empty snapshot of it. */
  async function openAwardYear(y: number, finalized: boolean): Promise<number> {
    const [admin] = await t.ds.query<{ id: string }[]>(`SELECT id FROM users LIMIT 1`);
    return givenAwardYear(t.ds, y, finalized ? { by: admin.id } : undefined);
  }

  it('covers every registered route, and only those', () => {
    const registered = registeredRoutes(t.app)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(Object.keys(matrix.routes).sort()).toEqual(registered);
  });

  const cells = Object.entries(matrix.routes).flatMap(([route, expected]) =>
    matrix.actors.map(
      (actor) => [route, actor, (expected as Record<string, number>)[actor]] as const,
    ),
  );

  it.each(cells)('%s as %s → %i', async (route, actor, status) => {
    const method = route.split(' ')[0];
    const { path, body, csv, file } = await REQUESTS[route as RouteKey](fixtures);
    const token = await tokenFor(actor);
    const verb = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    let req: Test = t.http()[verb](path);
    req = req.set('X-Forwarded-For', `10.88.0.${(ip++ % 250) + 1}`);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    if (csv) {
      req = req.attach('file', Buffer.from(csv), { filename: 'm.csv', contentType: 'text/csv' });
    } else if (file) {
      req = req.attach(route.endsWith('/import') ? 'file' : 'files', file.data, file.name);
    } else if (body) {
      req = req.send(body);
    }
    const res = await req;
    expect({
      route,
      actor,
      status: res.status,
      body: res.status === status ? undefined : res.body,
    }).toEqual({ route, actor, status, body: undefined });
    if (status >= 400) expect(typeof (res.body as { code?: unknown }).code).toBe('string');
  });
});
