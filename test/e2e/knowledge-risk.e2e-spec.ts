import { DEFAULT_RUBRIC } from '@lumbung/award';
import { addMonths } from '@lumbung/platform';
import {
  givenHighRiskPerson,
  givenUser,
  type GivenUser,
  login,
  publishAsset,
  type Session,
  TEST_PASSWORD,
  INTERVIEW_SECTIONS,
} from '../support/factories';
import { Workbook } from 'exceljs';
import { binary } from '../support/binary';
import { createTestApp, type TestApp } from '../support/test-app';
import { AwardCoverageRules1765411200000 } from '../../libs/platform/src/database/migrations/1765411200000-award-coverage-rules';

/** Today in WIB (the register's clock). */
const TODAY = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const inDays = (days: number): string =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A NIP (administrasi, BUP 58) whose holder retires `months` months from this month: born in
 * the month before, 58 years earlier.
 */
function nipLeavingIn(months: number, seq: number): { nip: string; departureMonth: string } {
  const departure = addMonths(`${TODAY.slice(0, 7)}-01`, months);
  const birthMonth = addMonths(departure, -1);
  const year = Number(birthMonth.slice(0, 4)) - 58;
  return {
    nip: `${year}${birthMonth.slice(5, 7)}15${year + 25}011${String(seq).padStart(3, '0')}`,
    departureMonth: departure.slice(0, 7),
  };
}

interface Item {
  userId: string;
  name: string;
  departureMonth: string;
  departureKind: string;
  departureReason: string | null;
  attrition: number;
  criticality: number;
  criticalityComputed: number;
  criticalityOverride: { value: number; reason: string; setBy: { id: string } } | null;
  risk: number;
  high: boolean;
  topics: string[];
  plan: { id: string; state: string; overdue: boolean } | null;
}

