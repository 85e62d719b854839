import type { OpenAPIObject } from '@nestjs/swagger';
import type { Test } from 'supertest';
import { buildOpenApi } from '../../apps/api/src/openapi';
import {
  givenAsset,
  givenAttachment,
  givenAwardYear,
  givenCop,
  givenHighRiskPerson,
  givenJoinRequest,
  inDays,
  givenMeeting,
  givenMember,
  givenPendingRevision,
  givenPlan,
  givenUser,
  type GivenUser,
  login,
  nextNip,
  type Session,
  TEST_PASSWORD,
} from '../support/factories';
import { registeredRoutes } from '../support/routes';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 12, item 2: every registered route, as an admin and anonymously, with hostile values in
 * each path parameter, each query parameter and each body field, one at a time, into a request
 * that otherwise succeeds. No answer may be a 5xx; values the edge refuses (NUL, lone surrogates,
 * null, prototype keys, deep nesting, undecodable paths) must be 400 naming what was wrong.
 *
 * The walking admin also verifies for BPSDM, assesses and leads the fixture CoP, and authors the
 * fixture assets, so that no handler is out of reach behind a role check.
 */

interface Sample {
  /** The concrete path with real ids, years and codes. */
  path: string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  /** The untouched request logs the walking admin out (the cells then need a new session). */
  endsSession?: boolean;
  /** Multipart upload instead of JSON. */
  upload?: { field: string; name: string; data: Buffer };
  /** What the unmodified request answers the admin (proves the cells reach the handler). */
  status: number;
}

interface Fixtures {
  admin: GivenUser;
  /** Logs in on the login route's cells (wrong passwords there must not lock out the admin). */
  loginUser: GivenUser;
  target: GivenUser;
  /** The CoP the walking admin leads, where the meetings are logged. */
  copId: string;
  /** A fresh CoP led by the walking admin (for routes whose cells may change leads or members). */
  cop(): Promise<string>;
  /** A BPSDM asset, authored by the walking admin or by another ASN, in the given status. */
  asset(status: 'draft' | 'submitted' | 'published', by?: 'admin' | 'other'): Promise<string>;
  /** A fresh published asset by another ASN with that author's edit pending as revision `n`. */
  pendingRevision(): Promise<{ id: string; n: number }>;
  attachment(): Promise<string>;
  /** A fresh member of the given CoP. */
  member(copId: string): Promise<string>;
  /** A fresh CoP the walking admin neither leads nor belongs to. */
  foreignCop(): Promise<string>;
  /** A fresh ASN's open request to join the given CoP. */
  joinRequest(copId: string): Promise<string>;
  meeting(): Promise<string>;
  /** A year number nobody uses yet (POST /awards opens it itself). */
  awardYear(kind: 'fresh' | 'shared' | 'finalized'): Promise<number>;
  /** Opens a fresh year with the default rubric. */
  openYear(year: number): Promise<void>;
  searchId(): Promise<string>;
  /** A reset code the walking admin started for a fresh user. */
  resetCode(): Promise<string>;
  /** A fresh BPSDM person on the knowledge-at-risk register with risk ≥ 15 (planned mutasi). */
  highRisk(): Promise<GivenUser>;
  /** A fresh open retention plan (`direncanakan`) of a fresh high-risk person. */
  plan(): Promise<string>;
}

const file = (name: string, text: string) => ({
  field: name.endsWith('.csv') || name.endsWith('.jsonl') ? 'file' : 'files',
  name,
  data: Buffer.from(text),
});

