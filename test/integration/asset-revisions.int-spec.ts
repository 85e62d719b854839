import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@lumbung/platform';
import { prepareDatabase } from '../../apps/cli/src/local/database-setup';
import { BackfillFirstRevisions1765200000001 } from '../../libs/platform/src/database/migrations/1765200000001-backfill-first-revisions';
import { givenUser, opdIdOf } from '../support/factories';
import { createTestApp, createTestDatabase, type TestApp } from '../support/test-app';

describe('published assets written in bulk have their first revision', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await prepareDatabase(t.config.database.url, { seed: true, password: 'Lumbung#2025' });
  });
  afterAll(() => t.close());

  it('gives every seeded published asset its revision, as approval does', async () => {
    const [counts] = await t.ds.query<{ published: number; without: number }[]>(
      `SELECT count(*)::int AS published,
              count(*) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM asset_revisions r WHERE r.asset_id = a.id AND r.n = a.revision))::int AS without
         FROM assets a WHERE a.status = 'published'`,
    );
    expect(counts.published).toBeGreaterThan(100);
    expect(counts.without).toBe(0);
    // The revision holds what was published, by someone who exists.
    const mismatched = await t.ds.query<{ id: string }[]>(
      `SELECT a.id FROM assets a JOIN asset_revisions r ON r.asset_id = a.id AND r.n = 1
        WHERE a.status = 'published'
          AND (r.title <> a.title OR r.body <> a.body OR r.tags <> a.tags OR r.visibility <> a.visibility
               OR r.sections <> a.sections OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = r.created_by))`,
    );
    expect(mismatched).toEqual([]);

    const [asset] = await t.ds.query<{ id: string; title: string }[]>(
      `SELECT id, title FROM assets WHERE status = 'published' AND visibility = 'publik' ORDER BY id LIMIT 1`,
    );
    const revs = await t.http().get(`/api/v1/assets/${asset.id}/revisions`).expect(200);
    expect(revs.body).toEqual([expect.objectContaining({ n: 1, title: asset.title })]);
    await t.http().get(`/api/v1/assets/${asset.id}/revisions/1`).expect(200);
  });
});

describe('migration: backfill of missing first revisions', () => {
  it('adds revision 1 to published assets without any, and leaves the rest alone', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    try {
      const author = await givenUser(ds);
      const verifier = await givenUser(ds, { roles: ['verifier'] });
      const opdId = await opdIdOf(ds, 'BPSDM');
      const asset = async (title: string, status: string, revision: number, verified: boolean) => {
        const [row] = await ds.query<{ id: string }[]>(
          `INSERT INTO assets (type, title, summary, body, tags, opd_id, author_ids, visibility, status,
                               revision, created_by, published_at, verified_at, verified_by)
           VALUES ('panduan', $1, 'Ringkas', 'Isi', '{uji}', $2, ARRAY[$3::uuid], 'internal', $4, $5, $3,
                   CASE WHEN $5 > 0 THEN timestamptz '2025-03-01 02:00Z' END,
                   CASE WHEN $6 THEN timestamptz '2025-03-02 02:00Z' END,
                   CASE WHEN $6 THEN $7::uuid END)
           RETURNING id`,
          [title, opdId, author.id, status, revision, verified, verifier.id],
        );
        return row.id;
      };
      const seeded = await asset('Terbit tanpa riwayat', 'published', 1, false);
      const verified = await asset('Terverifikasi tanpa riwayat', 'published', 1, true);
      const archived = await asset('Diarsipkan tanpa riwayat', 'archived', 1, true);
      const draft = await asset('Draf', 'draft', 0, false);
      const kept = await asset('Sudah punya riwayat', 'published', 1, true);
      await ds.query(
        `INSERT INTO asset_revisions (asset_id, n, type, title, summary, sections, body, tags, visibility, created_by)
         VALUES ($1, 1, 'panduan', 'Judul lama', '', '{}', '', '{}', 'internal', $2)`,
        [kept, verifier.id],
      );
      const runner = ds.createQueryRunner();
      try {
        await new BackfillFirstRevisions1765200000001().up(runner);
      } finally {
        await runner.release();
      }
      const rows = await ds.query<
        { asset_id: string; n: number; title: string; created_by: string; created_at: Date }[]
      >(`SELECT asset_id, n, title, created_by, created_at FROM asset_revisions ORDER BY title`);
      const by = new Map(rows.map((r) => [r.asset_id, r]));
      expect(rows).toHaveLength(4);
      expect(by.get(seeded)).toMatchObject({
        n: 1,
        title: 'Terbit tanpa riwayat',
        created_by: author.id,
        created_at: new Date('2025-03-01T02:00:00Z'),
      });
      expect(by.get(verified)).toMatchObject({
        n: 1,
        created_by: verifier.id,
        created_at: new Date('2025-03-02T02:00:00Z'),
      });
      expect(by.get(archived)).toMatchObject({ n: 1, title: 'Diarsipkan tanpa riwayat' });
      expect(by.get(kept)).toMatchObject({ n: 1, title: 'Judul lama' });
      expect(by.has(draft)).toBe(false);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
