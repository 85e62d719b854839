import { QUESTION_WORDS, STOP_WORDS } from './search-vocabulary';

const STOP_SET = new Set(STOP_WORDS);
const QUESTION_SET = new Set(QUESTION_WORDS);
const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text, lower-cased, in order. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The distinct words of a query that are not stop words, lower-cased, in order. */
export function contentWords(q: string): string[] {
  return [...new Set(wordsOf(q).filter((w) => !STOP_SET.has(w)))];
}

/**
 * Natural questions (a question word, a "?", or four or more content words) are ranked over a
 * candidate pool; short keyword queries keep the engine's order (typo and prefix tolerance).
 */
export function isQuestion(q: string): boolean {
  return (
    q.trim().endsWith('?') ||
    wordsOf(q).some((w) => QUESTION_SET.has(w)) ||
    contentWords(q).length >= 4
  );
}

/**
 * The word the user is still typing: the last word, when the text ends in it (no space or
 * punctuation after it). Search-as-you-type matches it as a prefix.
 */
export function typingWord(q: string): string | undefined {
  if (!/[\p{L}\p{N}]$/u.test(q)) return undefined;
  const words = wordsOf(q);
  return words[words.length - 1];
}

/**
 * The text sent to Meilisearch, which treats only the LAST word of a query as a prefix: whatever
 * the server adds (stems, synonyms, a question's focus) goes before the user's own words, and the
 * word being typed stays last. Expansions already among the user's words are left out.
 */
export function withExpansions(userText: string, expansions: readonly string[]): string {
  const own = new Set(wordsOf(userText));
  const extra = [...new Set(expansions.flatMap(wordsOf))].filter((w) => !own.has(w));
  return extra.length > 0 ? `${extra.join(' ')} ${userText}` : userText;
}
