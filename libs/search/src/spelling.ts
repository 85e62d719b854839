/**
 * Spelling help from the index's own vocabulary ("Mungkin maksud Anda …"): the words the
 * documents contain, with how many documents hold each, and the nearest of them to a word that
 * finds nothing. Callers must check that a suggested word occurs in something the person may
 * read before showing it (the vocabulary spans every document).
 */

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions counted
 * once), or `max + 1` as soon as it is certain to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/** Typos allowed for a word of this length (as the engine allows them: 5+ one, 9+ two). */
export function typoBudget(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

export interface Correction {
  word: string;
  distance: number;
  documents: number;
}

/** The words of an index with their document frequencies, searchable by spelling. */
export class Vocabulary {
  private readonly df: Map<string, number>;
  /** Words bucketed by length, for the length window of an edit-distance search. */
  private readonly byLength = new Map<number, string[]>();
  private readonly sorted: string[];

  constructor(entries: Iterable<readonly [string, number]>) {
    this.df = new Map(entries);
    for (const w of this.df.keys()) {
      const list = this.byLength.get(w.length);
      if (list) list.push(w);
      else this.byLength.set(w.length, [w]);
    }
    this.sorted = [...this.df.keys()].sort();
  }

  get size(): number {
    return this.df.size;
  }

  documents(word: string): number {
    return this.df.get(word) ?? 0;
  }

  /** True when some word of the index starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.sorted.length && this.sorted[lo].startsWith(prefix);
  }

  /**
   * The words nearest to `word` within its typo budget, nearest first, then the most frequent;
   * at most `limit`. The word itself is never among them.
   */
  corrections(word: string, limit = 3): Correction[] {
    const max = typoBudget(word);
    if (max === 0) return [];
    const found: Correction[] = [];
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        if (candidate === word) continue;
        const distance = editDistance(word, candidate, max);
        if (distance <= max) {
          found.push({ word: candidate, distance, documents: this.df.get(candidate) ?? 0 });
        }
      }
    }
    return found
      .sort(
        (a, b) =>
          a.distance - b.distance || b.documents - a.documents || (a.word < b.word ? -1 : 1),
      )
      .slice(0, limit);
  }
}
