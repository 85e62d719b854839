import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@lumbung/platform';
import { RevisionReview1765500000016 } from '../../libs/platform/src/database/migrations/1765500000016-revision-review';
import { givenUser, opdIdOf } from '../support/factories';
import { createTestDatabase } from '../support/test-app';

describe('migration: revisions get a review status', () => {
  it('marks earlier revisions published, each written against the one before it', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    const runner = ds.createQueryRunner();
    try {
      // The table as it was before the migration.
      await new RevisionReview1765500000016().down(runner);
      const author = await givenUser(ds);
      const opdId = await opdIdOf(ds, 'BPSDM');
      const [asset] = await ds.query<{ id: string }[]>(
        `INSERT INTO assets (type, title, opd_id, author_ids, visibility, status, completeness,
                             revision, created_by)
         VALUES ('pelajaran', 'Judul ketiga', $1, ARRAY[$2::uuid], 'internal', 'published', 1, 3, $2)
         RETURNING id`,
        [opdId, author.id],
      );
      for (const [n, day] of [
        [1, '2025-01-06'],
        [2, '2025-03-03'],
        [3, '2025-05-05'],
      ] as const)
        await ds.query(
          `INSERT INTO asset_revisions (asset_id, n, type, title, summary, sections, body, tags,
                                        visibility, created_by, created_at)
           VALUES ($1, $2, 'pelajaran', $3, '', '{}', '', '{}', 'internal', $4, $5)`,
          [asset.id, n, `Judul ${n}`, author.id, `${day}T03:00:00Z`],
        );

      await new RevisionReview1765500000016().up(runner);

      const rows = await ds.query<
        {
          n: number;
          status: string;
          base_n: number | null;
          same_time: boolean;
          reviewed_by: string | null;
        }[]
      >(
        `SELECT n, status, base_n, updated_at = created_at AS same_time, reviewed_by
           FROM asset_revisions WHERE asset_id = $1 ORDER BY n`,
        [asset.id],
      );
      expect(rows).toEqual([
        { n: 1, status: 'published', base_n: null, same_time: true, reviewed_by: null },
        { n: 2, status: 'published', base_n: 1, same_time: true, reviewed_by: null },
        { n: 3, status: 'published', base_n: 2, same_time: true, reviewed_by: null },
      ]);
      // One pending revision per asset at most.
      const pending = (n: number) =>
        ds.query(
          `INSERT INTO asset_revisions (asset_id, n, type, title, summary, sections, body, tags,
                                        visibility, created_by, status, base_n)
           VALUES ($1, $2, 'pelajaran', 'Usulan', '', '{}', '', '{}', 'internal', $3, 'pending', 3)`,
          [asset.id, n, author.id],
        );
      await pending(4);
      await expect(pending(5)).rejects.toThrow(/asset_revisions_one_pending/);
    } finally {
      await runner.release();
      await ds.destroy();
      await db.drop();
    }
  });
});
