import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Vocabulary } from '../spelling';
import { type Reader, readablePredicate } from '@lumbung/knowledge';

/** The vocabulary is rebuilt in the background when older than this (it moves slowly). */
const FRESH_MS = 10 * 60_000;
const MAX_WORDS = 300_000;

/**
 * The words of the published assets (the `simple` term vectors PostgreSQL keeps per asset, the
 * same text the index holds) with their document counts, for spelling suggestions; and the one
 * check every suggested word passes first: it occurs in an asset the caller may read.
 */
@Injectable()
export class SearchVocabularyService {
  private readonly logger = new Logger('SearchVocabulary');
  private cached?: { vocabulary: Vocabulary; at: number };
  private loading?: Promise<Vocabulary>;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The vocabulary, loaded on first use and refreshed in the background when stale. */
  async vocabulary(): Promise<Vocabulary> {
    if (this.cached) {
      if (Date.now() - this.cached.at > FRESH_MS && !this.loading) {
        void this.load().catch((err: unknown) =>
          this.logger.warn({ err: String(err) }, 'vocabulary refresh failed'),
        );
      }
      return this.cached.vocabulary;
    }
    return this.load();
  }

  private load(): Promise<Vocabulary> {
    this.loading ??= this.ds
      .query<{ word: string; ndoc: number }[]>(
        `SELECT word, ndoc FROM ts_stat($$SELECT terms_tsv FROM knowledge_search_assets WHERE status = 'published'$$)
          WHERE word ~ '^[a-z]{3,30}$' ORDER BY ndoc DESC LIMIT ${MAX_WORDS}`,
      )
      .then((rows) => {
        const vocabulary = new Vocabulary(rows.map((r) => [r.word, r.ndoc] as const));
        this.cached = { vocabulary, at: Date.now() };
        return vocabulary;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  /**
   * Of these words, the ones that occur (as whole words) in some published asset the reader may
   * read: the canary rule for suggestions, since the vocabulary itself spans every asset.
   */
  async readableWords(reader: Reader | undefined, words: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(words)];
    if (unique.length === 0) return new Set();
    const pred = readablePredicate('a', reader);
    const sql = `SELECT w FROM unnest(:words::text[]) AS w
      WHERE EXISTS (SELECT 1 FROM knowledge_search_assets a WHERE a.status = 'published' AND ${pred.sql}
                      AND a.terms_tsv @@ to_tsquery('simple', quote_literal(w)))`;
    const [query, values] = this.ds.driver.escapeQueryWithParameters(
      sql,
      { ...pred.params, words: unique },
      {},
    );
    const rows = await this.ds.query<{ w: string }[]>(query, values);
    return new Set(rows.map((r) => r.w));
  }
}