const SAMPLES: Record<string, (f: Fixtures) => Sample | Promise<Sample>> = {
  'GET /api/v1/health': () => ({ path: '/api/v1/health', status: 200 }),
  'POST /api/v1/auth/login': (f) => ({
    path: '/api/v1/auth/login',
    body: { username: f.loginUser.email, password: TEST_PASSWORD },
    status: 200,
  }),
  // The admin's cells carry the session's refresh cookie.
  'POST /api/v1/auth/refresh': () => ({ path: '/api/v1/auth/refresh', status: 200 }),
  'POST /api/v1/auth/logout': () => ({
    path: '/api/v1/auth/logout',
    status: 200,
    endsSession: true,
  }),
  'GET /api/v1/auth/me': () => ({ path: '/api/v1/auth/me', status: 200 }),
  'GET /api/v1/auth/options': () => ({ path: '/api/v1/auth/options', status: 200 }),
  // SSO is off here: both redirect to the sign-in page with SSO_DISABLED (never a 5xx).
  'GET /api/v1/auth/oidc/login': () => ({
    path: '/api/v1/auth/oidc/login',
    query: { kembali: '/cari' },
    status: 302,
  }),
  'GET /api/v1/auth/oidc/callback': () => ({
    path: '/api/v1/auth/oidc/callback',
    query: { code: 'kode', state: 'keadaan' },
    status: 302,
  }),
  // A wrong current password, so that no cell changes the walking admin's password.
  'POST /api/v1/auth/password': () => ({
    path: '/api/v1/auth/password',
    body: { currentPassword: 'bukan-sandi-yang-benar', newPassword: 'Sandi-Baru#2026-abc' },
    status: 400,
  }),
  'POST /api/v1/auth/password-reset': async (f) => ({
    path: '/api/v1/auth/password-reset',
    body: { token: await f.resetCode(), newPassword: 'Sandi-Baru#2026-abc' },
    status: 204,
  }),
  'GET /api/v1/opds': () => ({ path: '/api/v1/opds', status: 200 }),
  'GET /api/v1/opds/:code': () => ({ path: '/api/v1/opds/BPSDM', status: 200 }),
  'PATCH /api/v1/opds/:code': () => ({
    path: '/api/v1/opds/BPSDM',
    body: { name: 'Badan Pengembangan SDM', headcount: 181 },
    status: 200,
  }),
  'GET /api/v1/users': () => ({ path: '/api/v1/users', query: { q: 'pegawai' }, status: 200 }),
  'POST /api/v1/users': () => {
    const nip = nextNip(2);
    return {
      path: '/api/v1/users',
      body: {
        nip,
        name: 'Pegawai Jalan',
        email: `jalan.${nip}@jakarta.go.id`,
        opdCode: 'BPSDM',
        jabatan: 'Analis',
        jabatanKategori: 'administrasi',
      },
      status: 201,
    };
  },
  'POST /api/v1/users/import': () => {
    const nip = nextNip(2);
    return {
      path: '/api/v1/users/import',
      upload: file(
        'pegawai.csv',
        `nip,name,email,opd_code,jabatan,jabatan_kategori,roles\n${nip},Impor Jalan,impor.${nip}@jakarta.go.id,BPSDM,Analis,administrasi,\n`,
      ),
      status: 200,
    };
  },
  'GET /api/v1/users/:id': (f) => ({ path: `/api/v1/users/${f.target.id}`, status: 200 }),
  'PATCH /api/v1/users/:id': (f) => ({
    path: `/api/v1/users/${f.target.id}`,
    body: { jabatan: 'Analis Kebijakan Ahli Madya' },
    status: 200,
  }),
  'DELETE /api/v1/users/:id/planned-departure': (f) => ({
    path: `/api/v1/users/${f.target.id}/planned-departure`,
    status: 200,
  }),
  'POST /api/v1/users/:id/password-reset': (f) => ({
    path: `/api/v1/users/${f.target.id}/password-reset`,
    status: 201,
  }),
  'GET /api/v1/asset-types': () => ({ path: '/api/v1/asset-types', status: 200 }),
  'GET /api/v1/tags': () => ({
    path: '/api/v1/tags',
    query: { q: 'uji', limit: '5' },
    status: 200,
  }),
  'GET /api/v1/assets': () => ({ path: '/api/v1/assets', query: { tag: 'uji' }, status: 200 }),
  'POST /api/v1/assets': () => ({
    path: '/api/v1/assets',
    body: { type: 'pelajaran', title: 'Pelajaran dari jalan', summary: 'Ringkas' },
    status: 201,
  }),
  'GET /api/v1/assets/:id': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}`,
    status: 200,
  }),
  'PATCH /api/v1/assets/:id': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}`,
    body: { summary: 'Ringkasan diperbarui', expectedVersion: 1 },
    status: 200,
  }),
  'DELETE /api/v1/assets/:id': async (f) => ({
    path: `/api/v1/assets/${await f.asset('draft')}`,
    status: 204,
  }),
  'PUT /api/v1/assets/:id/authors': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/authors`,
    body: { authorIds: [f.admin.id, f.target.id] },
    status: 200,
  }),
  'GET /api/v1/assets/:id/revisions': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/revisions`,
    status: 200,
  }),
  'GET /api/v1/assets/:id/revisions/:n': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/revisions/1`,
    status: 200,
  }),
  'GET /api/v1/assets/:id/related': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/related`,
    status: 200,
  }),
  'POST /api/v1/assets/:id/submit': async (f) => ({
    path: `/api/v1/assets/${await f.asset('draft')}/submit`,
    status: 200,
  }),
  'POST /api/v1/assets/:id/approve': async (f) => ({
    path: `/api/v1/assets/${await f.asset('submitted', 'other')}/approve`,
    body: { comment: 'Sudah sesuai.' },
    status: 200,
  }),
  'POST /api/v1/assets/:id/reject': async (f) => ({
    path: `/api/v1/assets/${await f.asset('submitted', 'other')}/reject`,
    body: { comment: 'Lengkapi data pendukungnya.' },
    status: 200,
  }),
  'POST /api/v1/assets/:id/archive': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/archive`,
    status: 200,
  }),
  'POST /api/v1/assets/:id/reverify': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published', 'other')}/reverify`,
    status: 200,
  }),
  'GET /api/v1/assets/:id/revisions/:n/diff': async (f) => {
    const { id, n } = await f.pendingRevision();
    return { path: `/api/v1/assets/${id}/revisions/${n}/diff`, status: 200 };
  },
  'POST /api/v1/assets/:id/revisions/:n/approve': async (f) => {
    const { id, n } = await f.pendingRevision();
    return {
      path: `/api/v1/assets/${id}/revisions/${n}/approve`,
      body: { comment: 'Sudah sesuai.' },
      status: 200,
    };
  },
  'POST /api/v1/assets/:id/revisions/:n/reject': async (f) => {
    const { id, n } = await f.pendingRevision();
    return {
      path: `/api/v1/assets/${id}/revisions/${n}/reject`,
      body: { comment: 'Sebutkan sumber datanya.' },
      status: 200,
    };
  },
  'GET /api/v1/review/revisions': () => ({
    path: '/api/v1/review/revisions',
    query: { opd: 'BPSDM', page: '1', limit: '10' },
    status: 200,
  }),
  'GET /api/v1/review/queue': () => ({
    path: '/api/v1/review/queue',
    query: { page: '1', limit: '10' },
    status: 200,
  }),
  'GET /api/v1/review/reverification': () => ({
    path: '/api/v1/review/reverification',
    query: { state: 'soon', page: '1', limit: '10' },
    status: 200,
  }),
  'POST /api/v1/assets/:id/attachments': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published')}/attachments`,
    upload: file('catatan.txt', `Catatan ${Math.random()}`),
    status: 201,
  }),
  'GET /api/v1/attachments/:id': async (f) => ({
    path: `/api/v1/attachments/${await f.attachment()}`,
    status: 200,
  }),
  'DELETE /api/v1/attachments/:id': async (f) => ({
    path: `/api/v1/attachments/${await f.attachment()}`,
    status: 204,
  }),
  'POST /api/v1/assets/import': () => ({
    path: '/api/v1/assets/import',
    upload: file(
      'impor.jsonl',
      `${JSON.stringify({ externalId: `jalan-${Math.random()}`, type: 'panduan', title: 'Panduan lama', opdCode: 'BPSDM', visibility: 'internal' })}\n`,
    ),
    status: 200,
  }),
  'GET /api/v1/assets/:id/endorsement': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published', 'other')}/endorsement`,
    status: 200,
  }),
  'POST /api/v1/assets/:id/endorsement': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published', 'other')}/endorsement`,
    status: 200,
  }),
  'DELETE /api/v1/assets/:id/endorsement': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published', 'other')}/endorsement`,
    status: 200,
  }),
  'GET /api/v1/assets/:id/reuse-reports': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published', 'other')}/reuse-reports`,
    status: 200,
  }),
  // The walking admin has not read the fresh asset: 409 VIEW_REQUIRED comes from the service.
  'POST /api/v1/assets/:id/reuse-reports': async (f) => ({
    path: `/api/v1/assets/${await f.asset('published', 'other')}/reuse-reports`,
    body: { story: 'Kami terapkan langkah-langkah ini pada perencanaan tahun depan.' },
    status: 409,
  }),
  'GET /api/v1/me/endorsements': () => ({
    path: '/api/v1/me/endorsements',
    query: { page: '1', limit: '10' },
    status: 200,
  }),
  'GET /api/v1/me/reuse-reports': () => ({
    path: '/api/v1/me/reuse-reports',
    query: { page: '1', limit: '10' },
    status: 200,
  }),
  'POST /api/v1/events': async (f) => ({
    path: '/api/v1/events',
    body: { type: 'share', assetId: await f.asset('published', 'other') },
    status: 202,
  }),
  'GET /api/v1/metrics/opds': () => ({
    path: '/api/v1/metrics/opds',
    query: { year: '2025', quarter: '2' },
    status: 200,
  }),
  'GET /api/v1/metrics/opds/:code': () => ({
    path: '/api/v1/metrics/opds/BPSDM',
    query: { year: '2025' },
    status: 200,
  }),
  'GET /api/v1/metrics/anomalies': () => ({
    path: '/api/v1/metrics/anomalies',
    query: { year: '2025' },
    status: 200,
  }),
  'GET /api/v1/metrics/assets/:id': async (f) => ({
    path: `/api/v1/metrics/assets/${await f.asset('published')}`,
    query: { from: '2025-01-01', to: '2025-12-31' },
    status: 200,
  }),
  'GET /api/v1/metrics/popular-assets': () => ({
    path: '/api/v1/metrics/popular-assets',
    query: { limit: '5' },
    status: 200,
  }),
  'POST /api/v1/awards': async (f) => ({
    path: '/api/v1/awards',
    body: { year: await f.awardYear('fresh'), winners: 10 },
    status: 201,
  }),
  'GET /api/v1/awards': () => ({ path: '/api/v1/awards', status: 200 }),
  'GET /api/v1/awards/:year': async (f) => ({
    path: `/api/v1/awards/${await f.awardYear('shared')}`,
    status: 200,
  }),
  'PATCH /api/v1/awards/:year': async (f) => {
    const year = await f.awardYear('fresh');
    await f.openYear(year);
    return { path: `/api/v1/awards/${year}`, body: { winners: 14 }, status: 200 };
  },
  'PUT /api/v1/awards/:year/assessments/:opdCode/:aspect': async (f) => {
    const year = await f.awardYear('fresh');
    await f.openYear(year);
    return {
      path: `/api/v1/awards/${year}/assessments/BPSDM/dokumentasi`,
      body: { score: 80, justification: 'Dokumentasi lengkap dan mutakhir sepanjang tahun.' },
      status: 200,
    };
  },
  'GET /api/v1/awards/:year/scores': async (f) => ({
    path: `/api/v1/awards/${await f.awardYear('shared')}/scores`,
    status: 200,
  }),
  'GET /api/v1/awards/:year/scores/:opdCode': async (f) => ({
    path: `/api/v1/awards/${await f.awardYear('shared')}/scores/BPSDM`,
    status: 200,
  }),
  'POST /api/v1/awards/:year/finalize': async (f) => {
    const year = await f.awardYear('fresh');
    await f.openYear(year);
    return { path: `/api/v1/awards/${year}/finalize`, status: 200 };
  },
  'GET /api/v1/awards/:year/restatement': async (f) => ({
    path: `/api/v1/awards/${await f.awardYear('finalized')}/restatement`,
    status: 200,
  }),
  'GET /api/v1/awards/:year/export': async (f) => ({
    path: `/api/v1/awards/${await f.awardYear('shared')}/export`,
    query: { format: 'csv', opd: 'BPSDM' },
    status: 200,
  }),
  'GET /api/v1/search': () => ({
    path: '/api/v1/search',
    query: { q: 'pelajaran', tag: 'uji', type: 'Pelajaran', opd: 'bpsdm', page: '1' },
    status: 200,
  }),
  'GET /api/v1/search/suggest': () => ({
    path: '/api/v1/search/suggest',
    query: { q: 'pel' },
    status: 200,
  }),
  'GET /api/v1/search/people': () => ({
    path: '/api/v1/search/people',
    query: { q: 'pegawai', limit: '5' },
    status: 200,
  }),
  'POST /api/v1/search/:searchId/clicks': async (f) => ({
    path: `/api/v1/search/${await f.searchId()}/clicks`,
    body: { assetId: await f.asset('published', 'other'), position: 1 },
    status: 204,
  }),
  'GET /api/v1/search/insights': () => ({
    path: '/api/v1/search/insights',
    query: { from: '2025-01-01', to: '2025-12-31', opd: 'BPSDM' },
    status: 200,
  }),
  'GET /api/v1/search/synonyms': () => ({ path: '/api/v1/search/synonyms', status: 200 }),
  'PUT /api/v1/search/synonyms': () => ({
    path: '/api/v1/search/synonyms',
    body: { sets: [['asn', 'pns', 'pegawai']] },
    status: 200,
  }),
  'GET /api/v1/admin/jobs': () => ({
    path: '/api/v1/admin/jobs',
    query: { status: 'dead', limit: '10' },
    status: 200,
  }),
  // No such job: the handler answers 404 for a well-formed id.
  'POST /api/v1/admin/jobs/:id/retry': () => ({
    path: '/api/v1/admin/jobs/999999999/retry',
    status: 404,
  }),
  'GET /api/v1/admin/audit': (f) => ({
    path: '/api/v1/admin/audit',
    query: {
      actor: f.admin.nip,
      action: 'user_updated',
      entity: 'user',
      entityId: f.target.id,
      from: '2025-01-01',
      to: '2099-12-31',
      page: '1',
      limit: '10',
    },
    status: 200,
  }),
  'GET /api/v1/cops': () => ({
    path: '/api/v1/cops',
    query: { q: 'komunitas', mine: 'true' },
    status: 200,
  }),
  'POST /api/v1/cops': () => ({
    path: '/api/v1/cops',
    body: { name: `Komunitas ${Math.random()}`, theme: 'Tema uji jalan', skReference: 'SK 1' },
    status: 201,
  }),
  'GET /api/v1/cops/:id': (f) => ({ path: `/api/v1/cops/${f.copId}`, status: 200 }),
  'PATCH /api/v1/cops/:id': async (f) => ({
    path: `/api/v1/cops/${await f.cop()}`,
    body: { theme: 'Tema baru', skReference: 'SK 2' },
    status: 200,
  }),
  'GET /api/v1/cops/:id/members': (f) => ({ path: `/api/v1/cops/${f.copId}/members`, status: 200 }),
  'POST /api/v1/cops/:id/members': async (f) => ({
    path: `/api/v1/cops/${await f.cop()}/members`,
    body: { userIds: [f.target.id] },
    status: 200,
  }),
  'DELETE /api/v1/cops/:id/members/:userId': async (f) => {
    const copId = await f.cop();
    return { path: `/api/v1/cops/${copId}/members/${await f.member(copId)}`, status: 204 };
  },
  'GET /api/v1/cops/:id/meetings': (f) => ({
    path: `/api/v1/cops/${f.copId}/meetings`,
    query: { year: '2025', quarter: '1' },
    status: 200,
  }),
  'POST /api/v1/cops/:id/meetings': (f) => ({
    path: `/api/v1/cops/${f.copId}/meetings`,
    body: {
      heldAt: '2025-05-06T09:00:00+07:00',
      mode: 'luring',
      topic: `Rapat ${Math.random()}`,
      agenda: 'Agenda',
      durationMinutes: 60,
      guestCount: 2,
    },
    status: 201,
  }),
  'GET /api/v1/cops/:id/people': (f) => ({
    path: `/api/v1/cops/${f.copId}/people`,
    query: { q: 'pegawai', limit: '5' },
    status: 200,
  }),
  'POST /api/v1/cops/:id/attendance-sheet': (f) => ({
    path: `/api/v1/cops/${f.copId}/attendance-sheet`,
    upload: file('daftar-hadir.csv', `\ufeffNama;NIP\nPeserta;${f.target.nip}\n`),
    status: 200,
  }),
  'POST /api/v1/cops/:id/join-requests': async (f) => ({
    path: `/api/v1/cops/${await f.foreignCop()}/join-requests`,
    status: 201,
  }),
  'GET /api/v1/cops/:id/join-requests': (f) => ({
    path: `/api/v1/cops/${f.copId}/join-requests`,
    status: 200,
  }),
  'POST /api/v1/cops/:id/join-requests/:requestId/accept': async (f) => {
    const copId = await f.cop();
    return {
      path: `/api/v1/cops/${copId}/join-requests/${await f.joinRequest(copId)}/accept`,
      status: 200,
    };
  },
  'POST /api/v1/cops/:id/join-requests/:requestId/decline': async (f) => {
    const copId = await f.cop();
    return {
      path: `/api/v1/cops/${copId}/join-requests/${await f.joinRequest(copId)}/decline`,
      status: 200,
    };
  },
  'GET /api/v1/meetings/:id': async (f) => ({
    path: `/api/v1/meetings/${await f.meeting()}`,
    status: 200,
  }),
  'PATCH /api/v1/meetings/:id': async (f) => ({
    path: `/api/v1/meetings/${await f.meeting()}`,
    body: { minutes: 'Notulen rapat.' },
    status: 200,
  }),
  'DELETE /api/v1/meetings/:id': async (f) => ({
    path: `/api/v1/meetings/${await f.meeting()}`,
    status: 204,
  }),
  'POST /api/v1/meetings/:id/attachments': async (f) => ({
    path: `/api/v1/meetings/${await f.meeting()}/attachments`,
    upload: file('daftar-hadir.txt', `Daftar hadir ${Math.random()}`),
    status: 201,
  }),
  'GET /api/v1/opds/:code/activity': () => ({
    path: '/api/v1/opds/BPSDM/activity',
    query: { year: '2025' },
    status: 200,
  }),
  'GET /api/v1/cops/:id/activity': (f) => ({
    path: `/api/v1/cops/${f.copId}/activity`,
    query: { year: '2025' },
    status: 200,
  }),
  'GET /api/v1/notifications': () => ({
    path: '/api/v1/notifications',
    query: { page: '1', limit: '10', unread: 'true' },
    status: 200,
  }),
  'GET /api/v1/notifications/unread-count': () => ({
    path: '/api/v1/notifications/unread-count',
    status: 200,
  }),
  'POST /api/v1/notifications/read-all': () => ({
    path: '/api/v1/notifications/read-all',
    status: 200,
  }),
  'GET /api/v1/notifications/preferences': () => ({
    path: '/api/v1/notifications/preferences',
    status: 200,
  }),
  'PUT /api/v1/notifications/preferences': () => ({
    path: '/api/v1/notifications/preferences',
    body: { items: [{ type: 'review_waiting', inApp: true, email: 'instant' }] },
    status: 200,
  }),
  'POST /api/v1/notifications/:id/read': () => ({
    path: '/api/v1/notifications/999999999/read',
    status: 404,
  }),
  'GET /api/v1/opds/:code/knowledge-risk': () => ({
    path: '/api/v1/opds/BPSDM/knowledge-risk',
    query: { high: 'true', kind: 'rencana', withinMonths: '12', sort: 'departure', limit: '20' },
    status: 200,
  }),
  'GET /api/v1/opds/:code/knowledge-risk/export': () => ({
    path: '/api/v1/opds/BPSDM/knowledge-risk/export',
    query: { high: 'true', planState: 'none', sort: 'name', q: 'a' },
    status: 200,
  }),
  'GET /api/v1/opds/:code/knowledge-risk/coverage': () => ({
    path: '/api/v1/opds/BPSDM/knowledge-risk/coverage',
    query: { year: '2025' },
    status: 200,
  }),
  'GET /api/v1/opds/:code/retention-plans': () => ({
    path: '/api/v1/opds/BPSDM/retention-plans',
    query: { state: 'direncanakan', overdue: 'false' },
    status: 200,
  }),
  'GET /api/v1/me/knowledge-risk': () => ({ path: '/api/v1/me/knowledge-risk', status: 200 }),
  // Cells after the first plan of the person answer 409 RETENTION_PLAN_EXISTS from the service.
  'POST /api/v1/retention-plans': async (f) => ({
    path: '/api/v1/retention-plans',
    body: {
      userId: (await f.highRisk()).id,
      interviewerId: f.target.id,
      targetDate: inDays(20),
      notes: 'Wawancara di ruang arsip.',
    },
    status: 201,
  }),
  'GET /api/v1/retention-plans/:id': async (f) => ({
    path: `/api/v1/retention-plans/${await f.plan()}`,
    status: 200,
  }),
  'PATCH /api/v1/retention-plans/:id': async (f) => ({
    path: `/api/v1/retention-plans/${await f.plan()}`,
    body: { targetDate: inDays(30), notes: 'Wawancara di ruang rapat lantai 3.' },
    status: 200,
  }),
  // Cells after the move answer 409 INVALID_PLAN_TRANSITION from the service.
  'POST /api/v1/retention-plans/:id/interviewed': async (f) => ({
    path: `/api/v1/retention-plans/${await f.plan()}/interviewed`,
    body: { interviewedOn: inDays(0) },
    status: 200,
  }),
  'POST /api/v1/retention-plans/:id/cancel': async (f) => ({
    path: `/api/v1/retention-plans/${await f.plan()}/cancel`,
    body: { reason: 'Narasumber dipindahkan lebih awal.' },
    status: 200,
  }),
  'GET /api/v1/people/experts': () => ({
    path: '/api/v1/people/experts',
    query: { topic: 'uji', opd: 'BPSDM', limit: '5' },
    status: 200,
  }),
  'GET /api/v1/people/:id/expertise': (f) => ({
    path: `/api/v1/people/${f.admin.id}/expertise`,
    status: 200,
  }),
  'PUT /api/v1/people/:id/expertise/declared': (f) => ({
    path: `/api/v1/people/${f.target.id}/expertise/declared`,
    body: { topics: ['pengadaan barang', 'arsip'] },
    status: 200,
  }),
  'PUT /api/v1/people/:id/criticality': async (f) => ({
    path: `/api/v1/people/${(await f.highRisk()).id}/criticality`,
    body: { value: 4, reason: 'Pengetahuan kontrak lama hanya ada padanya.' },
    status: 200,
  }),
};

