import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Term statistics for BM25 re-ranking of natural questions: every asset's words (lower-cased, no
 * stemming, no stop words: the `simple` configuration) with their positions, its length in words,
 * and the lengths of its stemmed full-text vector and of its title within it (weight A), kept by
 * triggers after the full-text column (trigger names run in alphabetical order).
 */
export class Bm251764979200000 implements MigrationInterface {
  name = 'Bm251764979200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE assets ADD COLUMN terms_tsv tsvector, ADD COLUMN terms_len integer, ADD COLUMN stems_len integer, ADD COLUMN title_len integer`,
    );
    await q.query(`
      CREATE FUNCTION assets_terms_tsv() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.terms_tsv := to_tsvector('simple',
          coalesce(NEW.title, '') || ' ' || coalesce(NEW.summary, '') || ' ' ||
          jsonb_values_text(NEW.sections) || ' ' || coalesce(NEW.body, ''));
        NEW.terms_len := coalesce((SELECT sum(cardinality(u.positions)) FROM unnest(NEW.terms_tsv) u), 0);
        SELECT coalesce(sum(cardinality(u.positions)), 0),
               coalesce(sum((SELECT count(*) FROM unnest(u.weights) w WHERE w = 'A')), 0)
          INTO NEW.stems_len, NEW.title_len
          FROM unnest(NEW.search_tsv) u;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER "TRG_assets_terms_tsv" BEFORE INSERT OR UPDATE OF title, tags, summary, sections, body
      ON assets FOR EACH ROW EXECUTE FUNCTION assets_terms_tsv()`);
    await q.query(`UPDATE assets SET title = title`);
    await q.query(`CREATE INDEX "IDX_assets_terms_tsv" ON assets USING gin (terms_tsv)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_assets_terms_tsv"`);
    await q.query(`DROP TRIGGER "TRG_assets_terms_tsv" ON assets`);
    await q.query(`DROP FUNCTION assets_terms_tsv`);
    await q.query(
      `ALTER TABLE assets DROP COLUMN terms_tsv, DROP COLUMN terms_len, DROP COLUMN stems_len, DROP COLUMN title_len`,
    );
  }
}
