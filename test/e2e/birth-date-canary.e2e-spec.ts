import { DEFAULT_RUBRIC } from '@lumbung/award';
import { addMonths } from '@lumbung/platform';
import {
  givenUser,
  type GivenUser,
  LESSON_SECTIONS,
  login,
  publishAsset,
  type Session,
  TEST_PASSWORD,
} from '../support/factories';
import { bodyAsText, registeredRoutes } from '../support/routes';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue #17, privacy: a birth date is never returned by the register, the expertise map or the
 * people APIs, nor by any other read path; only the user record shows it (to the admins of the
 * person's OPD and system admins), and the person's own NIP to themselves. The canary is a person
 * whose NIP holds a distinctive date, on the register with a plan, a published asset, a declared
 * topic, a CoP and a meeting. Every registered GET route is crawled as everyone.
 */
describe('birth-date canary sweep over every read path', () => {
  let t: TestApp;
  let canary: GivenUser & { name: string };
  let plan: string;
  let asset: string;
  let copId: string;
  let meetingId: string;
  let sessions: Record<string, Session | undefined>;
  let patterns: string[];
  /** Routes (method and path) where a caller may see the birth date or the NIP holding it. */
  // The attendee lookup gives NIPs to those who log a CoP's meetings (issue 14: leads, the host
  // OPD's admins, admins) so they can record who attended; nobody else gets an answer from it.
  const LOOKUP = '/api/v1/cops/:id/people';
  const allowed: Record<string, string[]> = {
    opdAdmin: ['/api/v1/users', '/api/v1/users/:id', LOOKUP],
    admin: ['/api/v1/users', '/api/v1/users/:id', LOOKUP],
    self: ['/api/v1/auth/me', LOOKUP],
  };

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY_HOPS: '1', RATE_LIMIT_PER_MINUTE: '100000' });
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    // Retires (BUP 58) in seven months: born on the 27th of the month before, 58 years earlier.
    const birthMonth = addMonths(addMonths(`${today.slice(0, 7)}-01`, 7), -1);
    const year = Number(birthMonth.slice(0, 4)) - 58;
    const [mm, dd] = [birthMonth.slice(5, 7), '27'];
    const nip = `${year}${mm}${dd}${year + 24}032777`;
    patterns = [
      `${year}-${mm}-${dd}`,
      `${year}${mm}${dd}`,
      `${dd}-${mm}-${year}`,
      `${dd}/${mm}/${year}`,
      `${dd}${mm}${year}`,
      nip,
    ];
    const opdAdmin = await givenUser(t.ds, { roles: ['opd_admin'] });
    const verifier = await givenUser(t.ds, { roles: ['verifier'] });
    const admin = await givenUser(t.ds, { roles: ['admin'] });
    const interviewer = await givenUser(t.ds);
    const adminSession = await login(t.http, opdAdmin);
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(adminSession.auth)
      .send({
        nip,
        name: 'Kanari Pensiun',
        email: 'kanari.pensiun@uji.lumbung.test',
        opdCode: 'BPSDM',
        jabatan: 'Arsiparis Penyelia',
        jabatanKategori: 'administrasi',
        password: TEST_PASSWORD,
      })
      .expect(201);
    canary = {
      id: created.body.id as string,
      nip,
      email: 'kanari.pensiun@uji.lumbung.test',
      password: TEST_PASSWORD,
      opdCode: 'BPSDM',
      name: 'Kanari Pensiun',
    };
    const self = await login(t.http, canary);
    const verifierSession = await login(t.http, verifier);
    asset = await publishAsset(t.http, self, verifierSession, {
      title: 'Arsip kanari',
      tags: ['arsip-kanari'],
      sections: LESSON_SECTIONS,
    });
    await t
      .http()
      .put(`/api/v1/people/${canary.id}/criticality`)
      .set(adminSession.auth)
      .send({ value: 5, reason: 'Satu-satunya pemegang arsip kanari.' })
      .expect(200);
    await t
      .http()
      .put(`/api/v1/people/${canary.id}/expertise/declared`)
      .set(self.auth)
      .send({ topics: ['arsip kanari'] })
      .expect(200);
    const planned = await t
      .http()
      .post('/api/v1/retention-plans')
      .set(adminSession.auth)
      .send({
        userId: canary.id,
        interviewerId: interviewer.id,
        targetDate: addMonths(today, 2),
      })
      .expect(201);
    plan = planned.body.id as string;
    const [cop] = await t.ds.query<{ id: string }[]>(
      `INSERT INTO cops (name, theme, opd_id, created_by)
       SELECT 'Komunitas Kanari', 'Arsip Kanari', opd_id, id FROM users WHERE id = $1 RETURNING id`,
      [canary.id],
    );
    copId = cop.id;
    await t.ds.query(`INSERT INTO user_roles (user_id, role, cop_id) VALUES ($1, 'cop_lead', $2)`, [
      canary.id,
      copId,
    ]);
    await t.ds.query(`INSERT INTO cop_memberships (cop_id, user_id) VALUES ($1, $2)`, [
      copId,
      canary.id,
    ]);
    const meeting = await t
      .http()
      .post(`/api/v1/cops/${copId}/meetings`)
      .set((await login(t.http, canary)).auth)
      .send({
        heldAt: '2025-05-06T09:00:00+07:00',
        mode: 'luring',
        topic: 'Bedah arsip kanari',
        durationMinutes: 60,
        attendeeNips: [nip],
      })
      .expect(201);
    meetingId = meeting.body.id as string;
    await t.ds.query(`INSERT INTO award_years (year) VALUES (2025)`);
    await t.ds.query(
      `INSERT INTO award_rubrics (year, version, aspect_weights, data_weights, winners, rules_version)
       VALUES (2025, 1, $1, $2, 15, 'kma-data-2026.1')`,
      [JSON.stringify(DEFAULT_RUBRIC.aspectWeights), JSON.stringify(DEFAULT_RUBRIC.dataWeights)],
    );
    sessions = {
      anonymous: undefined,
      self: await login(t.http, canary),
      colleague: await login(t.http, await givenUser(t.ds)),
      interviewer: await login(t.http, interviewer),
      verifier: verifierSession,
      opdAdmin: adminSession,
      otherAdmin: await login(
        t.http,
        await givenUser(t.ds, { opd: 'DINKES', roles: ['opd_admin'] }),
      ),
      assessor: await login(t.http, await givenUser(t.ds, { roles: ['assessor'] })),
      admin: await login(t.http, admin),
    };
  });
  afterAll(() => t.close());

  function concrete(path: string): string {
    return path
      .replace(':code', 'BPSDM')
      .replace(':opdCode', 'BPSDM')
      .replace(':year', '2025')
      .replace(':n', '1')
      .replace(
        ':id',
        path.startsWith('/api/v1/retention-plans')
          ? plan
          : path.startsWith('/api/v1/assets')
            ? asset
            : path.startsWith('/api/v1/cops')
              ? copId
              : path.startsWith('/api/v1/meetings')
                ? meetingId
                : canary.id,
      );
  }

  it('shows no birth date (nor the NIP holding it) outside the user record', async () => {
    const gets = registeredRoutes(t.app).filter((r) => r.method === 'GET');
    let requests = 0;
    let seenOnRegister = 0;
    for (const [who, session] of Object.entries(sessions)) {
      for (const route of gets) {
        const base = concrete(route.path);
        for (const query of ['', '?year=2025', '?q=Kanari', '?topic=arsip-kanari', '?format=csv']) {
          let req = t.http().get(base + query);
          if (session) req = req.set(session.auth);
          const res = await req.buffer(true).parse(bodyAsText);
          requests += 1;
          const body = `${JSON.stringify(res.headers)}${String(res.body)}`;
          if (
            route.path.includes('knowledge-risk') &&
            res.status === 200 &&
            body.includes(canary.id)
          )
            seenOnRegister += 1;
          if ((allowed[who] ?? []).includes(route.path)) continue;
          const leaked = patterns.filter((p) => body.includes(p));
          expect({ who, path: base + query, leaked }).toEqual({
            who,
            path: base + query,
            leaked: [],
          });
        }
      }
    }
    expect(requests).toBeGreaterThan(500);
    // The canary was on the register for its readers (the sweep looked where it matters).
    expect(seenOnRegister).toBeGreaterThan(4);
  });

  it('the user record still shows the birth date to the admins of the person’s OPD', async () => {
    const res = await t
      .http()
      .get(`/api/v1/users/${canary.id}`)
      .set(sessions.opdAdmin!.auth)
      .expect(200);
    expect(res.body.birthDate).toBe(patterns[0]);
    await t.http().get(`/api/v1/users/${canary.id}`).set(sessions.otherAdmin!.auth).expect(404);
  });
});
