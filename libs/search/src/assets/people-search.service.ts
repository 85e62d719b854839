import { Injectable } from '@nestjs/common';
import { PeopleFinder, type Principal } from '@lumbung/identity';
import { readablePredicate, readerOf } from '@lumbung/knowledge';
import type { PersonHitDto } from '../http/dto/search-response.dto';
import { presentPersonHit, type PersonEvidence } from './people-search.presenter';

/**
 * People search, for signed-in users only: ASN found by name, by their full 18-digit NIP (the
 * people picker of the write form; identity matches both, see {@link PeopleFinder}), or by the
 * expertise their published assets show (as author or interviewed expert). Evidence counts only
 * assets the caller may read; NIP and email never appear in the answer.
 */
@Injectable()
export class PeopleSearchService {
  constructor(private readonly people: PeopleFinder) {}

  async find(principal: Principal, q: string, limit: number): Promise<PersonHitDto[]> {
    const pred = readablePredicate('a', readerOf(principal));
    const evidence = `
      WITH topic AS (
        SELECT a.id, a.author_ids, a.narasumber_id, a.tags FROM knowledge_search_assets a
         WHERE a.status = 'published' AND ${pred.sql}
           AND a.search_tsv @@ websearch_to_tsquery('indonesian', :q)),
      authored AS (SELECT unnest(author_ids) AS uid, id, tags FROM topic),
      interviewed AS (SELECT narasumber_id AS uid, id FROM topic WHERE narasumber_id IS NOT NULL),
      counted AS (
        SELECT p.uid,
               (SELECT count(DISTINCT x.id) FROM authored x WHERE x.uid = p.uid)::int AS authored,
               (SELECT count(DISTINCT x.id) FROM interviewed x WHERE x.uid = p.uid)::int AS interviews,
               ARRAY(SELECT t FROM authored x, unnest(x.tags) t WHERE x.uid = p.uid
                      GROUP BY t ORDER BY count(*) DESC, t LIMIT 5) AS top_tags
          FROM (SELECT uid FROM authored UNION SELECT uid FROM interviewed) p)
      SELECT uid, authored + interviews AS rank, authored, interviews, top_tags AS "topTags" FROM counted`;
    const rows = await this.people.find<PersonEvidence>(
      q,
      { sql: evidence, params: { ...pred.params, q } },
      limit,
    );
    return rows.map(presentPersonHit);
  }
}
