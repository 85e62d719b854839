import { wibPeriod } from '@lumbung/platform';
import { UsageRollupService } from '@lumbung/metrics';
import {
  givenAsset,
  givenCop,
  givenMember,
  givenUser,
  type GivenUser,
  insertUsageEvents,
  login,
  type Session,
} from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

interface AssetRef {
  id: string;
  title: string;
  type: string;
  opdCode: string;
}

/**
 * What Profil saya and Beranda read about the caller's own use: their endorsements and reuse
 * reports (never anyone else's, never naming an asset they can no longer read), and the assets
 * used most this Triwulan among those they may read.
 */
describe('my endorsements, my reuse reports and the most used assets of the Triwulan', () => {
  let t: TestApp;
  let author: Session;
  let verifier: Session;
  let readerUser: GivenUser;
  let reader: Session;
  let other: Session;
  let dinkesUser: GivenUser;
  let dinkes: Session;

  const story = (n: number) =>
    `Kami terapkan panduan nomor ${n} ini pada layanan kepegawaian bulan lalu.`;
  const publish = (body: Record<string, unknown>) =>
    givenAsset(t.http, author, verifier, 'published', body);
  const endorse = (s: Session, id: string) =>
    t.http().post(`/api/v1/assets/${id}/endorsement`).set(s.auth).expect(200);
  const report = async (s: Session, id: string, text: string) => {
    await t.http().get(`/api/v1/assets/${id}`).set(s.auth).expect(200);
    await t
      .http()
      .post(`/api/v1/assets/${id}/reuse-reports`)
      .set(s.auth)
      .send({ story: text })
      .expect(201);
  };

  beforeAll(async () => {
    t = await createTestApp();
    author = await login(t.http, await givenUser(t.ds));
    verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    readerUser = await givenUser(t.ds, { name: 'Rina Pembaca' });
    reader = await login(t.http, readerUser);
    other = await login(t.http, await givenUser(t.ds));
    dinkesUser = await givenUser(t.ds, { opd: 'DINKES' });
    dinkes = await login(t.http, dinkesUser);
  });
  afterAll(() => t.close());

  it('answers 401 without a token and 400 on a bad page', async () => {
    await t.http().get('/api/v1/me/endorsements').expect(401);
    await t.http().get('/api/v1/me/reuse-reports').expect(401);
    await t.http().get('/api/v1/metrics/popular-assets').expect(401);
    await t.http().get('/api/v1/me/endorsements').query({ page: '0' }).set(reader.auth).expect(400);
    const big = await t
      .http()
      .get('/api/v1/metrics/popular-assets')
      .query({ limit: '21' })
      .set(reader.auth)
      .expect(400);
    expect(big.body.details).toEqual([{ field: 'limit', problems: ['max'] }]);
  });

  it('lists my endorsements and reuse reports newest first, and not someone else’s', async () => {
    const a = await publish({ title: 'Panduan pertama' });
    const b = await publish({ title: 'Panduan kedua', type: 'pelajaran' });
    await endorse(reader, a);
    await endorse(reader, b);
    await endorse(other, a);
    await t.ds.query(
      `UPDATE asset_endorsements SET created_at = now() - interval '1 day' WHERE asset_id = $1 AND user_id = $2`,
      [a, readerUser.id],
    );
    await report(reader, a, story(1));
    await report(other, b, story(2));

    const mine = await t.http().get('/api/v1/me/endorsements').set(reader.auth).expect(200);
    expect(mine.body).toMatchObject({ total: 2, page: 1, limit: 20 });
    const items = mine.body.items as { asset: AssetRef; endorsedAt: string }[];
    expect(items.map((i) => i.asset)).toEqual([
      { id: b, title: 'Panduan kedua', type: 'pelajaran', opdCode: 'BPSDM' },
      { id: a, title: 'Panduan pertama', type: 'pelajaran', opdCode: 'BPSDM' },
    ]);
    const [stored] = await t.ds.query<{ created_at: Date }[]>(
      `SELECT created_at FROM asset_endorsements WHERE asset_id = $1 AND user_id = $2`,
      [a, readerUser.id],
    );
    expect(items[1].endorsedAt).toBe(stored.created_at.toISOString());

    const reports = await t.http().get('/api/v1/me/reuse-reports').set(reader.auth).expect(200);
    expect(reports.body.total).toBe(1);
    expect(reports.body.items).toEqual([
      expect.objectContaining({
        story: story(1),
        asset: { id: a, title: 'Panduan pertama', type: 'pelajaran', opdCode: 'BPSDM' },
      }),
    ]);
    const none = await t.http().get('/api/v1/me/reuse-reports').set(dinkes.auth).expect(200);
    expect(none.body).toEqual({ items: [], total: 0, page: 1, limit: 20 });
  });

  it('never names an asset I can no longer read (I left its CoP), but still lists my own entry', async () => {
    const lead = await givenUser(t.ds);
    const copId = await givenCop(t.ds, lead);
    await givenMember(t.ds, copId, readerUser);
    const leadSession = await login(t.http, lead);
    const secret = await givenAsset(t.http, leadSession, verifier, 'published', {
      title: 'Rahasia komunitas',
      visibility: 'cop',
      copId,
    });
    await endorse(reader, secret);
    await report(reader, secret, story(3));
    const before = await t.http().get('/api/v1/me/endorsements').set(reader.auth).expect(200);
    expect(JSON.stringify(before.body)).toContain('Rahasia komunitas');

    await t.ds.query(
      `UPDATE cop_memberships SET left_at = now() WHERE cop_id = $1 AND user_id = $2`,
      [copId, readerUser.id],
    );
    const endorsements = await t.http().get('/api/v1/me/endorsements').set(reader.auth).expect(200);
    const reports = await t.http().get('/api/v1/me/reuse-reports').set(reader.auth).expect(200);
    for (const body of [endorsements.body, reports.body]) {
      expect(JSON.stringify(body)).not.toContain('Rahasia komunitas');
      expect(JSON.stringify(body)).not.toContain(secret);
    }
    expect(endorsements.body.items[0]).toEqual({
      asset: null,
      endorsedAt: expect.any(String) as string,
    });
    expect(reports.body.items[0]).toMatchObject({ story: story(3), asset: null });
  });

  it('ranks the readable assets used most this Triwulan, without counts, and never one the caller may not read', async () => {
    const rollups = t.app.get(UsageRollupService);
    const readers = await Promise.all([1, 2, 3, 4].map(() => givenUser(t.ds)));
    const dinkesAuthor = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
    const dinkesVerifier = await login(
      t.http,
      await givenUser(t.ds, { opd: 'DINKES', roles: ['verifier'] }),
    );
    const most = await publish({ title: 'Dipakai paling banyak' });
    const some = await publish({ title: 'Dipakai sedikit', visibility: 'publik' });
    const hidden = await givenAsset(t.http, dinkesAuthor, dinkesVerifier, 'published', {
      title: 'Hanya untuk DINKES',
      visibility: 'opd',
    });
    const stale = await publish({ title: 'Ramai triwulan lalu' });
    const now = new Date();
    const thisQuarter = [new Date(now.getTime() - 60_000).toISOString()];
    await insertUsageEvents(t.ds, most, readers.slice(0, 3), thisQuarter);
    await insertUsageEvents(t.ds, some, readers.slice(0, 1), thisQuarter);
    await insertUsageEvents(t.ds, hidden, [...readers, dinkesUser], thisQuarter);
    const { year, quarter } = wibPeriod(now);
    const lastQuarter = new Date(Date.UTC(year, (quarter - 1) * 3, 1) - 40 * 86_400_000);
    await insertUsageEvents(t.ds, stale, readers, [lastQuarter.toISOString()]);
    await rollups.foldPending();

    const res = await t
      .http()
      .get('/api/v1/metrics/popular-assets')
      .query({ limit: '20' })
      .set(reader.auth)
      .expect(200);
    expect(res.body).toMatchObject({ year, quarter });
    const items = res.body.items as (AssetRef & { publishedAt: string })[];
    // Earlier tests' reads and reports are this Triwulan's too: look at this test's assets.
    const ours = items.filter((i) => [most, some, hidden, stale].includes(i.id));
    expect(ours.map((i) => i.id)).toEqual([most, some]);
    expect(ours[0]).toEqual({
      id: most,
      title: 'Dipakai paling banyak',
      type: 'pelajaran',
      opdCode: 'BPSDM',
      publishedAt: expect.any(String) as string,
    });
    expect(JSON.stringify(res.body)).not.toContain('Hanya untuk DINKES');
    const theirs = await t
      .http()
      .get('/api/v1/metrics/popular-assets')
      .query({ limit: '1' })
      .set(dinkes.auth)
      .expect(200);
    expect((theirs.body.items as AssetRef[]).map((i) => i.id)).toEqual([hidden]);
  });
});
