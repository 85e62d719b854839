import { givenCop, givenUser, login, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const count = async (t: TestApp, sql: string, params: unknown[] = []): Promise<number> =>
  (await t.ds.query<{ n: number }[]>(sql, params))[0].n;

describe('Idempotency-Key on creating routes', () => {
  let t: TestApp;
  let author: Session;
  let authorId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const user = await givenUser(t.ds);
    authorId = user.id;
    author = await login(t.http, user);
  });
  afterAll(() => t.close());

  const createAsset = (key: string | undefined, title: string) => {
    const req = t.http().post('/api/v1/assets').set(author.auth);
    return (key === undefined ? req : req.set('Idempotency-Key', key)).send({
      type: 'pelajaran',
      title,
    });
  };
  const assetsTitled = (title: string) =>
    count(t, `SELECT count(*)::int AS n FROM assets WHERE title = $1`, [title]);

  it('runs a retry with the same key and body once and answers it the same', async () => {
    const first = await createAsset('k-asset-1', 'Pelajaran sekali saja').expect(201);
    const retry = await createAsset('k-asset-1', 'Pelajaran sekali saja').expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await assetsTitled('Pelajaran sekali saja')).toBe(1);
  });

  it('refuses the same key with another body (422 IDEMPOTENCY_KEY_REUSED) and writes nothing', async () => {
    await createAsset('k-asset-2', 'Judul pertama').expect(201);
    const res = await createAsset('k-asset-2', 'Judul kedua').expect(422);
    expect(res.body).toEqual({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: 'Idempotency-Key ini sudah dipakai untuk permintaan lain dengan isi berbeda.',
    });
    expect(await assetsTitled('Judul kedua')).toBe(0);
  });

  it('keys are per caller: another user with the same key gets their own asset', async () => {
    const other = await login(t.http, await givenUser(t.ds));
    await createAsset('k-shared', 'Milik penulis').expect(201);
    const res = await t
      .http()
      .post('/api/v1/assets')
      .set(other.auth)
      .set('Idempotency-Key', 'k-shared')
      .send({ type: 'pelajaran', title: 'Milik penulis' })
      .expect(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(await assetsTitled('Milik penulis')).toBe(2);
  });

  it('runs concurrent requests with one key once', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => createAsset('k-race', 'Balapan')),
    );
    const statuses = results.map((r) => r.status).sort();
    // Each is either the one that ran, a replay of it, or told to retry while it runs.
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(await assetsTitled('Balapan')).toBe(1);
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id as string));
    expect(ids.size).toBe(1);
  });

  it('lets a retry run again after the first attempt failed (nothing stored)', async () => {
    await t
      .http()
      .post('/api/v1/assets')
      .set(author.auth)
      .set('Idempotency-Key', 'k-failed')
      .send({ type: 'resep', title: 'Gagal' })
      .expect(400);
    const stored = await count(
      t,
      `SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'k-failed'`,
    );
    expect(stored).toBe(0);
    await createAsset('k-failed', 'Berhasil kemudian').expect(201);
  });

  it('refuses a retry whose earlier attempt committed but lost its answer (no second asset)', async () => {
    await createAsset('k-lost', 'Jawaban hilang').expect(201);
    // As if the API died between commit and storing the answer: applied, no answer, lease over.
    await t.ds.query(
      `UPDATE idempotency_keys SET response = NULL, lease_until = now() - interval '1 second'
        WHERE key = 'k-lost'`,
    );
    const res = await createAsset('k-lost', 'Jawaban hilang').expect(409);
    expect(res.body.code).toBe('IDEMPOTENCY_ALREADY_APPLIED');
    expect(await assetsTitled('Jawaban hilang')).toBe(1);
  });

  it('refuses a malformed key with 400', async () => {
    const res = await createAsset('spasi tidak boleh', 'Kunci buruk').expect(400);
    expect(res.body.details).toEqual([{ field: 'Idempotency-Key', problems: ['format'] }]);
    expect(await assetsTitled('Kunci buruk')).toBe(0);
  });

  it('answers an upload retry with the same attachments', async () => {
    const asset = await createAsset(undefined, 'Aset berkas').expect(201);
    const upload = () =>
      t
        .http()
        .post(`/api/v1/assets/${asset.body.id}/attachments`)
        .set(author.auth)
        .set('Idempotency-Key', 'k-upload')
        .attach('files', Buffer.from('Isi lampiran untuk diulang'), 'catatan.txt');
    const first = await upload().expect(201);
    const retry = await upload().expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(
      await count(t, `SELECT count(*)::int AS n FROM attachments WHERE asset_id = $1`, [
        asset.body.id,
      ]),
    ).toBe(1);
  });

  it('logs a meeting once for a retried request', async () => {
    const copId = await givenCop(t.ds, { id: authorId });
    const log = () =>
      t
        .http()
        .post(`/api/v1/cops/${copId}/meetings`)
        .set(author.auth)
        .set('Idempotency-Key', 'k-meeting')
        .send({
          heldAt: '2025-03-03T10:00:00+07:00',
          mode: 'daring',
          topic: 'Pertemuan yang diulang',
          durationMinutes: 60,
        });
    const first = await log().expect(201);
    const retry = await log().expect(201);
    expect(retry.body).toEqual(first.body);
    expect(
      await count(t, `SELECT count(*)::int AS n FROM meetings WHERE cop_id = $1`, [copId]),
    ).toBe(1);
  });

  it('answers an import retry with the first report, and a dry run does not stand in for it', async () => {
    const admin = await login(t.http, await givenUser(t.ds, { roles: ['admin'] }));
    const line = JSON.stringify({
      externalId: 'idem-1',
      type: 'dokumen',
      title: 'Impor sekali',
      opdCode: 'BPSDM',
      visibility: 'internal',
    });
    const send = (dryRun: boolean) =>
      t
        .http()
        .post(`/api/v1/assets/import${dryRun ? '?dryRun=true' : ''}`)
        .set(admin.auth)
        .set('Idempotency-Key', 'k-import')
        .attach('file', Buffer.from(`${line}\n`), 'impor.jsonl');
    await send(true).expect(200);
    expect((await send(false).expect(422)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const real = () =>
      t
        .http()
        .post('/api/v1/assets/import')
        .set(admin.auth)
        .set('Idempotency-Key', 'k-import-real')
        .attach('file', Buffer.from(`${line}\n`), 'impor.jsonl');
    const first = await real().expect(200);
    expect(first.body).toMatchObject({ summary: { created: 1 } });
    const retry = await real().expect(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await assetsTitled('Impor sekali')).toBe(1);
  });
});
