import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const NIP = /^\d{18}$/;

/**
 * Another lib's evidence about people, as one SQL SELECT (named parameters, `:name`): one row per
 * person with `uid uuid` and `rank int`; any further columns come back with the person as they
 * are. Its parameter names must not start with `people`.
 */
export interface PeopleEvidence {
  sql: string;
  params: Record<string, unknown>;
}

/** A person people search shows: no NIP, no email. */
export interface FoundPerson {
  id: string;
  name: string;
  jabatan: string;
  opdCode: string;
}

/**
 * People search's matching, for the lib that ranks people by what they did (libs/knowledge): who
 * matches the query by name or by their full 18-digit NIP (a part of a NIP finds nobody, since
 * its digits encode a birth date), together with everyone the evidence names, active people only
 * (no service accounts), best rank first, then by name. One query; the NIP never leaves identity.
 */
@Injectable()
export class PeopleFinder {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async find<E extends object>(
    q: string,
    evidence: PeopleEvidence,
    limit: number,
  ): Promise<(FoundPerson & { evidence: E | null })[]> {
    const sql = `
      WITH people_q AS (
        SELECT lower(:peopleQ::text) AS raw,
               '%' || replace(replace(replace(lower(:peopleQ::text), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' AS pattern),
      evidence AS (${evidence.sql}),
      by_name AS (
        SELECT u.id AS uid FROM users u, people_q qq
         WHERE lower(u.name) LIKE qq.pattern OR word_similarity(qq.raw, lower(u.name)) > 0.6
            OR u.nip = :peopleNip),
      candidates AS (SELECT uid FROM evidence UNION SELECT uid FROM by_name)
      SELECT u.id, u.name, u.jabatan, o.code AS "opdCode",
             CASE WHEN e.uid IS NULL THEN NULL ELSE to_jsonb(e) - 'uid' - 'rank' END AS evidence
        FROM candidates c JOIN users u ON u.id = c.uid AND u.active AND NOT u.service_account
        JOIN opds o ON o.id = u.opd_id
        LEFT JOIN evidence e ON e.uid = u.id
       ORDER BY coalesce(e.rank, 0) DESC, u.name, u.id LIMIT :peopleLimit`;
    const nip = q.trim();
    const [query, values] = this.ds.driver.escapeQueryWithParameters(
      sql,
      {
        ...evidence.params,
        peopleQ: q,
        peopleNip: NIP.test(nip) ? nip : null,
        peopleLimit: limit,
      },
      {},
    );
    return this.ds.query<(FoundPerson & { evidence: E | null })[]>(query, values);
  }
}