/** Hostile values, already percent-encoded where they go into a URL. */
const NUL_URL = ['%00', 'a%00b'];
const MALFORMED_URL = '%ED%A0%80'; // a lone surrogate in CESU-8: not UTF-8, not decodable
const ODD_URL = ["'", '100000000000000000000', '32768', '2147483648', '-1', '%F0%9F%92%A1'];
const ODD_QUERY = [
  "'",
  '100000000000000000000',
  '-1',
  '1e309',
  '9999-12-31',
  '0000-01-01',
  '2025-02-30',
];
const REFUSED_BODY: [string, unknown, string][] = [
  ['NUL', 'a\u0000b', 'contains_nul'],
  ['lone surrogate', 'x\ud800', 'not_well_formed_unicode'],
  ['null', null, 'null_not_allowed'],
];
const ODD_BODY: unknown[] = ["'", 1e20, -1, true, [], {}];
const DEEP = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;

interface Cell {
  label: string;
  actor: 'admin' | 'anonymous';
  build(req: Test): Test;
  url: string;
  /** When set, the edge refuses the value: exactly this answer (400 unless said otherwise). */
  refused?: {
    status?: number;
    code: string;
    field?: string;
    problem?: string;
    /** Checked once the route's guards let the caller in (path parameters, content type). */
    afterGuards?: boolean;
  };
}

