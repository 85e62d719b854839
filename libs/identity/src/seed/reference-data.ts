import type { EntityManager } from 'typeorm';
import { OPD_DIRECTORY } from '../opds/opd-directory.data';

/**
 * Inserts OPDs missing from the directory; never overwrites what admins edited. Runs after
 * migrations on every start, in production too (the directory is reference data, not demo data).
 */
export async function syncReferenceData(m: EntityManager): Promise<number> {
  const inserted: unknown[] = await m.query(
    `INSERT INTO opds (code, name, headcount)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[])
     ON CONFLICT (code) DO NOTHING RETURNING id`,
    [
      OPD_DIRECTORY.map((o) => o.code),
      OPD_DIRECTORY.map((o) => o.name),
      OPD_DIRECTORY.map((o) => o.headcount),
    ],
  );
  return inserted.length;
}
