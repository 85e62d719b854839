import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verified content changes only through verification (issue #16): an author's edit of a published
 * asset is a `pending` revision until a verifier of the OPD approves it (`published`) or rejects
 * it with a comment (`rejected`); the asset row keeps the published content meanwhile. Each
 * revision records the published revision it was written against (`base_n`), its CoP (a `cop`
 * visibility needs one), and who reviewed it, when and why. At most one pending revision per asset.
 */
export class RevisionReview1765500000016 implements MigrationInterface {
  name = 'RevisionReview1765500000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE asset_revisions
        ADD COLUMN status varchar(10) NOT NULL DEFAULT 'published'
          CHECK (status IN ('published', 'pending', 'rejected')),
        ADD COLUMN base_n integer,
        ADD COLUMN cop_id uuid,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN reviewed_by uuid REFERENCES users(id),
        ADD COLUMN reviewed_at timestamptz,
        ADD COLUMN review_comment text`);
    // Every revision so far was published; each was written against the one before it.
    await q.query(`
      UPDATE asset_revisions r
         SET updated_at = r.created_at,
             cop_id = a.cop_id,
             base_n = (SELECT max(p.n) FROM asset_revisions p WHERE p.asset_id = r.asset_id AND p.n < r.n)
        FROM assets a WHERE a.id = r.asset_id`);
    await q.query(
      `CREATE UNIQUE INDEX asset_revisions_one_pending ON asset_revisions (asset_id) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX asset_revisions_pending ON asset_revisions (created_at) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM asset_revisions WHERE status <> 'published'`);
    await q.query(`DROP INDEX asset_revisions_pending`);
    await q.query(`DROP INDEX asset_revisions_one_pending`);
    await q.query(`
      ALTER TABLE asset_revisions
        DROP COLUMN status, DROP COLUMN base_n, DROP COLUMN cop_id, DROP COLUMN updated_at,
        DROP COLUMN reviewed_by, DROP COLUMN reviewed_at, DROP COLUMN review_comment`);
  }
}