/** Path parameters that are integers in their columns (`:year` 2000–2100, `:n` 1–2^31-1). */
const INTEGER_PARAMS = new Set(['year', 'n']);
/** Odd path values no integer column takes: 400 naming the parameter. */
const NOT_AN_INTEGER_PARAM = new Set([
  "'",
  '100000000000000000000',
  '2147483648',
  '-1',
  '%F0%9F%92%A1',
]);

describe('every registered route with hostile values: never a 5xx', () => {
  let t: TestApp;
  let doc: OpenAPIObject;
  let fixtures: Fixtures;
  let ip = 1;
  const tally = { admin: 0, adminRefused: 0, adminValidation: 0, anonymous: 0 };

  async function adminSession(): Promise<Session> {
    return login(t.http, fixtures.admin);
  }

  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY_HOPS: '1',
      RATE_LIMIT_PER_MINUTE: '1000000',
      USAGE_EVENTS_PER_MINUTE: '100000',
      // One pool connection: a route that takes a second connection while its transaction holds
      // the first waits out DB_CONNECT_TIMEOUT_MS and answers 503, so every route walked here is
      // also shown not to deadlock a busy pool (CI met that as 503s under load).
      DB_POOL_MAX: '1',
    });
    doc = buildOpenApi(t.app);
    const admin = await givenUser(t.ds, { roles: ['admin', 'verifier', 'assessor'] });
    const other = await login(t.http, await givenUser(t.ds));
    const verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    const copId = await givenCop(t.ds, admin);
    const adminFixtureSession = await login(t.http, admin);
    const sharedYears = new Map<string, Promise<number>>();
    let freshYear = 2042;
    fixtures = {
      admin,
      loginUser: await givenUser(t.ds),
      target: await givenUser(t.ds),
      copId,
      asset: (status, by = 'admin') =>
        givenAsset(t.http, by === 'admin' ? adminFixtureSession : other, verifier, status, {
          title: 'Aset uji jalan',
          visibility: 'opd',
          tags: ['uji'],
        }),
      pendingRevision: () =>
        givenPendingRevision(t.http, other, verifier, {
          title: 'Aset uji jalan',
          visibility: 'opd',
          tags: ['uji'],
        }),
      attachment: async () =>
        givenAttachment(t.http, adminFixtureSession, await fixtures.asset('published')),
      cop: () => givenCop(t.ds, admin),
      member: (cop) => givenMember(t.ds, cop),
      foreignCop: async () => givenCop(t.ds, await givenUser(t.ds)),
      joinRequest: (cop) => givenJoinRequest(t.ds, cop),
      meeting: () => givenMeeting(t.http, adminFixtureSession, copId),
      // `fresh` years are only reserved: POST /awards opens its own, the others open theirs.
      awardYear: async (kind) => {
        if (kind === 'fresh') return freshYear++;
        if (!sharedYears.has(kind)) {
          const year = kind === 'shared' ? 2040 : 2041;
          sharedYears.set(
            kind,
            givenAwardYear(t.ds, year, kind === 'finalized' ? { by: admin.id } : undefined),
          );
        }
        return sharedYears.get(kind)!;
      },
      openYear: async (year) => {
        await givenAwardYear(t.ds, year);
      },
      searchId: async () => {
        const res = await t
          .http()
          .get('/api/v1/search?q=aset')
          .set(adminFixtureSession.auth)
          .expect(200);
        return (res.body as { searchId: string }).searchId;
      },
      resetCode: async () => {
        const user = await givenUser(t.ds);
        const res = await t
          .http()
          .post(`/api/v1/users/${user.id}/password-reset`)
          .set(adminFixtureSession.auth)
          .expect(201);
        return (res.body as { token: string }).token;
      },
      highRisk: () => givenHighRiskPerson(t.ds),
      plan: async () => givenPlan(t.ds, await givenHighRiskPerson(t.ds), await givenUser(t.ds)),
    };
  });
  afterAll(() => t.close());

  it('has a sample for every registered route, and only those', () => {
    const registered = registeredRoutes(t.app)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(Object.keys(SAMPLES).sort()).toEqual(registered);
  });

  /** Query and body field names the OpenAPI document declares for a route. */
  function declared(route: string): { query: string[]; body: string[] } {
    const [method, path] = route.split(' ');
    const op = doc.paths[path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[method.toLowerCase() as 'get'] as
      | {
          parameters?: { in: string; name: string }[];
          requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
        }
      | undefined;
    const query = (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    const ref = op?.requestBody?.content['application/json']?.schema?.$ref;
    const schema = ref ? doc.components?.schemas?.[ref.split('/').pop()!] : undefined;
    const body = Object.keys((schema as { properties?: object } | undefined)?.properties ?? {});
    return { query, body };
  }

  function cellsFor(route: string, sample: Sample): Omit<Cell, 'actor'>[] {
    const pattern = route.split(' ')[1];
    const { query: declaredQuery, body: declaredBody } = declared(route);
    const queryOf = (q: Record<string, string>, raw?: [string, string]) => {
      const parts = Object.entries(q)
        .filter(([k]) => k !== raw?.[0])
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
      if (raw) parts.push(`${raw[0]}=${raw[1]}`);
      return parts.length > 0 ? `?${parts.join('&')}` : '';
    };
    const baseQuery = sample.query ?? {};
    const withBody = (req: Test): Test => {
      if (sample.upload) {
        return req.attach(sample.upload.field, sample.upload.data, sample.upload.name);
      }
      return sample.body ? req.set('Content-Type', 'application/json').send(sample.body) : req;
    };
    const cells: Omit<Cell, 'actor'>[] = [];
    const add = (
      label: string,
      url: string,
      build: (req: Test) => Test,
      refused?: Cell['refused'],
    ) => cells.push({ label, url, build, refused });

    // Path parameters, one at a time; the other segments stay real.
    const segments = sample.path.split('/');
    pattern.split('/').forEach((segment, i) => {
      if (!segment.startsWith(':')) return;
      const name = segment.slice(1);
      const at = (value: string) =>
        segments.map((s, j) => (j === i ? value : s)).join('/') + queryOf(baseQuery);
      for (const v of NUL_URL) {
        add(`:${name}=${v}`, at(v), withBody, {
          code: 'VALIDATION_FAILED',
          field: name,
          problem: 'contains_nul',
          afterGuards: true,
        });
      }
      add(`:${name}=${MALFORMED_URL}`, at(MALFORMED_URL), withBody, {
        code: 'VALIDATION_FAILED',
        field: 'path',
        problem: 'malformed_encoding',
      });
      for (const v of ODD_URL) {
        const integer =
          INTEGER_PARAMS.has(name) && NOT_AN_INTEGER_PARAM.has(v)
            ? { code: 'VALIDATION_FAILED', field: name, afterGuards: true }
            : undefined;
        add(`:${name}=${v}`, at(v), withBody, integer);
      }
    });

    // Query parameters, declared or sampled, one at a time.
    for (const name of new Set([...declaredQuery, ...Object.keys(baseQuery)])) {
      const at = (value: string) => sample.path + queryOf(baseQuery, [name, value]);
      for (const v of NUL_URL) {
        add(`?${name}=${v}`, at(v), withBody, {
          code: 'VALIDATION_FAILED',
          field: name,
          problem: 'contains_nul',
        });
      }
      for (const v of [MALFORMED_URL, ...ODD_QUERY]) add(`?${name}=${v}`, at(v), withBody);
      add(`?${name} twice`, `${at('a')}&${name}=b`, withBody);
    }

    // Body fields, declared or sampled, one at a time, into the JSON body.
    const url = sample.path + queryOf(baseQuery);
    const json = (text: string) => (req: Test) =>
      req.set('Content-Type', 'application/json').send(text);
    const base = sample.body ?? {};
    const bodyFields = new Set([...declaredBody, ...Object.keys(base)]);
    for (const name of bodyFields) {
      for (const [label, value, problem] of REFUSED_BODY) {
        add(`body.${name}=${label}`, url, json(JSON.stringify({ ...base, [name]: value })), {
          code: 'VALIDATION_FAILED',
          field: name,
          problem,
        });
      }
      for (const value of ODD_BODY) {
        add(
          `body.${name}=${JSON.stringify(value)}`,
          url,
          json(JSON.stringify({ ...base, [name]: value })),
        );
      }
      const deep = JSON.stringify({ ...base, [name]: '<deep>' }).replace('"<deep>"', DEEP);
      add(`body.${name} nested 10,000 deep`, url, json(deep), {
        code: 'NESTING_TOO_DEEP',
      });
    }
    // Whole bodies, on every route (a route without a body must not choke on one either).
    const baseText = JSON.stringify(base).slice(1, -1);
    const merged = (extra: string) => `{${baseText}${baseText ? ',' : ''}${extra}}`;
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      add(`body with ${key}`, url, json(merged(`"${key}":{"status":"published","isAdmin":true}`)), {
        code: 'VALIDATION_FAILED',
        field: key,
        problem: 'whitelistValidation',
      });
    }
    add('body key with a lone surrogate', url, json(merged('"\\ud800":1')), {
      code: 'VALIDATION_FAILED',
      problem: 'not_well_formed_unicode',
    });
    add('body nested 10,000 deep', url, json(DEEP), { code: 'NESTING_TOO_DEEP' });
    add('form-encoded body', url, (req) => req.type('form').send('a=1'), {
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      afterGuards: true,
    });
    return cells;
  }

  it.each(Object.keys(SAMPLES))('%s', async (route) => {
    const [method] = route.split(' ');
    const verb = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    const sample = await SAMPLES[route](fixtures);
    let session = await adminSession();
    const send = (url: string, actor: Cell['actor'], build: (req: Test) => Test) => {
      const agent = t.http();
      let req = agent[verb](url).set('X-Forwarded-For', `10.66.${ip % 250}.${(ip++ % 250) + 1}`);
      if (actor === 'admin') req = req.set(session.auth);
      if (route === 'POST /api/v1/auth/refresh' && actor === 'admin')
        req = req.set('Cookie', session.cookie);
      return build(req);
    };
    const failures: unknown[] = [];
    // First the untouched request: one the handler accepts (or answers by design), so that each
    // cell differs from a handled request by one value. (First, since some routes consume their
    // object: a deleted draft cannot be deleted again.)
    const url =
      sample.path + (sample.query ? `?${new URLSearchParams(sample.query).toString()}` : '');
    const buildBaseline = (req: Test): Test =>
      sample.upload
        ? req.attach(sample.upload.field, sample.upload.data, sample.upload.name)
        : sample.body
          ? req.send(sample.body)
          : req;
    const baseline = await send(url, 'admin', buildBaseline);
    if (sample.endsSession) session = await adminSession();
    if (baseline.status !== sample.status) {
      failures.push({
        baseline: sample.status,
        status: baseline.status,
        body: baseline.body as unknown,
      });
    }
    const cells = cellsFor(route, sample);
    const check = async (cell: Omit<Cell, 'actor'>, actor: Cell['actor']): Promise<void> => {
      const res = await send(cell.url, actor, cell.build);
      const body = res.body as {
        code?: string;
        details?: { field: string; problems: string[] }[];
      };
      tally[actor] += 1;
      if (actor === 'admin' && res.status === 400 && body.code === 'VALIDATION_FAILED') {
        tally.adminValidation += 1;
      }
      if (res.status >= 500) {
        failures.push({ actor, cell: cell.label, status: res.status, body });
        return;
      }
      if (!cell.refused || (actor === 'anonymous' && cell.refused.afterGuards)) return;
      if (actor === 'admin') tally.adminRefused += 1;
      const { status = 400, code, field, problem } = cell.refused;
      const details = Array.isArray(body.details) ? body.details : [];
      const named = details.some(
        (d) =>
          (field === undefined || d.field === field) &&
          (problem === undefined || d.problems.includes(problem)),
      );
      const ok =
        res.status === status && body.code === code && (code !== 'VALIDATION_FAILED' || named);
      if (!ok) failures.push({ actor, cell: cell.label, status: res.status, body });
    };
    // Where the untouched request stops anonymous callers at the login check, anonymously only
    // the values the edge refuses before any guard tell something (the rest would answer 401).
    const anonymousBaseline = await send(url, 'anonymous', buildBaseline);
    const anonymousCells =
      anonymousBaseline.status === 401
        ? cells.filter((c) => c.refused && !c.refused.afterGuards)
        : cells;
    // A few at a time: the cells of one route are independent of each other.
    const queue = [
      ...cells.map((cell) => () => check(cell, 'admin')),
      ...anonymousCells.map((cell) => () => check(cell, 'anonymous')),
    ];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await next();
      }),
    );
    expect({ route, cells: cells.length, failures }).toEqual({
      route,
      cells: cells.length,
      failures: [],
    });
  });

  it('reached the edge checks in a meaningful share of the admin cells', () => {
    expect(tally.admin).toBeGreaterThan(1000);
    // Every cell carrying a value the edge refuses answered 400 naming it (checked per route);
    // those are a large part of the walk, and the rest reached handlers with real fixtures.
    expect(tally.adminRefused / tally.admin).toBeGreaterThan(0.3);
    expect(tally.adminValidation / tally.admin).toBeGreaterThan(0.3);
  });
});
