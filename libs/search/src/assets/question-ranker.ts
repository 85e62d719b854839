import { Injectable, Logger } from '@nestjs/common';
import { contentWords, typingWord } from '../query-text';
import type { Reader } from '@lumbung/knowledge';
import { Bm25Reranker } from './bm25-reranker';
import type { SearchHitDto } from '../http/dto/search-response.dto';
import { PostgresAssetSearch } from './postgres-asset-search';
import { assetWhere, type SearchFilters } from './search-filters';
import { SearchVocabularyService } from './search-vocabulary.service';
import { type Candidate, facetsOf, type SearchOutcome } from './search-outcome';

/** How many of an engine's own candidates a question pools. */
export const ENGINE_DEPTH = 50;
/** …joined by up to this many PostgreSQL candidates for the question's rarer words. */
export const PG_CANDIDATES = 200;

/** Shortest misspelt word a question's terms correct (as the engine's typo tolerance). */
const MIN_CORRECTED = 5;

/**
 * The words a question is scored by: its content words (function and question words such as
 * "apa", "yang", "dimana" carry no topic, and in BM25 they only reward passages full of them),
 * plus, for each word of five or more letters that no asset contains, the nearest word the
 * vocabulary knows (`homeostatis` → `homeostasis`). The word being typed is left as typed: it
 * is matched as a prefix. `correct` gives the nearest known word, or undefined.
 */
export function questionTerms(q: string, correct: (word: string) => string | undefined): string {
  const words = contentWords(q);
  const typing = typingWord(q);
  const fixes = words
    .filter((w) => w !== typing && w.length >= MIN_CORRECTED && /^\p{L}+$/u.test(w))
    .map(correct)
    .filter((w): w is string => Boolean(w) && !words.includes(w as string));
  return [...words, ...new Set(fixes)].join(' ');
}

/**
 * The words a question writes with a capital letter after its first word (names, places,
 * acronyms), lower-cased: what the question is about. None when every word is capitalised (a
 * title-cased or shouted question says nothing by it).
 */
export function namedWords(q: string): string[] {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  const named = words.slice(1).filter((w) => /^\p{Lu}/u.test(w));
  if (named.length === words.length - 1) return [];
  const content = new Set(contentWords(q));
  return [...new Set(named.map((w) => w.toLowerCase()))].filter((w) => content.has(w));
}

/**
 * Natural questions: the engine's best candidates and PostgreSQL's candidates for the question's
 * rarer words and stems (same access rules and filters) form ONE pool, ordered by BM25 over the
 * term vectors PostgreSQL keeps per asset and by how close the question's stems stand. Both
 * score the question's content words (and corrections of words no asset holds), never its
 * question words; the names it capitalises weigh more. The pool is the question's result set: its size is the total, facets count
 * it, and every page is a slice of it. Meeting minutes (no BM25 fields) keep the engine's order
 * after the scored assets.
 */
@Injectable()
export class QuestionRanker {
  private readonly logger = new Logger('QuestionRanker');

  constructor(
    private readonly bm25: Bm25Reranker,
    private readonly pg: PostgresAssetSearch,
    private readonly vocabulary: SearchVocabularyService,
  ) {}

  /** {@link questionTerms} with the index's vocabulary (none when it cannot be read). */
  private async terms(q: string): Promise<string> {
    const vocabulary = await this.vocabulary.vocabulary().catch((err: unknown) => {
      this.logger.warn({ err: String(err) }, 'vocabulary unavailable; question not corrected');
      return undefined;
    });
    return questionTerms(q, (w) =>
      vocabulary && vocabulary.documents(w) === 0
        ? vocabulary.corrections(w, 1)[0]?.word
        : undefined,
    );
  }

  async rank(
    reader: Reader | undefined,
    q: string,
    filters: SearchFilters,
    page: { page: number; limit: number },
    engine: SearchOutcome['engine'],
    primary: readonly Candidate[],
  ): Promise<SearchOutcome> {
    const known = new Set(primary.filter((c) => c.kind === 'asset').map((c) => c.id));
    const terms = await this.terms(q);
    const extraIds = (
      await this.bm25.candidates(terms, assetWhere(reader, filters), PG_CANDIDATES)
    ).filter((id) => !known.has(id));
    const assetIds = [...known, ...extraIds];
    const [extra, scores] = await Promise.all([
      this.pg.candidateRows(extraIds),
      this.bm25.scores(terms, assetIds, typingWord(q), namedWords(q).join(' ')),
    ]);
    const pool = [...primary, ...extra];
    const ordered = pool
      .map((c, i) => ({ c, i, s: c.kind === 'asset' ? (scores.get(c.id) ?? 0) : -1 }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice((page.page - 1) * page.limit, page.page * page.limit)
      .map((x) => x.c);
    const loaded = new Map(
      (
        await this.pg.hits(
          ordered.filter((c) => !c.hit).map((c) => c.id),
          q,
        )
      ).map((h) => [h.id, h]),
    );
    return {
      engine,
      total: pool.length,
      totalIsEstimate: false,
      hits: ordered
        .map((c) => c.hit ?? loaded.get(c.id))
        .filter((h): h is SearchHitDto => Boolean(h)),
      facets: facetsOf(pool),
    };
  }
}
