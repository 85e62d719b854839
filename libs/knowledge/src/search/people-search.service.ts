import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@lumbung/identity';
import { readablePredicate, readerOf } from '../assets/asset-access';
import type { PersonHitDto } from './dto/search-response.dto';

const NIP = /^\d{18}$/;

/**
 * People search, for signed-in users only: ASN found by name, by their full 18-digit NIP (the
 * people picker of the write form; a part of a NIP finds nobody, since its digits encode a birth
 * date), or by the expertise their published assets show (as author or interviewed expert).
 * Evidence counts only assets the caller may read; NIP and email never appear in the answer.
 */
@Injectable()
export class PeopleSearchService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async find(principal: Principal, q: string, limit: number): Promise<PersonHitDto[]> {
    const pred = readablePredicate('a', readerOf(principal));
    const sql = `
      WITH qq AS (SELECT websearch_to_tsquery('indonesian', :q) AS tsq, lower(:q::text) AS raw,
                         '%' || replace(replace(replace(lower(:q::text), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' AS pattern),
      topic AS (
        SELECT a.id, a.author_ids, a.narasumber_id, a.tags FROM assets a, qq
         WHERE a.status = 'published' AND ${pred.sql} AND a.search_tsv @@ qq.tsq),
      authored AS (SELECT unnest(author_ids) AS uid, id, tags FROM topic),
      interviewed AS (SELECT narasumber_id AS uid, id FROM topic WHERE narasumber_id IS NOT NULL),
      by_name AS (
        SELECT u.id AS uid FROM users u, qq
         WHERE lower(u.name) LIKE qq.pattern OR word_similarity(qq.raw, lower(u.name)) > 0.6
            OR u.nip = :nip),
      candidates AS (SELECT uid FROM authored UNION SELECT uid FROM interviewed UNION SELECT uid FROM by_name),
      scored AS (
        SELECT u.id, u.name, o.code AS opd_code, u.jabatan,
               (SELECT count(DISTINCT x.id) FROM authored x WHERE x.uid = u.id)::int AS authored,
               (SELECT count(DISTINCT x.id) FROM interviewed x WHERE x.uid = u.id)::int AS interviews,
               ARRAY(SELECT t FROM authored x, unnest(x.tags) t WHERE x.uid = u.id
                      GROUP BY t ORDER BY count(*) DESC, t LIMIT 5) AS top_tags
          FROM candidates c JOIN users u ON u.id = c.uid AND u.active AND NOT u.service_account
          JOIN opds o ON o.id = u.opd_id)
      SELECT * FROM scored ORDER BY authored + interviews DESC, name, id LIMIT :limit`;
    const [query, values] = this.ds.driver.escapeQueryWithParameters(
      sql,
      { ...pred.params, q, limit, nip: NIP.test(q.trim()) ? q.trim() : null },
      {},
    );
    const rows = await this.ds.query<
      {
        id: string;
        name: string;
        opd_code: string;
        jabatan: string;
        authored: number;
        interviews: number;
        top_tags: string[];
      }[]
    >(query, values);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      opdCode: r.opd_code,
      jabatan: r.jabatan,
      authoredAssets: r.authored,
      interviewsGiven: r.interviews,
      topTags: r.top_tags,
    }));
  }
}
