import { Injectable } from '@nestjs/common';
import { contentWords, typingWord, wordsOf } from '../query-text';
import { SearchLogService } from '../search-log.service';
import { STOP_WORDS } from '../search-vocabulary';
import { SynonymsService } from '../synonyms.service';
import type { Reader } from '@lumbung/knowledge';
import type { SearchSuggestionsDto } from '../http/dto/search-response.dto';
import { SearchVocabularyService } from './search-vocabulary.service';

/** Fewer results than this and a response offers help. */
export const FEW_HITS = 3;
const POPULAR = 5;
const CACHE_MS = 60_000;
const STOP_SET = new Set(STOP_WORDS);

/**
 * Help when a search finds little ("Mungkin maksud Anda …", synonyms, popular queries). Every
 * word offered that the person did not type themselves occurs in an asset they may read: the
 * vocabulary and the search log span everyone's assets, so each is checked for the caller.
 */
@Injectable()
export class SearchHelpService {
  private synonymCache?: { sets: string[][]; at: number };

  constructor(
    private readonly vocabulary: SearchVocabularyService,
    private readonly synonyms: SynonymsService,
    private readonly log: SearchLogService,
  ) {}

  async suggestions(reader: Reader | undefined, q: string): Promise<SearchSuggestionsDto> {
    const [correctedQuery, synonyms, popular] = await Promise.all([
      this.correction(reader, q),
      this.applicableSynonyms(q),
      this.popular(reader, q),
    ]);
    return {
      ...(correctedQuery ? { correctedQuery } : {}),
      ...(synonyms.length > 0 ? { synonyms } : {}),
      ...(popular.length > 0 ? { popular } : {}),
    };
  }

  /**
   * The query with each word the index does not know replaced by the nearest word it does
   * (within the typo budget, the most frequent first) that the caller may read; undefined when
   * nothing changes. The word being typed counts as known when some indexed word starts with it.
   */
  private async correction(reader: Reader | undefined, q: string): Promise<string | undefined> {
    const vocabulary = await this.vocabulary.vocabulary();
    const words = wordsOf(q);
    const typing = typingWord(q);
    const options = words.map((w) => {
      const known =
        STOP_SET.has(w) ||
        /\d/.test(w) ||
        vocabulary.documents(w) > 0 ||
        (w === typing && vocabulary.hasPrefix(w));
      return known ? [] : vocabulary.corrections(w, 3).map((c) => c.word);
    });
    if (options.every((o) => o.length === 0)) return undefined;
    const readable = await this.vocabulary.readableWords(reader, options.flat());
    let changed = false;
    const corrected = words.map((w, i) => {
      const best = options[i].find((o) => readable.has(o));
      if (best) changed = true;
      return best ?? w;
    });
    return changed ? corrected.join(' ') : undefined;
  }

  /** Synonym sets (admin vocabulary, not content) with a member among the query's words. */
  private async applicableSynonyms(q: string): Promise<string[][]> {
    if (!this.synonymCache || Date.now() - this.synonymCache.at > CACHE_MS) {
      this.synonymCache = { sets: await this.synonyms.sets(), at: Date.now() };
    }
    const text = ` ${wordsOf(q).join(' ')} `;
    return this.synonymCache.sets.filter((set) =>
      set.some((member) => {
        const words = wordsOf(member);
        return words.length > 0 && text.includes(` ${words.join(' ')} `);
      }),
    );
  }

  /**
   * Popular queries of the caller's OPD (everyone's, for anonymous callers) that found something,
   * keeping only those whose every word occurs in an asset the caller may read.
   */
  private async popular(reader: Reader | undefined, q: string): Promise<string[]> {
    const queries = await this.log.popularQueries(reader?.opdId, 4 * POPULAR);
    const own = wordsOf(q).join(' ');
    const candidates = queries.filter((p) => p !== own && contentWords(p).length > 0);
    const readable = await this.vocabulary.readableWords(
      reader,
      candidates.flatMap((p) => contentWords(p)),
    );
    return candidates
      .filter((p) => contentWords(p).every((w) => readable.has(w)))
      .slice(0, POPULAR);
  }
}
