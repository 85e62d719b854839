import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Knowledge Management Award (libs/award/README.md): award years with versioned rubrics,
 * assessor scores with their history, stored score runs (each with the rubric version it used), and
 * the immutable snapshot a finalised year is frozen into.
 */
export class Award1764892800000 implements MigrationInterface {
  name = 'Award1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_years (
        year smallint PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        rubric_version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finalized_at timestamptz,
        finalized_by uuid REFERENCES users(id) ON DELETE SET NULL
      )`);
    await q.query(`
      CREATE TABLE award_rubrics (
        year smallint NOT NULL REFERENCES award_years(year) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        aspect_weights jsonb NOT NULL,
        data_weights jsonb NOT NULL,
        winners integer NOT NULL CHECK (winners BETWEEN 1 AND 51),
        rules_version varchar(40) NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (year, version)
      )`);
    await q.query(`
      CREATE TABLE award_assessments (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        year smallint NOT NULL REFERENCES award_years(year) ON DELETE CASCADE,
        opd_id uuid NOT NULL REFERENCES opds(id),
        aspect varchar(16) NOT NULL CHECK (aspect IN
          ('relevansi','partisipasi','dokumentasi','diseminasi','manfaat','keberlanjutan')),
        score numeric(5,2) NOT NULL CHECK (score BETWEEN 0 AND 100),
        justification text NOT NULL CHECK (char_length(justification) BETWEEN 20 AND 4000),
        assessor_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "IDX_award_assessments_current" ON award_assessments (year, opd_id, aspect, id DESC)`,
    );
    await q.query(`
      CREATE TABLE award_score_runs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        year smallint NOT NULL REFERENCES award_years(year) ON DELETE CASCADE,
        rubric_version integer NOT NULL,
        rules_version varchar(40) NOT NULL,
        digest char(64) NOT NULL,
        rows jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (year, rubric_version) REFERENCES award_rubrics(year, version)
      )`);
    await q.query(
      `CREATE INDEX "IDX_award_score_runs_year" ON award_score_runs (year, rubric_version, id DESC)`,
    );
    await q.query(`
      CREATE TABLE award_snapshots (
        year smallint PRIMARY KEY REFERENCES award_years(year),
        rubric_version integer NOT NULL,
        rules_version varchar(40) NOT NULL,
        rows jsonb NOT NULL,
        details jsonb NOT NULL,
        finalized_at timestamptz NOT NULL DEFAULT now(),
        finalized_by uuid NOT NULL REFERENCES users(id)
      )`);
    // History and frozen results are never rewritten.
    await q.query(`
      CREATE FUNCTION award_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`);
    for (const table of [
      'award_assessments',
      'award_snapshots',
      'award_score_runs',
      'award_rubrics',
    ])
      await q.query(`
        CREATE TRIGGER "TRG_${table}_append_only" BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION award_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_snapshots`);
    await q.query(`DROP TABLE award_score_runs`);
    await q.query(`DROP TABLE award_assessments`);
    await q.query(`DROP TABLE award_rubrics`);
    await q.query(`DROP TABLE award_years`);
    await q.query(`DROP FUNCTION award_append_only`);
  }
}
