import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Permission, type Principal, UserDirectory } from '@lumbung/identity';
import { eq } from '@lumbung/platform';
import { AssetIndex } from '../asset-index';
import { MeilisearchHttpError, SearchClient } from '../search-client';
import { type Reader, readablePredicate, readerOf } from '@lumbung/knowledge';
import { MeetingSearchReader } from '../meetings/meeting-search.reader';
import type { SuggestionItemDto } from '../http/dto/suggest.dto';
import { meiliAccessFilter } from './meili-asset-search';
import {
  assetSuggestion,
  copSuggestion,
  personSuggestion,
  tagSuggestion,
} from './search-completions.presenter';

const ASSETS = 5;
const TAGS = 3;
const PEOPLE = 3;
const COPS = 2;

/**
 * As-you-type completions under the search box: asset titles and tags the caller may read (from
 * the index with the caller's access filter, or PostgreSQL when it is failing), and for
 * signed-in users people (the staff directory) and CoPs (with `cop:read`).
 */
@Injectable()
export class SearchCompletionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly search: SearchClient,
    private readonly index: AssetIndex,
    private readonly users: UserDirectory,
    private readonly community: MeetingSearchReader,
  ) {}

  async suggest(principal: Principal | undefined, q: string): Promise<SuggestionItemDto[]> {
    const text = q.trim().replace(/\s+/g, ' ');
    if (!text) return [];
    const reader = readerOf(principal);
    const [content, people, cops] = await Promise.all([
      this.fromIndex(reader, text).catch((error: unknown) => {
        if (!(error instanceof MeilisearchHttpError)) throw error;
        return this.fromPostgres(reader, text);
      }),
      principal ? this.users.byNamePrefix(text, PEOPLE) : [],
      principal?.can(Permission.CopRead) ? this.community.copsByName(text, COPS) : [],
    ]);
    return [...content, ...people.map(personSuggestion), ...cops.map(copSuggestion)];
  }

  /** Titles whose words start like the text (the last one as a prefix) and tags, in parallel. */
  private async fromIndex(reader: Reader | undefined, text: string): Promise<SuggestionItemDto[]> {
    const access = meiliAccessFilter(reader);
    const filter = [...(access ? [access] : []), eq('kind', 'asset')];
    const uid = this.index.uid;
    const [titles, tags] = await Promise.all([
      this.search.search<{ id: string; title: string }>(uid, {
        q: text,
        filter,
        limit: ASSETS,
        attributesToSearchOn: ['title'],
        attributesToRetrieve: ['id', 'title'],
        matchingStrategy: 'all',
      }),
      this.search.facetSearch(uid, { facetName: 'tags', facetQuery: text, filter }),
    ]);
    return [
      ...titles.hits.map(assetSuggestion),
      ...tags.facetHits.slice(0, TAGS).map((t) => tagSuggestion(t.value)),
    ];
  }

  /** The same from PostgreSQL: readable titles and tags with a word starting like the text. */
  private async fromPostgres(
    reader: Reader | undefined,
    text: string,
  ): Promise<SuggestionItemDto[]> {
    const pred = readablePredicate('a', reader);
    const prefix = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    const run = async <T>(sql: string): Promise<T[]> => {
      const [query, values] = this.ds.driver.escapeQueryWithParameters(
        sql,
        { ...pred.params, prefix, assets: ASSETS, tags: TAGS },
        {},
      );
      return this.ds.query<T[]>(query, values);
    };
    const [titles, tags] = await Promise.all([
      run<{ id: string; title: string }>(
        `SELECT a.id, a.title FROM knowledge_search_assets a
          WHERE a.status = 'published' AND ${pred.sql}
            AND (lower(a.title) LIKE :prefix || '%' OR lower(a.title) LIKE '% ' || :prefix || '%')
          ORDER BY lower(a.title) LIKE :prefix || '%' DESC, a.published_at DESC, a.id LIMIT :assets`,
      ),
      run<{ tag: string }>(
        `SELECT t AS tag FROM knowledge_search_assets a, unnest(a.tags) t
          WHERE a.status = 'published' AND ${pred.sql} AND t LIKE :prefix || '%'
          GROUP BY t ORDER BY count(*) DESC, t LIMIT :tags`,
      ),
    ]);
    return [...titles.map(assetSuggestion), ...tags.map((r) => tagSuggestion(r.tag))];
  }
}
