import { UsageRollupService, PseudonymiseService } from '@lumbung/metrics';
import {
  givenUser,
  type GivenUser,
  insertUsageEvents,
  login,
  publishAsset,
  type Session,
} from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

interface DailyRow {
  views: number;
  anonymous_views: number;
  unique_readers: number;
  downloads: number;
  endorsements: number;
  reuse_reports: number;
  search_clicks: number;
  shares: number;
}

const RATE = 60;

describe('usage metrics: capture, counting rules, rollups and the metrics API', () => {
  let t: TestApp;
  let rollups: UsageRollupService;
  let author: Session;
  let authorUser: GivenUser;
  let verifier: Session;
  let readerA: Session;
  let readerB: Session;
  let readerAUser: GivenUser;
  let dinkesReader: Session;
  let assessor: Session;
  let admin: Session;

  const publish = (body: Record<string, unknown> = {}) =>
    publishAsset(t.http, author, verifier, {
      title: 'Pelajaran penyusunan anggaran',
      visibility: 'internal',
      ...body,
    });
  const view = (s: Session | undefined, id: string) => {
    const req = t.http().get(`/api/v1/assets/${id}`);
    return s ? req.set(s.auth) : req;
  };
  const today = async (): Promise<string> =>
    (
      await t.ds.query<{ d: string }[]>(
        `SELECT (now() AT TIME ZONE 'Asia/Jakarta')::date::text AS d`,
      )
    )[0].d;
  const daily = async (assetId: string): Promise<DailyRow> => {
    const rows = await t.ds.query<DailyRow[]>(
      `SELECT coalesce(sum(views),0)::int AS views, coalesce(sum(anonymous_views),0)::int AS anonymous_views,
              coalesce(sum(unique_readers),0)::int AS unique_readers, coalesce(sum(downloads),0)::int AS downloads,
              coalesce(sum(endorsements),0)::int AS endorsements, coalesce(sum(reuse_reports),0)::int AS reuse_reports,
              coalesce(sum(search_clicks),0)::int AS search_clicks, coalesce(sum(shares),0)::int AS shares
         FROM usage_daily_asset WHERE asset_id = $1`,
      [assetId],
    );
    return rows[0];
  };
  const events = async (assetId: string, type = 'view') =>
    (
      await t.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM usage_events WHERE asset_id = $1 AND type = $2`,
        [assetId, type],
      )
    )[0].n;
  const rawViews = (assetId: string, user: GivenUser | null, times: string[], type = 'view') =>
    insertUsageEvents(t.ds, assetId, [user], times, { type });
  /** Every rollup table, row by row, as text (tag, row), in a stable order. */
  const snapshot = async () =>
    t.ds.query<{ t: string; r: string }[]>(
      [
        ['d', 'SELECT * FROM usage_daily_asset ORDER BY day, asset_id'],
        ['o', 'SELECT * FROM usage_daily_opd ORDER BY day, asset_opd_id'],
        ['r', 'SELECT * FROM usage_daily_asset_readers ORDER BY day, asset_id, reader_opd_id'],
        ['p', 'SELECT * FROM usage_period_readers ORDER BY period, asset_opd_id, user_id'],
        [
          'c',
          'SELECT * FROM usage_period_reader_counts ORDER BY period, asset_opd_id, reader_opd_id',
        ],
        ['k', 'SELECT * FROM usage_period_clicked ORDER BY period, asset_opd_id, asset_id'],
        [
          'a',
          'SELECT day, kind, asset_id, actor_user_id, value, total FROM usage_anomalies ORDER BY day, kind, asset_id, actor_user_id',
        ],
      ]
        .map(([tag, sql]) => `SELECT '${tag}' AS t, row_to_json(x)::text AS r FROM (${sql}) x`)
        .join(' UNION ALL ') + ' ORDER BY 1, 2',
    );

  beforeAll(async () => {
    t = await createTestApp({ USAGE_EVENTS_PER_MINUTE: String(RATE), TRUST_PROXY_HOPS: '1' });
    rollups = t.app.get(UsageRollupService);
    authorUser = await givenUser(t.ds, { name: 'Penulis Aset' });
    author = await login(t.http, authorUser);
    verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    readerAUser = await givenUser(t.ds);
    readerA = await login(t.http, readerAUser);
    readerB = await login(t.http, await givenUser(t.ds));
    dinkesReader = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
    assessor = await login(t.http, await givenUser(t.ds, { roles: ['assessor'] }));
    admin = await login(t.http, await givenUser(t.ds, { roles: ['admin'] }));
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('capture and counting rules', () => {
    it('counts ten views by one user within 20 seconds once', async () => {
      const id = await publish();
      for (let i = 0; i < 10; i += 1) await view(readerA, id).expect(200);
      expect(await events(id)).toBe(10);
      await rollups.foldPending();
      expect(await daily(id)).toMatchObject({ views: 1, unique_readers: 1 });
    });

    it('applies the 30-second double-click rule: 29 s apart once, 31 s apart twice, a 1-second chain once', async () => {
      const a = await publish();
      const b = await publish();
      const c = await publish();
      await rawViews(a, readerAUser, ['2025-05-06T03:00:00Z', '2025-05-06T03:00:29Z']);
      await rawViews(b, readerAUser, ['2025-05-06T03:00:00Z', '2025-05-06T03:00:31Z']);
      await rawViews(
        c,
        readerAUser,
        Array.from({ length: 20 }, (_, i) => `2025-05-06T03:00:${String(i).padStart(2, '0')}Z`),
      );
      await rollups.foldDay(undefined, '2025-05-06');
      expect((await daily(a)).views).toBe(1);
      expect((await daily(b)).views).toBe(2);
      expect((await daily(c)).views).toBe(1);
      // Readers are distinct users per day whatever the clicks.
      expect((await daily(b)).unique_readers).toBe(1);
    });

    it('counts two users viewing once each as two readers', async () => {
      const id = await publish();
      await view(readerA, id).expect(200);
      await view(readerB, id).expect(200);
      await rollups.foldPending();
      expect(await daily(id)).toMatchObject({ views: 2, unique_readers: 2 });
    });

    it("never counts the author's own views or downloads, nor admins and assessors", async () => {
      const id = await publish();
      for (let i = 0; i < 5; i += 1) await view(author, id).expect(200);
      await view(admin, id).expect(200);
      await view(assessor, id).expect(200);
      expect(await events(id)).toBe(7);
      await rollups.foldPending();
      expect(await daily(id)).toMatchObject({ views: 0, unique_readers: 0 });
      const excluded = await t.ds.query<{ excluded: string; n: number }[]>(
        `SELECT excluded, count(*)::int AS n FROM usage_events WHERE asset_id = $1 GROUP BY 1 ORDER BY 1`,
        [id],
      );
      expect(excluded).toEqual([
        { excluded: 'author', n: 5 },
        { excluded: 'staff', n: 2 },
      ]);
    });

    it('counts anonymous views of a publik asset as views but never as readers', async () => {
      const id = await publish({ visibility: 'publik' });
      await view(undefined, id).set('User-Agent', 'Mozilla/5.0 Firefox/140').expect(200);
      await view(undefined, id).set('User-Agent', 'Mozilla/5.0 Chrome/150').expect(200);
      await rollups.foldPending();
      expect(await daily(id)).toMatchObject({ views: 2, anonymous_views: 2, unique_readers: 0 });
      const [row] = await t.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM usage_daily_asset_readers WHERE asset_id = $1`,
        [id],
      );
      expect(row.n).toBe(0);
    });

    it('records nothing for robots, HEAD requests, unreadable assets or drafts', async () => {
      const id = await publish();
      await view(readerA, id)
        .set('User-Agent', 'Googlebot/2.1 (+http://www.google.com/bot.html)')
        .expect(200);
      await view(readerA, id).set('User-Agent', 'WhatsApp/2.23').expect(200);
      await t.http().head(`/api/v1/assets/${id}`).set(readerA.auth).expect(200);
      const restricted = await publish({ visibility: 'opd' });
      await view(dinkesReader, restricted).expect(404);
      const draft = await t
        .http()
        .post('/api/v1/assets')
        .set(author.auth)
        .send({ type: 'dokumen', title: 'Draf', visibility: 'internal' })
        .expect(201);
      await view(author, draft.body.id as string).expect(200);
      expect(await events(id)).toBe(0);
      expect(await events(restricted)).toBe(0);
      expect(await events(draft.body.id as string)).toBe(0);
    });

    it('counts a download once per user, not a failed one', async () => {
      const id = await publish();
      const up = await t
        .http()
        .post(`/api/v1/assets/${id}/attachments`)
        .set(author.auth)
        .attach('files', Buffer.from('Catatan rapat anggaran.\n'), 'catatan.txt')
        .expect(201);
      const fileId = (up.body as { id: string }[])[0].id;
      await t.http().get(`/api/v1/attachments/${fileId}`).set(readerA.auth).expect(200);
      await t.http().get(`/api/v1/attachments/${fileId}`).set(readerA.auth).expect(200);
      await t.http().get(`/api/v1/attachments/${fileId}`).set(dinkesReader.auth).expect(200);
      await t
        .http()
        .get(`/api/v1/attachments/00000000-0000-4000-8000-000000000000`)
        .set(readerA.auth)
        .expect(404);
      await rollups.foldPending();
      expect(await daily(id)).toMatchObject({ downloads: 2, unique_readers: 2 });
    });

    it('stores server time and the WIB day, whatever the client says', async () => {
      const id = await publish();
      await view(readerA, id).set('Date', 'Tue, 01 Jan 2019 00:00:00 GMT').expect(200);
      const [row] = await t.ds.query<{ ok: boolean; fresh: boolean }[]>(
        `SELECT occurred_on = (occurred_at AT TIME ZONE 'Asia/Jakarta')::date AS ok,
                occurred_at > now() - interval '1 minute' AS fresh
           FROM usage_events WHERE asset_id = $1`,
        [id],
      );
      expect(row).toEqual({ ok: true, fresh: true });
    });

    it('keeps the raw log append-only for the application', async () => {
      await expect(t.ds.query(`UPDATE usage_events SET type = 'share'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(t.ds.query(`DELETE FROM usage_events`)).rejects.toThrow(/append-only/);
    });

    it('answers 429 when one account reads faster than the limit, and counts none of the excess', async () => {
      const reader = await login(t.http, await givenUser(t.ds));
      const ids = await Promise.all([publish(), publish(), publish()]);
      const statuses: number[] = [];
      for (let i = 0; i < RATE + 5; i += 1) statuses.push((await view(reader, ids[i % 3])).status);
      expect(statuses.slice(0, RATE).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(RATE)).toEqual([429, 429, 429, 429, 429]);
      const [row] = await t.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM usage_events WHERE actor_key = (SELECT actor_key FROM usage_events
           WHERE asset_id = $1 AND actor_user_id IS NOT NULL AND excluded IS NULL ORDER BY id DESC LIMIT 1)`,
        [ids[0]],
      );
      expect(row.n).toBe(RATE);
    });

    it('counts 30 distinct users viewing concurrently exactly 30 times', async () => {
      const id = await publish();
      const users = await Promise.all(
        Array.from({ length: 30 }, async () =>
          login(t.http, await givenUser(t.ds, { opd: 'DISDIK' })),
        ),
      );
      await Promise.all(users.map((s) => view(s, id).expect(200)));
      await rollups.foldPending();
      expect(await daily(id)).toMatchObject({ views: 30, unique_readers: 30 });
    });
  });

  describe('endorsements, reuse reports and shares', () => {
    it('endorses once per user, can be withdrawn, and the author cannot endorse', async () => {
      const id = await publish();
      const url = `/api/v1/assets/${id}/endorsement`;
      await t.http().post(url).set(readerA.auth).expect(200, { endorsed: true, endorsements: 1 });
      await t.http().post(url).set(readerA.auth).expect(200, { endorsed: true, endorsements: 1 });
      await t.http().post(url).set(readerB.auth).expect(200, { endorsed: true, endorsements: 2 });
      await t
        .http()
        .delete(url)
        .set(readerB.auth)
        .expect(200, { endorsed: false, endorsements: 1 });
      await t.http().get(url).set(readerB.auth).expect(200, { endorsed: false, endorsements: 1 });
      const own = await t.http().post(url).set(author.auth).expect(409);
      expect(own.body.code).toBe('OWN_ASSET');
      await t.http().post(url).set(assessor.auth).expect(403);
      expect(await events(id, 'endorse')).toBe(2);
      expect(await events(id, 'endorse_withdraw')).toBe(1);
      await rollups.foldPending();
      expect((await daily(id)).endorsements).toBe(1);
    });

    it('refuses a reuse report before the reporter viewed the asset, then takes one per person', async () => {
      const id = await publish();
      const url = `/api/v1/assets/${id}/reuse-reports`;
      const story = 'Kami terapkan templat anggaran ini di Dinas Kesehatan untuk RKA 2026.';
      const refused = await t.http().post(url).set(dinkesReader.auth).send({ story }).expect(409);
      expect(refused.body.code).toBe('VIEW_REQUIRED');
      await view(dinkesReader, id).expect(200);
      const short = await t
        .http()
        .post(url)
        .set(dinkesReader.auth)
        .send({ story: 'terlalu pendek' })
        .expect(400);
      expect(short.body.code).toBe('VALIDATION_FAILED');
      const made = await t.http().post(url).set(dinkesReader.auth).send({ story }).expect(201);
      expect(made.body).toMatchObject({ story, reporter: { opdCode: 'DINKES' } });
      const again = await t.http().post(url).set(dinkesReader.auth).send({ story }).expect(409);
      expect(again.body.code).toBe('REUSE_REPORT_EXISTS');
      await view(author, id).expect(200);
      expect(
        (await t.http().post(url).set(author.auth).send({ story }).expect(409)).body.code,
      ).toBe('OWN_ASSET');
      const list = await t.http().get(url).set(readerA.auth).expect(200);
      expect(list.body).toHaveLength(1);
      expect(JSON.stringify(list.body)).not.toMatch(/nip|email/i);
      await rollups.foldPending();
      const [row] = await t.ds.query<{ r: number; o: number }[]>(
        `SELECT sum(reuse_reports)::int AS r, sum(reuse_reports_other_opd)::int AS o FROM usage_daily_asset WHERE asset_id = $1`,
        [id],
      );
      expect(row).toEqual({ r: 1, o: 1 });
    });

    it('stores a retried share with the same Idempotency-Key once, and accepts only client event types', async () => {
      const id = await publish();
      const send = (key?: string) => {
        const req = t.http().post('/api/v1/events').set(readerA.auth);
        return (key ? req.set('Idempotency-Key', key) : req).send({ type: 'share', assetId: id });
      };
      await send('share-key-0001').expect(202, { recorded: true });
      await send('share-key-0001').expect(202, { recorded: false });
      await send('share-key-0002').expect(202, { recorded: true });
      await send('bad key!').expect(400);
      const forged = await t
        .http()
        .post('/api/v1/events')
        .set(readerA.auth)
        .send({ type: 'view', assetId: id })
        .expect(400);
      expect(forged.body.code).toBe('VALIDATION_FAILED');
      const hidden = await publish({ visibility: 'opd' });
      await t
        .http()
        .post('/api/v1/events')
        .set(dinkesReader.auth)
        .send({ type: 'share', assetId: hidden })
        .expect(404);
      expect(await events(id, 'share')).toBe(2);
    });
  });

  describe('rollups', () => {
    it('loses nothing when the rollup did not run: a later fold equals a rebuild from the raw log', async () => {
      const id = await publish();
      await view(readerA, id).expect(200);
      await view(readerB, id).expect(200);
      await view(dinkesReader, id).expect(200);
      // "Crash": events are stored, no rollup ran. The next fold catches up.
      await rollups.foldPending();
      const day = await today();
      await rollups.foldDay(undefined, day);
      const incremental = await snapshot();
      await rollups.rebuild(day, day);
      expect(await snapshot()).toEqual(incremental);
      expect(await daily(id)).toMatchObject({ views: 3, unique_readers: 3 });
    });

    it('puts quarters on WIB boundaries: 31 March 17:30 UTC is Triwulan II', async () => {
      const id = await publish();
      const early = await givenUser(t.ds);
      await rawViews(id, early, ['2025-03-31T16:59:00Z']);
      const late = await givenUser(t.ds);
      await rawViews(id, late, ['2025-03-31T17:30:00Z']);
      await rollups.rebuild('2025-03-31', '2025-04-01');
      const rows = await t.ds.query<{ period: string; n: number }[]>(
        `SELECT period, count(*)::int AS n FROM usage_period_readers
          WHERE period IN ('2025-Q1', '2025-Q2') AND user_id = ANY($1) GROUP BY period ORDER BY period`,
        [[early.id, late.id]],
      );
      expect(rows).toEqual([
        { period: '2025-Q1', n: 1 },
        { period: '2025-Q2', n: 1 },
      ]);
      const days = await t.ds.query<{ day: string }[]>(
        `SELECT day::text AS day FROM usage_daily_asset WHERE asset_id = $1 ORDER BY day`,
        [id],
      );
      expect(days.map((d) => d.day)).toEqual(['2025-03-31', '2025-04-01']);
    });

    it('re-running a day gives the same numbers', async () => {
      const id = await publish();
      await view(readerA, id).expect(200);
      await view(readerB, id).expect(200);
      const day = await today();
      await rollups.foldDay(undefined, day);
      const once = await snapshot();
      expect(once.some((row) => row.r.includes(id))).toBe(true);
      await rollups.foldDay(undefined, day);
      await rollups.foldDay(undefined, day);
      expect(await snapshot()).toEqual(once);
      expect(await daily(id)).toMatchObject({ views: 2, unique_readers: 2 });
    });

    it('pseudonymises raw events after the retention period without changing the rollups', async () => {
      const id = await publish();
      const old = await givenUser(t.ds, { opd: 'DINKES' });
      await rawViews(id, old, ['2022-02-10T03:00:00Z', '2022-02-11T03:00:00Z']);
      await rawViews(id, readerAUser, ['2022-02-10T04:00:00Z']);
      await rollups.rebuild('2022-02-10', '2022-02-11');
      const before = await snapshot();
      const result = await t.app.get(PseudonymiseService).run();
      expect(result.events).toBeGreaterThanOrEqual(3);
      const leftovers = await t.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM usage_events WHERE occurred_on < '2023-01-01' AND actor_user_id = ANY($1)`,
        [[old.id, readerAUser.id]],
      );
      expect(leftovers[0].n).toBe(0);
      const after = await snapshot();
      const counts = (rows: { t: string; r: string }[]) =>
        rows.filter((r) => 'docrk'.includes(r.t)).map((r) => r.r);
      expect(counts(after)).toEqual(counts(before));
      const [q] = await t.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM usage_period_readers WHERE period = '2022-Q1' AND user_id = ANY($1)`,
        [[old.id, readerAUser.id]],
      );
      expect(q.n).toBe(0);
      // Rebuilding a pseudonymised period from the raw log still gives the same rollups.
      await rollups.rebuild('2022-02-10', '2022-02-11');
      expect(await snapshot()).toEqual(after);
    });
  });

  describe('metrics API and anomaly flags', () => {
    it('flags exactly the seeded causes: one month far above the asset’s baseline and one account dominating it for three days', async () => {
      const reader = await givenUser(t.ds, { opd: 'BAPENDA' });
      const other = await givenUser(t.ds, { opd: 'DINKES' });
      const author = await login(t.http, await givenUser(t.ds, { opd: 'BAPENDA' }));
      const verifier = await login(
        t.http,
        await givenUser(t.ds, { opd: 'BAPENDA', roles: ['verifier'] }),
      );
      const id = await publishAsset(t.http, author, verifier, {
        title: 'Panduan Keberatan PBB',
        visibility: 'internal',
      });
      const at = (day: string, n: number, from = 0) =>
        Array.from(
          { length: n },
          (_, i) =>
            `${day}T0${Math.floor((i + from) / 10)}:${String(((i + from) % 10) * 5).padStart(2, '0')}:00Z`,
        );
      // 2024: a quiet young asset (5 views a quarter, 25 in October by two readers).
      for (const month of ['01', '04', '07']) await rawViews(id, reader, at(`2024-${month}-15`, 5));
      await rawViews(id, reader, at('2024-10-15', 15));
      await rawViews(id, other, at('2024-10-16', 10));
      // 2025-02: one account reads it 30 times a day on Mon 3 – Wed 5 (one cause, three days),
      // and 10 times a day on 14 more days: 240 views in the month against a baseline of 35
      // views over the 12 months before (2.92 a month, so the limit is 3 × 2.92 + 100).
      for (const day of ['03', '04', '05']) await rawViews(id, reader, at(`2025-02-${day}`, 30));
      for (let d = 10; d < 24; d++) await rawViews(id, reader, at(`2025-02-${d}`, 10));
      // A second reader matching the first on one day: no account has more than half, no flag.
      await rawViews(id, other, at('2025-02-20', 10, 10));
      await rollups.rebuild('2024-01-01', '2025-03-31');
      const res = await t
        .http()
        .get('/api/v1/metrics/opds/BAPENDA?year=2025')
        .set(assessor.auth)
        .expect(200);
      const flags = res.body.anomalies as {
        id: string;
        kind: string;
        severity: string;
        period: string;
        message: { id: string };
        evidence: Record<string, unknown>;
      }[];
      expect(flags.map((a) => `${a.kind}:${a.period}:${a.severity}`)).toEqual([
        'spike:2025-02:high',
        'concentration:2025-02-03:high',
      ]);
      const [spike, concentration] = flags;
      expect(spike.evidence).toMatchObject({
        views: 240,
        average: 2.92,
        threshold: 108.75,
        months: [{ month: '2025-02', views: 240, average: 2.92, threshold: 108.75 }],
        asset: { id, title: 'Panduan Keberatan PBB', restricted: false },
      });
      expect((spike.evidence.history as unknown[]).length).toBe(12);
      expect(spike.message.id).toContain('melonjak pada Februari 2025: 240 tayangan');
      expect(concentration.evidence).toMatchObject({
        day: '2025-02-03',
        lastDay: '2025-02-05',
        days: 3,
        value: 90,
        total: 90,
        accountOpdCode: 'BAPENDA',
        asset: { id, restricted: false },
      });
      expect(concentration.message.id).toContain(
        'menghasilkan 90 dari 90 tayangan (100 %) aset «Panduan Keberatan PBB» dalam 3 hari antara 3 Februari 2025 dan 5 Februari 2025',
      );
      // The pseudonym never names the account.
      expect(JSON.stringify(flags)).not.toContain(reader.id);
      // Flags never change the numbers.
      expect(res.body.quarters[0]).toMatchObject({ quarter: 1, views: 240 });
      const all = await t
        .http()
        .get('/api/v1/metrics/anomalies?year=2025')
        .set(assessor.auth)
        .expect(200);
      const listed = all.body as { id: string; opdCode: string; severity: string }[];
      expect(listed.filter((a) => a.opdCode === 'BAPENDA').map((a) => a.id)).toEqual(
        flags.map((a) => a.id),
      );
      const rank = { high: 0, medium: 1, low: 2 } as Record<string, number>;
      expect(listed.map((a) => rank[a.severity])).toEqual(
        listed.map((a) => rank[a.severity]).sort((x, y) => x - y),
      );
      await t.http().get('/api/v1/metrics/anomalies?year=2025').set(readerA.auth).expect(403);
    });

    it('shows every OPD to assessors and only their own OPD to members', async () => {
      const all = await t
        .http()
        .get('/api/v1/metrics/opds?year=2025')
        .set(assessor.auth)
        .expect(200);
      expect(all.body).toHaveLength(51);
      const row = (all.body as { opdCode: string }[]).find((r) => r.opdCode === 'BPSDM');
      expect(Object.keys(row ?? {})).toEqual(
        expect.arrayContaining([
          'opdCode',
          'opdName',
          'headcount',
          'publishedAssets',
          'meanCompleteness',
          'tacitShare',
          'freshShare',
          'internalReach',
          'internalReachPercent',
          'otherOpdsReached',
          'uniqueDownloadsPerAsset',
          'searchClickedShare',
          'meetings',
          'distinctAttendees',
          'crossOpdMeetings',
          'activeQuarters',
          'endorsements',
          'reuseReports',
          'reuseReportsOtherOpd',
        ]),
      );
      const own = await t
        .http()
        .get('/api/v1/metrics/opds?year=2025')
        .set(readerA.auth)
        .expect(200);
      expect((own.body as { opdCode: string }[]).map((r) => r.opdCode)).toEqual(['BPSDM']);
      await t.http().get('/api/v1/metrics/opds/DINKES?year=2025').set(readerA.auth).expect(404);
      await t.http().get('/api/v1/metrics/opds/BPSDM?year=2025').set(readerA.auth).expect(200);
      await t.http().get('/api/v1/metrics/opds?year=2025').expect(401);
      await t.http().get('/api/v1/metrics/opds?year=abc').set(assessor.auth).expect(400);
      await t.http().get('/api/v1/metrics/opds?year=2025&quarter=5').set(assessor.auth).expect(400);
    });

    it('computes reach from the quarter reader sets: internal readers ÷ headcount, other OPDs reached', async () => {
      await t.ds.query(`UPDATE opds SET headcount = 10 WHERE code = 'DISPUSIP'`);
      const a = await login(t.http, await givenUser(t.ds, { opd: 'DISPUSIP' }));
      const v = await login(
        t.http,
        await givenUser(t.ds, { opd: 'DISPUSIP', roles: ['verifier'] }),
      );
      const id = await publishAsset(t.http, a, v, {
        title: 'Arsip digital',
        visibility: 'internal',
      });
      const colleagues = await Promise.all(
        [1, 2, 3].map(async () => login(t.http, await givenUser(t.ds, { opd: 'DISPUSIP' }))),
      );
      for (const s of [...colleagues, readerA, dinkesReader]) await view(s, id).expect(200);
      await rollups.foldPending();
      const year = Number((await today()).slice(0, 4));
      const res = await t
        .http()
        .get(`/api/v1/metrics/opds?year=${year}`)
        .set(admin.auth)
        .expect(200);
      const row = (res.body as Record<string, number | string>[]).find(
        (r) => r.opdCode === 'DISPUSIP',
      );
      expect(row).toMatchObject({
        headcount: 10,
        publishedAssets: 1,
        internalReaders: 3,
        internalReach: 0.3,
        internalReachPercent: 30,
        otherOpdsReached: 2,
        uniqueReaders: 5,
        views: 5,
      });
      // The OPD view's readers by OPD come from the same reader sets: the rows add up to the
      // distinct readers, the OPD's own row is its internal readers, the rest its cross-OPD reach.
      const detail = await t
        .http()
        .get(`/api/v1/metrics/opds/DISPUSIP?year=${year}`)
        .set(admin.auth)
        .expect(200);
      const body = detail.body as {
        opd: Record<string, number>;
        readersByOpd: { opdCode: string; readers: number; quarters: number[] }[];
        definitions: { key: string; label: string; definition: string }[];
      };
      const quarter = Math.floor((Number((await today()).slice(5, 7)) - 1) / 3);
      const inQuarter = (n: number) => [0, 1, 2, 3].map((i) => (i === quarter ? n : 0));
      const readerAOpd = (
        await t.ds.query<{ code: string }[]>(
          `SELECT o.code FROM users u JOIN opds o ON o.id = u.opd_id WHERE u.id = $1`,
          [readerAUser.id],
        )
      )[0].code;
      expect(body.readersByOpd).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ opdCode: 'DISPUSIP', readers: 3, quarters: inQuarter(3) }),
          expect.objectContaining({ opdCode: 'DINKES', readers: 1, quarters: inQuarter(1) }),
          expect.objectContaining({ opdCode: readerAOpd, readers: 1, quarters: inQuarter(1) }),
        ]),
      );
      expect(body.readersByOpd[0]?.opdCode).toBe('DISPUSIP');
      expect(body.readersByOpd.reduce((sum, r) => sum + r.readers, 0)).toBe(body.opd.uniqueReaders);
      expect(body.readersByOpd.filter((r) => r.opdCode !== 'DISPUSIP')).toHaveLength(
        body.opd.otherOpdsReached,
      );
      // Every number the dashboard shows has its one definition, and each names a real field.
      const keys = body.definitions.map((d) => d.key);
      for (const key of ['publishedAssets', 'uniqueReaders', 'internalReachPercent', 'meetings'])
        expect(keys).toContain(key);
      for (const key of keys.filter((k) => k !== 'readersByOpd'))
        expect(body.opd).toHaveProperty(key);
      expect(body.definitions.find((d) => d.key === 'internalReachPercent')?.definition).toMatch(
        /50 %/,
      );
    });

    it('shows one asset’s metrics to its authors, its OPD admins and assessors only', async () => {
      const id = await publish();
      await view(readerA, id).expect(200);
      await view(dinkesReader, id).expect(200);
      await rollups.foldPending();
      const url = `/api/v1/metrics/assets/${id}`;
      const mine = await t.http().get(url).set(author.auth).expect(200);
      expect(mine.body).toMatchObject({
        views: 2,
        uniqueReaders: 2,
        downloads: 0,
        readersByOpd: expect.arrayContaining([
          { opdCode: 'BPSDM', readers: 1 },
          { opdCode: 'DINKES', readers: 1 },
        ]),
      });
      await t.http().get(url).set(assessor.auth).expect(200);
      const opdAdmin = await login(t.http, await givenUser(t.ds, { roles: ['opd_admin'] }));
      await t.http().get(url).set(opdAdmin.auth).expect(200);
      await t.http().get(url).set(readerA.auth).expect(404);
      await t.http().get(`${url}?from=2025-02-30`).set(author.auth).expect(400);
    });

    it('never shows a restricted asset by title in a breakdown', async () => {
      const id = await publish({ visibility: 'opd', title: 'Rahasia internal BPSDM' });
      // Enough colleagues read it to be among the OPD's top assets.
      const colleagues = await Promise.all(
        [1, 2, 3, 4, 5].map(async () => login(t.http, await givenUser(t.ds))),
      );
      for (const s of [readerA, ...colleagues]) await view(s, id).expect(200);
      await rollups.foldPending();
      const year = (await today()).slice(0, 4);
      const outside = await login(
        t.http,
        await givenUser(t.ds, { opd: 'DINKES', roles: ['opd_admin'] }),
      );
      await t.http().get(`/api/v1/metrics/opds/BPSDM?year=${year}`).set(outside.auth).expect(404);
      const own = await t
        .http()
        .get(`/api/v1/metrics/opds/BPSDM?year=${year}`)
        .set(readerA.auth)
        .expect(200);
      expect(JSON.stringify(own.body)).toContain('Rahasia internal BPSDM');
      const otherAdmin = await login(
        t.http,
        await givenUser(t.ds, { opd: 'DINKES', roles: ['admin'] }),
      );
      const adminView = await t
        .http()
        .get(`/api/v1/metrics/opds/BPSDM?year=${year}`)
        .set(otherAdmin.auth)
        .expect(200);
      expect(JSON.stringify(adminView.body)).not.toContain('Rahasia internal BPSDM');
      expect(
        (adminView.body.topAssets as { restricted: boolean }[]).some((a) => a.restricted),
      ).toBe(true);
    });
  });
});