describe('knowledge at risk: register, plans, expertise, coverage', () => {
  let t: TestApp;
  let opdAdmin: GivenUser;
  let s: Record<
    'admin' | 'assessor' | 'opdAdmin' | 'verifier' | 'colleague' | 'otherAdmin' | 'outsider',
    Session
  >;
  let colleague: GivenUser;
  let expert: { id: string; session: Session; departureMonth: string };

  const http = () => t.http();
  /** The register (its first 100 rows: every test user of BPSDM). */
  const register = async (
    who: Session,
    query = '?limit=100',
  ): Promise<{ items: Item[] } & Record<string, unknown>> =>
    (await http().get(`/api/v1/opds/BPSDM/knowledge-risk${query}`).set(who.auth).expect(200))
      .body as { items: Item[] };
  const itemOf = async (who: Session, userId: string): Promise<Item> => {
    const found = (await register(who)).items.find((i) => i.userId === userId);
    if (!found) throw new Error(`no register row for ${userId}`);
    return found;
  };

  /** Creates a BPSDM user through the API (as its OPD admin) with the given NIP, and logs in. */
  async function createUser(nip: string, name: string): Promise<{ id: string; session: Session }> {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@uji.lumbung.test`;
    const res = await http()
      .post('/api/v1/users')
      .set(s.opdAdmin.auth)
      .send({
        nip,
        name,
        email,
        opdCode: 'BPSDM',
        jabatan: 'Arsiparis Penyelia',
        jabatanKategori: 'administrasi',
        password: TEST_PASSWORD,
      })
      .expect(201);
    return { id: res.body.id as string, session: await login(http, { email }) };
  }

  /** A published interview of `narasumberId`, written by the colleague, approved by the verifier. */
  const publishInterview = (narasumberId: string, tags: string[]): Promise<string> =>
    publishAsset(http, s.colleague, s.verifier, {
      type: 'wawancara_pengetahuan',
      title: `Wawancara ${Math.random()}`,
      summary: 'Wawancara pengetahuan sebelum purnabakti.',
      sections: INTERVIEW_SECTIONS,
      tags,
      narasumberId,
    });

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY_HOPS: '1' });
    opdAdmin = await givenUser(t.ds, { roles: ['opd_admin'] });
    colleague = await givenUser(t.ds);
    s = {
      admin: await login(http, await givenUser(t.ds, { roles: ['admin'] })),
      assessor: await login(http, await givenUser(t.ds, { roles: ['assessor'] })),
      opdAdmin: await login(http, opdAdmin),
      verifier: await login(http, await givenUser(t.ds, { roles: ['verifier'] })),
      colleague: await login(http, colleague),
      otherAdmin: await login(http, await givenUser(t.ds, { opd: 'DINKES', roles: ['opd_admin'] })),
      outsider: await login(http, await givenUser(t.ds, { opd: 'DINKES' })),
    };
    const leaving = nipLeavingIn(5, 101);
    expert = {
      ...(await createUser(leaving.nip, 'Sri Arsiparis')),
      departureMonth: leaving.departureMonth,
    };
    // The only one in the OPD who wrote about it (one published asset): criticality 1 + 2 + 1 = 4.
    await publishAsset(http, expert.session, s.verifier, {
      title: 'Memilah arsip lama',
      tags: ['tata-kelola-arsip-lama'],
      visibility: 'internal',
    });
  });
  afterAll(() => t.close());

  const auditReads = async (): Promise<number> =>
    (
      await t.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'knowledge_risk_read' AND target_id = 'BPSDM'`,
      )
    )[0].n;

  describe('who reads the register', () => {
    it.each([
      ['anonymous', 401, undefined],
      ['an ASN of the OPD', 403, 'colleague'],
      ['a verifier of the OPD', 200, 'verifier'],
      ['an admin of the OPD', 200, 'opdAdmin'],
      ['an admin of another OPD', 404, 'otherAdmin'],
      ['an ASN of another OPD', 403, 'outsider'],
      ['an assessor', 200, 'assessor'],
      ['a system admin', 200, 'admin'],
    ] as const)(
      '%s → %i, and only reads that succeed are audit-logged',
      async (_who, status, key) => {
        const before = await auditReads();
        let req = http().get('/api/v1/opds/BPSDM/knowledge-risk');
        if (key) req = req.set(s[key].auth);
        const res = await req.expect(status);
        expect(await auditReads()).toBe(before + (status === 200 ? 1 : 0));
        if (status === 200) {
          const [row] = await t.ds.query<{ actor_id: string; details: { view: string } }[]>(
            `SELECT actor_id, details FROM audit_log WHERE action = 'knowledge_risk_read' ORDER BY id DESC LIMIT 1`,
          );
          expect(row.details.view).toBe('register');
          expect(row.actor_id).toBeTruthy();
        } else {
          expect(typeof res.body.code).toBe('string');
        }
      },
    );

    it('answers an unknown OPD like one the caller may not read', async () => {
      await http().get('/api/v1/opds/TIDAKADA/knowledge-risk').set(s.admin.auth).expect(404);
    });
  });

  describe('the register row', () => {
    it('has the contract’s fields, the departure from the NIP and the risk from the formula', async () => {
      const item = await itemOf(s.opdAdmin, expert.id);
      expect(item).toMatchObject({
        userId: expert.id,
        name: 'Sri Arsiparis',
        departureMonth: expert.departureMonth,
        departureKind: 'bup',
        departureReason: null,
        attrition: 5,
        criticalityComputed: 4,
        criticality: 4,
        risk: 20,
        high: true,
        topics: ['tata-kelola-arsip-lama'],
        plan: null,
      });
      for (const field of ['jabatan', 'topics', 'plan']) expect(Object.keys(item)).toContain(field);
      expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['nip', 'birthDate']));
    });

    it('sorts by risk, filters, and gives a 24-month timeline and a summary', async () => {
      const body = await register(s.verifier, '?high=true&limit=100');
      expect(body.items.every((i) => i.high)).toBe(true);
      expect(body.items.map((i) => i.userId)).toContain(expert.id);
      const all = await register(s.verifier);
      const risks = all.items.map((i) => i.risk);
      expect(risks).toEqual([...risks].sort((a, b) => b - a));
      const timeline = all.timeline as { month: string; departures: number; userIds: string[] }[];
      expect(timeline).toHaveLength(24);
      expect(timeline[0].month).toBe(TODAY.slice(0, 7));
      expect(timeline.find((m) => m.month === expert.departureMonth)?.userIds).toContain(expert.id);
      expect(all.summary).toMatchObject({ people: all.items.length });
      expect(all).toMatchObject({ opdCode: 'BPSDM', asOf: TODAY, highThreshold: 15 });
      const byName = await register(s.verifier, '?sort=name&q=arsiparis');
      expect(byName.items.map((i) => i.userId)).toEqual([expert.id]);
      await http()
        .get('/api/v1/opds/BPSDM/knowledge-risk?sort=nip')
        .set(s.verifier.auth)
        .expect(400);
    });

    it('exports the filtered register as an XLSX a person reads as is (labels, dates, widths, Keterangan)', async () => {
      const before = await auditReads();
      const res = await http()
        .get('/api/v1/opds/BPSDM/knowledge-risk/export?high=true&sort=name')
        .set(s.assessor.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="pengetahuan-berisiko-BPSDM-${TODAY}.xlsx"`,
      );
      expect(await auditReads()).toBe(before + 1);
      const book = new Workbook();
      await book.xlsx.load(res.body as never);
      expect(book.worksheets.map((w) => w.name)).toEqual(['Pengetahuan berisiko', 'Keterangan']);
      const ws = book.getWorksheet('Pengetahuan berisiko')!;
      // The OPD, the day and the rules above the table, then its header (row 5).
      expect(ws.getCell('A1').value).toBe(
        'Pengetahuan berisiko: Badan Pengembangan Sumber Daya Manusia (BPSDM)',
      );
      expect(ws.getCell('A3').value).toMatch(/^Dibuat \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} WIB$/);
      const header = (ws.getRow(5).values as unknown[]).slice(1);
      expect(header).toEqual([
        'Nama',
        'Jabatan',
        'Kategori jabatan',
        'Bulan keluar',
        'Jenis',
        'Alasan',
        'Bulan tersisa',
        'Atrisi (1–5)',
        'Kritikalitas (1–5)',
        'Risiko (1–25)',
        'Risiko tinggi',
        'Topik',
        'Topik terdokumentasi',
        'Rencana retensi',
        'Pewawancara',
        'Target wawancara',
        'Terlambat',
      ]);
      // Every row the filter keeps (the API's high-risk list), by name, and nothing else.
      const api = await register(s.assessor, '?high=true&sort=name&limit=100');
      expect(ws.rowCount).toBe(api.items.length + 5);
      const names = ws.getColumn(1).values.slice(6);
      expect(names).toEqual(api.items.map((i) => i.name));
      const row = ws.getRow(6 + api.items.findIndex((i) => i.userId === expert.id));
      expect(row.getCell(1).value).toBe('Sri Arsiparis');
      expect(row.getCell(3).value).toBe('Administrasi');
      // The departure month is a real Excel date shown as a month, not ISO text.
      expect(row.getCell(4).value).toEqual(new Date(`${expert.departureMonth}-01T00:00:00Z`));
      expect(row.getCell(4).numFmt).toBe('mmm yyyy');
      expect(row.getCell(5).value).toBe('Pensiun (BUP)');
      expect(row.getCell(10).value).toBe(20);
      expect(row.getCell(11).value).toBe('Ya');
      expect(row.getCell(12).value).toBe('tata-kelola-arsip-lama');
      expect(row.getCell(14).value).toBe('Belum ada');
      // Widths fit the longest value (capped), the header stays in view and carries a filter.
      const longestName = Math.max(...api.items.map((i) => i.name.length), 'Nama'.length);
      expect(ws.getColumn(1).width).toBe(Math.min(60, Math.max(8, longestName + 2)));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
      expect(ws.autoFilter).toBe('A5:Q5');
      // No birth date or NIP anywhere in the file.
      const text = JSON.stringify(book.worksheets.map((w) => w.getSheetValues()));
      expect(text).not.toMatch(/\d{18}/);
      const about = book.getWorksheet('Keterangan')!;
      expect(about.getCell('A1').value).toBe(ws.getCell('A1').value);
      const explained = about.getColumn(2).values;
      for (const h of header) expect(explained).toContain(h);
      // An ASN is refused like any other register read.
      await http()
        .get('/api/v1/opds/BPSDM/knowledge-risk/export')
        .set(s.colleague.auth)
        .expect(403);
    });

    it('a planned departure recorded on the user replaces the BUP (month and kind only)', async () => {
      const person = await givenUser(t.ds);
      const date = inDays(70);
      await http()
        .patch(`/api/v1/users/${person.id}`)
        .set(s.opdAdmin.auth)
        .send({
          plannedDeparture: { date, reason: 'pensiun_dini', note: 'Atas permintaan sendiri' },
        })
        .expect(200)
        .expect((r) =>
          expect(r.body.plannedDeparture).toEqual({
            date,
            reason: 'pensiun_dini',
            note: 'Atas permintaan sendiri',
          }),
        );
      expect(await itemOf(s.opdAdmin, person.id)).toMatchObject({
        departureMonth: date.slice(0, 7),
        departureKind: 'rencana',
        departureReason: 'pensiun_dini',
        attrition: 5,
      });
      await http()
        .patch(`/api/v1/users/${person.id}`)
        .set(s.opdAdmin.auth)
        .send({ plannedDeparture: { date: '2026-02-30', reason: 'mutasi' } })
        .expect(400);
      // No field takes JSON null (the edge refuses it): removal has its own route.
      await http()
        .delete(`/api/v1/users/${person.id}/planned-departure`)
        .set(s.opdAdmin.auth)
        .expect(200)
        .expect((r) => expect(r.body.plannedDeparture).toBeNull());
      const [row] = await t.ds.query<{ on: string | null; reason: string | null }[]>(
        `SELECT planned_departure_on AS on, planned_departure_reason AS reason FROM users WHERE id = $1`,
        [person.id],
      );
      expect(row).toEqual({ on: null, reason: null });
      expect((await itemOf(s.opdAdmin, person.id)).departureKind).toBe('bup');
    });

    it('a person sees their own entry, and the read is audit-logged', async () => {
      const res = await http()
        .get('/api/v1/me/knowledge-risk')
        .set(expert.session.auth)
        .expect(200);
      expect(res.body.item).toMatchObject({ userId: expert.id, high: true });
      const [row] = await t.ds.query<{ target_id: string }[]>(
        `SELECT target_id FROM audit_log WHERE action = 'knowledge_risk_read' AND details->>'view' = 'own'
          ORDER BY id DESC LIMIT 1`,
      );
      expect(row.target_id).toBe(expert.id);
    });
  });

  describe('criticality override', () => {
    it('is kept with reason, who and when, and replaces the computed value until removed', async () => {
      const person = await givenUser(t.ds);
      const set = await http()
        .put(`/api/v1/people/${person.id}/criticality`)
        .set(s.opdAdmin.auth)
        .send({ value: 5, reason: 'Satu-satunya yang paham aplikasi lama.' })
        .expect(200);
      expect(set.body).toMatchObject({
        criticalityComputed: 1,
        criticality: 5,
        override: { value: 5, setBy: { id: opdAdmin.id, opdCode: 'BPSDM' } },
      });
      expect((await itemOf(s.verifier, person.id)).criticalityOverride).toMatchObject({
        value: 5,
        reason: 'Satu-satunya yang paham aplikasi lama.',
      });
      const cleared = await http()
        .put(`/api/v1/people/${person.id}/criticality`)
        .set(s.opdAdmin.auth)
        .send({ reason: 'Sudah ada penerus yang terlatih.' })
        .expect(200);
      expect(cleared.body).toMatchObject({ criticality: 1, override: null });
      expect(cleared.body.history.map((h: { value: number | null }) => h.value)).toEqual([null, 5]);
      const stored = await t.ds.query<{ value: number | null; set_by: string }[]>(
        `SELECT value, set_by FROM criticality_overrides WHERE user_id = $1 ORDER BY id`,
        [person.id],
      );
      expect(stored).toEqual([
        { value: 5, set_by: opdAdmin.id },
        { value: null, set_by: opdAdmin.id },
      ]);
      await http()
        .put(`/api/v1/people/${person.id}/criticality`)
        .set(s.opdAdmin.auth)
        .send({ value: 4, reason: 'pendek' })
        .expect(400);
      await http()
        .put(`/api/v1/people/${person.id}/criticality`)
        .set(s.otherAdmin.auth)
        .send({ value: 4, reason: 'Bukan OPD saya tetapi mencoba.' })
        .expect(404);
    });
  });

  describe('retention plans', () => {
    const createPlan = (who: Session, body: Record<string, unknown>) =>
      http().post('/api/v1/retention-plans').set(who.auth).send(body);
    /** A fresh high-risk person and their plan (interviewed by the colleague in 15 days). */
    const personWithPlan = async (who = s.opdAdmin): Promise<{ person: GivenUser; id: string }> => {
      const person = await givenHighRiskPerson(t.ds);
      const plan = await createPlan(who, {
        userId: person.id,
        interviewerId: colleague.id,
        targetDate: inDays(15),
      }).expect(201);
      return { person, id: plan.body.id as string };
    };
    const storedState = async (id: string): Promise<{ state: string; asset_id: string | null }> =>
      (
        await t.ds.query<{ state: string; asset_id: string | null }[]>(
          `SELECT state, asset_id FROM retention_plans WHERE id = $1`,
          [id],
        )
      )[0];

    it('refuses a plan for someone who is not high-risk, a late target and the person as interviewer', async () => {
      const low = await givenUser(t.ds);
      await createPlan(s.opdAdmin, {
        userId: low.id,
        interviewerId: colleague.id,
        targetDate: inDays(10),
      })
        .expect(409)
        .expect((r) => expect(r.body.code).toBe('PERSON_NOT_HIGH_RISK'));
      const late = await createPlan(s.opdAdmin, {
        userId: expert.id,
        interviewerId: colleague.id,
        targetDate: `${addMonths(`${expert.departureMonth}-01`, 1)}`,
      }).expect(400);
      expect(late.body.details).toEqual([
        { field: 'targetDate', problems: ['not_before_departure'] },
      ]);
      await createPlan(s.opdAdmin, {
        userId: expert.id,
        interviewerId: colleague.id,
        targetDate: inDays(-1),
      })
        .expect(400)
        .expect((r) => expect(r.body.details[0].problems).toEqual(['in_past']));
      await createPlan(s.opdAdmin, {
        userId: expert.id,
        interviewerId: expert.id,
        targetDate: inDays(10),
      })
        .expect(400)
        .expect((r) => expect(r.body.details[0].problems).toEqual(['is_the_person']));
      const [{ n }] = await t.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM retention_plans WHERE user_id = ANY($1)`,
        [[low.id, expert.id]],
      );
      expect(n).toBe(0);
    });

    it('moves to aset_terbit when the interview is published, and not for an unrelated asset', async () => {
      const created = await createPlan(s.opdAdmin, {
        userId: expert.id,
        interviewerId: colleague.id,
        targetDate: inDays(20),
        notes: 'Fokus pada arsip sebelum 2010.',
      }).expect(201);
      const id = created.body.id as string;
      expect(created.body).toMatchObject({ state: 'direncanakan', overdue: false, version: 1 });
      await createPlan(s.opdAdmin, {
        userId: expert.id,
        interviewerId: colleague.id,
        targetDate: inDays(20),
      })
        .expect(409)
        .expect((r) =>
          expect(r.body).toMatchObject({ code: 'RETENTION_PLAN_EXISTS', details: { planId: id } }),
        );

      // The expert co-writes a lesson, and someone else is interviewed: neither is the interview.
      await publishAsset(http, expert.session, s.verifier, {
        title: 'Pelajaran lain',
        tags: ['arsip'],
      });
      await publishInterview(opdAdmin.id, ['arsip']);
      await t.drainJobs();
      expect(await storedState(id)).toEqual({ state: 'direncanakan', asset_id: null });

      await http()
        .post(`/api/v1/retention-plans/${id}/interviewed`)
        .set(s.opdAdmin.auth)
        .send({ interviewedOn: TODAY })
        .expect(200)
        .expect((r) => expect(r.body.state).toBe('diwawancarai'));
      await http()
        .post(`/api/v1/retention-plans/${id}/interviewed`)
        .set(s.opdAdmin.auth)
        .send({})
        .expect(409)
        .expect((r) => expect(r.body.code).toBe('INVALID_PLAN_TRANSITION'));

      const assetId = await publishInterview(expert.id, ['tata-kelola-arsip-lama']);
      const [job] = await t.ds.query<{ payload: { narasumberId: string } }[]>(
        `SELECT payload FROM jobs WHERE queue = 'knowledge.interview_published' AND status = 'pending'`,
      );
      expect(job.payload.narasumberId).toBe(expert.id);
      expect(await storedState(id)).toEqual({ state: 'diwawancarai', asset_id: null });
      await t.drainJobs();
      expect(await storedState(id)).toEqual({ state: 'aset_terbit', asset_id: assetId });
      const events = await t.ds.query<{ action: string; actor_id: string | null }[]>(
        `SELECT action, actor_id FROM retention_plan_events WHERE plan_id = $1 ORDER BY id`,
        [id],
      );
      expect(events).toEqual([
        { action: 'create', actor_id: opdAdmin.id },
        { action: 'interviewed', actor_id: opdAdmin.id },
        { action: 'published', actor_id: null },
      ]);
      const view = await http()
        .get(`/api/v1/retention-plans/${id}`)
        .set(expert.session.auth)
        .expect(200);
      expect(view.body).toMatchObject({ state: 'aset_terbit', assetId, overdue: false });
      await http()
        .post(`/api/v1/retention-plans/${id}/cancel`)
        .set(s.opdAdmin.auth)
        .send({ reason: 'Terlambat dibatalkan setelah terbit.' })
        .expect(409);
      // The person stays high on the register: their own interview does not lower the criticality.
      expect(await itemOf(s.opdAdmin, expert.id)).toMatchObject({
        high: true,
        plan: { id, state: 'aset_terbit' },
      });
    });

    it('moves on read too, when the publication job has not run (yet)', async () => {
      const { person, id: planId } = await personWithPlan();
      const assetId = await publishInterview(person.id, ['anggaran']);
      const view = await http()
        .get(`/api/v1/retention-plans/${planId}`)
        .set(s.verifier.auth)
        .expect(200);
      expect(view.body).toMatchObject({ state: 'aset_terbit', assetId });
      expect(await storedState(planId)).toEqual({
        state: 'aset_terbit',
        asset_id: assetId,
      });
    });

    it('edits an open plan with a version guard, cancels with a reason, then allows a new plan', async () => {
      const { person, id } = await personWithPlan(s.admin);
      await http()
        .patch(`/api/v1/retention-plans/${id}`)
        .set(s.opdAdmin.auth)
        .send({ targetDate: inDays(25), expectedVersion: 1 })
        .expect(200)
        .expect((r) =>
          // People come with their OPD, as everywhere else in the API.
          expect(r.body).toMatchObject({
            targetDate: inDays(25),
            version: 2,
            person: { id: person.id, opdCode: 'BPSDM' },
            interviewer: { id: colleague.id, opdCode: 'BPSDM' },
            history: [{ action: 'create', actor: { opdCode: 'BPSDM' } }, { action: 'update' }],
          }),
        );
      await http()
        .patch(`/api/v1/retention-plans/${id}`)
        .set(s.opdAdmin.auth)
        .send({ notes: 'x', expectedVersion: 1 })
        .expect(409)
        .expect((r) => expect(r.body.code).toBe('VERSION_CONFLICT'));
      await http()
        .post(`/api/v1/retention-plans/${id}/cancel`)
        .set(s.opdAdmin.auth)
        .send({ reason: 'singkat' })
        .expect(400);
      await http()
        .post(`/api/v1/retention-plans/${id}/cancel`)
        .set(s.opdAdmin.auth)
        .send({ reason: 'Narasumber dimutasi lebih cepat dari rencana.' })
        .expect(200)
        .expect((r) =>
          expect(r.body).toMatchObject({
            state: 'dibatalkan',
            cancelReason: 'Narasumber dimutasi lebih cepat dari rencana.',
          }),
        );
      await http()
        .patch(`/api/v1/retention-plans/${id}`)
        .set(s.opdAdmin.auth)
        .send({ notes: 'Terlambat.' })
        .expect(409);
      await createPlan(s.opdAdmin, {
        userId: person.id,
        interviewerId: colleague.id,
        targetDate: inDays(5),
      }).expect(201);
      const states = await t.ds.query<{ state: string }[]>(
        `SELECT state FROM retention_plans WHERE user_id = $1 ORDER BY created_at`,
        [person.id],
      );
      expect(states.map((r) => r.state)).toEqual(['dibatalkan', 'direncanakan']);
    });

    it('flags plans whose target passed or whose person leaves within 60 days, not yet interviewed', async () => {
      const passed = await givenHighRiskPerson(t.ds);
      const soon = await givenHighRiskPerson(t.ds);
      const fine = await givenHighRiskPerson(t.ds);
      await t.ds.query(`UPDATE users SET planned_departure_on = $2 WHERE id = $1`, [
        soon.id,
        inDays(45),
      ]);
      for (const [person, target] of [
        [passed, inDays(-3)],
        [soon, inDays(10)],
        [fine, inDays(10)],
      ] as const)
        await t.ds.query(
          `INSERT INTO retention_plans (user_id, opd_id, interviewer_id, target_date)
           SELECT $1, opd_id, $2, $3 FROM users WHERE id = $1`,
          [person.id, colleague.id, target],
        );
      const overdue = await register(s.opdAdmin, '?overdue=true&limit=100');
      const ids = overdue.items.map((i) => i.userId);
      expect(ids).toEqual(expect.arrayContaining([passed.id, soon.id]));
      expect(ids).not.toContain(fine.id);
      const list = await http()
        .get('/api/v1/opds/BPSDM/retention-plans?overdue=true')
        .set(s.assessor.auth)
        .expect(200);
      expect(list.body.items.map((p: { person: { id: string } }) => p.person.id)).toEqual(
        expect.arrayContaining([passed.id, soon.id]),
      );
    });

    it('shows a plan to its person and interviewer, and to nobody else outside the register', async () => {
      const { person, id } = await personWithPlan();
      const own = await login(http, person);
      for (const [who, status] of [
        [own, 200],
        [s.colleague, 200],
        [s.outsider, 404],
        [s.otherAdmin, 404],
      ] as const)
        await http().get(`/api/v1/retention-plans/${id}`).set(who.auth).expect(status);
      await http().get('/api/v1/retention-plans/bukan-uuid').set(s.admin.auth).expect(404);
    });
  });

  describe('expertise', () => {
    let copId: string;
    let secretAsset: string;

    beforeAll(async () => {
      // A CoP the expert belongs to and the OPD admin does not; its `cop` asset carries a secret tag.
      const [cop] = await t.ds.query<{ id: string }[]>(
        `INSERT INTO cops (name, theme, opd_id, created_by)
         SELECT 'Komunitas Arsiparis', 'Kearsipan Daerah', opd_id, id FROM users WHERE id = $1 RETURNING id`,
        [expert.id],
      );
      copId = cop.id;
      await t.ds.query(`INSERT INTO cop_memberships (cop_id, user_id) VALUES ($1, $2)`, [
        copId,
        expert.id,
      ]);
      secretAsset = await publishAsset(http, expert.session, s.verifier, {
        title: 'Catatan komunitas',
        tags: ['sandi-kotak-arsip'],
        visibility: 'cop',
        copId,
      });
      await publishAsset(http, expert.session, s.verifier, {
        title: 'Catatan internal OPD',
        tags: ['denah-gudang-arsip'],
        visibility: 'opd',
      });
    });

    it('lists topics with their evidence, only from assets the caller may read', async () => {
      const asColleague = await http()
        .get(`/api/v1/people/${expert.id}/expertise`)
        .set(s.colleague.auth)
        .expect(200);
      const topics = asColleague.body.topics as {
        topic: string;
        assets: { id: string; href: string }[];
        cops: { id: string; role: string }[];
      }[];
      expect(topics.map((x) => x.topic)).toEqual(
        expect.arrayContaining([
          'tata-kelola-arsip-lama',
          'denah-gudang-arsip',
          'kearsipan-daerah',
        ]),
      );
      expect(topics.map((x) => x.topic)).not.toContain('sandi-kotak-arsip');
      const archive = topics.find((x) => x.topic === 'tata-kelola-arsip-lama')!;
      expect(archive.assets.every((a) => a.href === `/api/v1/assets/${a.id}`)).toBe(true);
      expect(topics.find((x) => x.topic === 'kearsipan-daerah')!.cops).toEqual([
        expect.objectContaining({ id: copId, role: 'member' }),
      ]);
      const asOutsider = await http()
        .get(`/api/v1/people/${expert.id}/expertise`)
        .set(s.outsider.auth)
        .expect(200);
      const seen = JSON.stringify(asOutsider.body);
      expect(seen).not.toContain('denah-gudang-arsip');
      expect(seen).not.toContain('sandi-kotak-arsip');
      expect(seen).not.toContain(secretAsset);
    });

    it('the register shows only the topics the reader’s evidence supports', async () => {
      expect((await itemOf(s.opdAdmin, expert.id)).topics).not.toContain('sandi-kotak-arsip');
      // Verifiers of the OPD read every asset of it.
      expect((await itemOf(s.verifier, expert.id)).topics).toContain('sandi-kotak-arsip');
    });

    it('takes declared topics from the person and from their OPD admin, nobody else', async () => {
      await http()
        .put(`/api/v1/people/${colleague.id}/expertise/declared`)
        .set(s.colleague.auth)
        .send({ topics: ['Pengadaan Barang', 'hibah'] })
        .expect(200)
        .expect((r) =>
          expect(r.body.declared).toEqual({ self: ['hibah', 'pengadaan-barang'], opdAdmin: [] }),
        );
      await http()
        .put(`/api/v1/people/${colleague.id}/expertise/declared`)
        .set(s.opdAdmin.auth)
        .send({ topics: ['hibah'] })
        .expect(200)
        .expect((r) =>
          expect(r.body.topics).toEqual(
            expect.arrayContaining([
              expect.objectContaining({
                topic: 'hibah',
                score: 3,
                declared: ['opd_admin', 'self'],
              }),
            ]),
          ),
        );
      await http()
        .put(`/api/v1/people/${colleague.id}/expertise/declared`)
        .set(s.verifier.auth)
        .send({ topics: ['apa-saja'] })
        .expect(403);
      await http()
        .put(`/api/v1/people/${colleague.id}/expertise/declared`)
        .set(s.otherAdmin.auth)
        .send({ topics: ['apa-saja'] })
        .expect(403);
    });

    it('finds people by topic, ranked by their evidence', async () => {
      const second = await givenUser(t.ds);
      const secondSession = await login(http, second);
      await publishAsset(http, secondSession, s.verifier, {
        title: 'Retensi arsip',
        tags: ['retensi-arsip'],
      });
      for (const title of ['Retensi arsip I', 'Retensi arsip II'])
        await publishAsset(http, expert.session, s.verifier, { title, tags: ['retensi-arsip'] });
      const res = await http()
        .get('/api/v1/people/experts?topic=Retensi%20Arsip')
        .set(s.outsider.auth)
        .expect(200);
      const hits = res.body as { userId: string; score: number; evidence: { assets: number } }[];
      expect(hits.map((h) => h.userId)).toEqual([expert.id, second.id]);
      expect(hits[0]).toMatchObject({ evidence: { assets: 2 } });
      expect(hits[0].score).toBeGreaterThan(hits[1].score);
      const secret = await http()
        .get('/api/v1/people/experts?topic=sandi-kotak')
        .set(s.outsider.auth)
        .expect(200);
      expect(secret.body).toEqual([]);
    });
  });

  describe('coverage and the award', () => {
    // The expert's evidence grew through the suite; their OPD admin settles their criticality.
    beforeAll(() =>
      http()
        .put(`/api/v1/people/${expert.id}/criticality`)
        .set(s.opdAdmin.auth)
        .send({ value: 5, reason: 'Arsip lama hanya dipahami olehnya.' })
        .expect(200),
    );

    it('counts a high-risk person whose interview was published before they leave', async () => {
      const year = Number(TODAY.slice(0, 4));
      const res = await http()
        .get(`/api/v1/opds/BPSDM/knowledge-risk/coverage?year=${year}`)
        .set(s.assessor.auth)
        .expect(200);
      const expertRow = (res.body.people as { userId: string; covered: boolean }[]).find(
        (p) => p.userId === expert.id,
      );
      expect(expertRow).toMatchObject({ covered: true });
      expect(res.body.coverage).toBe(
        Math.round((res.body.covered / res.body.highRisk) * 10_000) / 10_000,
      );
      await http()
        .get(`/api/v1/opds/BPSDM/knowledge-risk/coverage?year=${year}`)
        .set(s.colleague.auth)
        .expect(403);
    });

    it('feeds keberlanjutan under the new rules, and leaves a year finalised on the old rules unchanged', async () => {
      const year = Number(TODAY.slice(0, 4));
      await http()
        .post('/api/v1/awards')
        .set(s.admin.auth)
        .send({ year })
        .expect(201)
        .expect((r) => expect(r.body.rubric.rulesVersion).toBe('kma-data-2026.1'));
      const coverage = await http()
        .get(`/api/v1/opds/BPSDM/knowledge-risk/coverage?year=${year}`)
        .set(s.assessor.auth)
        .expect(200);
      const drill = await http()
        .get(`/api/v1/awards/${year}/scores/BPSDM`)
        .set(s.assessor.auth)
        .expect(200);
      const input = (
        drill.body.aspects.keberlanjutan.inputs as { key: string; raw: number | null }[]
      ).find((i) => i.key === 'atRiskCoverage');
      expect(input?.raw).toBe(coverage.body.coverage);

      // A year whose rubric still names the first rules, finalised: coverage never enters it.
      const old = year - 1;
      await t.ds.query(`INSERT INTO award_years (year) VALUES ($1)`, [old]);
      await t.ds.query(
        `INSERT INTO award_rubrics (year, version, aspect_weights, data_weights, winners, rules_version)
         SELECT $1, 1, aspect_weights, data_weights, winners, 'kma-data-2025.1' FROM award_rubrics WHERE year = $2`,
        [old, year],
      );
      await http().post(`/api/v1/awards/${old}/finalize`).set(s.admin.auth).expect(200);
      const frozen = await http()
        .get(`/api/v1/awards/${old}/scores/BPSDM`)
        .set(s.assessor.auth)
        .expect(200);
      const frozenInput = (
        frozen.body.aspects.keberlanjutan.inputs as { key: string; raw: number | null }[]
      ).find((i) => i.key === 'atRiskCoverage');
      expect(frozenInput?.raw).toBeNull();
      // The register has a coverage for that year, which the old rules do not take.
      const thatYear = await http()
        .get(`/api/v1/opds/BPSDM/knowledge-risk/coverage?year=${old}`)
        .set(s.assessor.auth)
        .expect(200);
      expect(thatYear.body.coverage).not.toBeNull();
      await publishInterview((await givenHighRiskPerson(t.ds)).id, ['anggaran']);
      const restated = await http()
        .get(`/api/v1/awards/${old}/restatement`)
        .set(s.admin.auth)
        .expect(200);
      const inputs = (restated.body.changes as { inputs: { input: string }[] }[]).flatMap(
        (c) => c.inputs,
      );
      expect(inputs.map((i) => i.input)).not.toContain('atRiskCoverage');
      const snapshot = await t.ds.query<{ rules_version: string }[]>(
        `SELECT rules_version FROM award_snapshots WHERE year = $1`,
        [old],
      );
      expect(snapshot).toEqual([{ rules_version: 'kma-data-2025.1' }]);
    });
  });

  describe('the rubric upgrade (migration AwardCoverageRules1765411200000)', () => {
    it('gives open years a new rubric version on the new rules and leaves finalised years alone', async () => {
      const { aspectWeights, dataWeights } = DEFAULT_RUBRIC;
      for (const [year, finalized] of [
        [2019, false],
        [2018, true],
      ] as const) {
        await t.ds.query(`INSERT INTO award_years (year, finalized_at) VALUES ($1, $2)`, [
          year,
          finalized ? new Date() : null,
        ]);
        await t.ds.query(
          `INSERT INTO award_rubrics (year, version, aspect_weights, data_weights, winners, rules_version)
           VALUES ($1, 1, $2, $3, 15, 'kma-data-2025.1')`,
          [year, JSON.stringify(aspectWeights), JSON.stringify(dataWeights)],
        );
      }
      const runner = t.ds.createQueryRunner();
      try {
        await new AwardCoverageRules1765411200000().up(runner);
      } finally {
        await runner.release();
      }
      const rubrics = await t.ds.query<
        { year: number; version: number; rules_version: string; current: number }[]
      >(
        `SELECT r.year, r.version, r.rules_version, y.rubric_version AS current
           FROM award_rubrics r JOIN award_years y ON y.year = r.year
          WHERE r.year IN (2018, 2019) ORDER BY r.year, r.version`,
      );
      expect(rubrics).toEqual([
        { year: 2018, version: 1, rules_version: 'kma-data-2025.1', current: 1 },
        { year: 2019, version: 1, rules_version: 'kma-data-2025.1', current: 2 },
        { year: 2019, version: 2, rules_version: 'kma-data-2026.1', current: 2 },
      ]);
    });
  });
});
