import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** BM25 parameters (the usual defaults). */
const K1 = 1.2;
const B = 0.75;
const CACHE_MS = 10 * 60_000;
const CORPUS_MS = 60_000;
const MAX_CACHED_TERMS = 50_000;
/** Words in at most this share of assets (or this many) fetch candidates from PostgreSQL. */
const RARE_SHARE = 0.05;
const RARE_MIN_DF = 100;

/**
 * The fields scored and their weights: exact words (`simple`), Indonesian stems (the full-text
 * vector, which undoes affixes such as meN-/peN-/-kan/-an), and stems in the title. Tuned on the
 * tune split only (test/bench/search-relevance.bench.mjs); nearby weights score within 0.005.
 */
export const BM25_FIELDS = { words: 1, stems: 0.75, title: 0.2 } as const;
/**
 * Weight of the proximity score: how close the question's stems stand to each other in a
 * passage. Half the tune split gained about as much as the other (0.003–0.006 MRR@10).
 */
export const PROXIMITY_WEIGHT = 0.25;
/**
 * Weight of the words a question writes with a capital letter after its first word (names,
 * places, acronyms: "Dimana letak Universitas Cape Town?"): they name what the question is
 * about, the rest asks something of it. Both halves of the tune split gained 0.007 MRR@10.
 */
export const NAMED_WEIGHT = 1.5;
export type Bm25Field = keyof typeof BM25_FIELDS;

export interface TermHit {
  id: string;
  term: string;
  tf: number;
  len: number;
  /** The query term's weight (1 unless given). */
  weight?: number;
}

export interface TermPositions {
  id: string;
  term: string;
  /** Word positions of the term in the passage, ascending. */
  positions: readonly number[];
}

const idfOf = (df: number, n: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** The smallest distance between a position of `a` and one of `b` (both ascending). */
export function minDistance(a: readonly number[], b: readonly number[]): number {
  let best = Infinity;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const d = Math.abs(a[i] - b[j]);
    if (d > 0 && d < best) best = d;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return best;
}

/**
 * Term proximity (after Tao & Zhai's MinDist): for every pair of the question's terms a passage
 * holds, the rarer term's IDF times log(1 + e^(1 − d)), d the closest the two come (1 when
 * adjacent). A passage where the question's words stand together ("Universitas Cape Town")
 * beats one where they are scattered.
 */
export function proximity(
  rows: readonly TermPositions[],
  df: ReadonlyMap<string, number>,
  n: number,
): Map<string, number> {
  const byDoc = new Map<string, TermPositions[]>();
  for (const r of rows) {
    if (r.positions.length === 0) continue;
    const list = byDoc.get(r.id);
    if (list) list.push(r);
    else byDoc.set(r.id, [r]);
  }
  const scores = new Map<string, number>();
  for (const [id, terms] of byDoc) {
    let score = 0;
    for (let i = 0; i < terms.length; i++) {
      for (let j = i + 1; j < terms.length; j++) {
        const d = minDistance(terms[i].positions, terms[j].positions);
        if (!Number.isFinite(d)) continue;
        const idf = Math.min(
          idfOf(Math.min(df.get(terms[i].term) ?? 1, n), n),
          idfOf(Math.min(df.get(terms[j].term) ?? 1, n), n),
        );
        score += idf * Math.log(1 + Math.exp(1 - d));
      }
    }
    if (score > 0) scores.set(id, score);
  }
  return scores;
}

/** Pure BM25 over the candidates' term rows of one field, with corpus statistics given. */
export function bm25(
  rows: readonly TermHit[],
  df: ReadonlyMap<string, number>,
  corpus: { n: number; avgLen: number },
): Map<string, number> {
  const scores = new Map<string, number>();
  for (const r of rows) {
    const idf = idfOf(Math.min(df.get(r.term) ?? 1, corpus.n), corpus.n);
    const norm = r.tf + K1 * (1 - B + (B * r.len) / Math.max(1, corpus.avgLen));
    scores.set(r.id, (scores.get(r.id) ?? 0) + ((r.weight ?? 1) * idf * r.tf * (K1 + 1)) / norm);
  }
  return scores;
}

/** A tsquery literal for one lexeme (optionally limited to a weight), safe for any text. */
const LEXEME = (col: string, weight = ''): string =>
  `to_tsquery('simple', '''' || replace(replace(${col}, '\\', '\\\\'), '''', '''''') || '''${weight}')`;

const DF_SQL: Record<Bm25Field, string> = {
  words: `terms_tsv @@ plainto_tsquery('simple', t)`,
  stems: `search_tsv @@ ${LEXEME('t')}`,
  title: `search_tsv @@ ${LEXEME('t', ':A')}`,
};

interface Corpus {
  n: number;
  avgLen: Record<Bm25Field, number>;
  at: number;
}

/**
 * Scores search candidates with BM25 over their own words, stems and title (the term vectors
 * PostgreSQL keeps per asset): Meilisearch's bucket ranking finds good candidates but weighs
 * neither how rare a word is nor how often a passage repeats it, which natural questions need.
 * Document frequencies and corpus size are cached for minutes (they move slowly).
 */
@Injectable()
export class Bm25Reranker {
  private corpusCache?: Corpus;
  private readonly dfCache = new Map<string, { n: number; at: number }>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * BM25 of each candidate for the query, plus how close the query's stems stand in it
   * ({@link proximity}). `prefix`, the word still being typed, also counts every word it begins
   * (each as its own term, with its own document frequency). The words of `named` (and their
   * stems) weigh {@link NAMED_WEIGHT}.
   */
  async scores(
    q: string,
    ids: readonly string[],
    prefix?: string,
    named = '',
  ): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const like = prefix && prefix.length >= 3 && /^[\p{L}\p{N}]+$/u.test(prefix) ? prefix : null;
    const rows = await this.ds.query<
      (TermHit & { field: Bm25Field; pos: number[] | null; named: boolean })[]
    >(
      `WITH qw AS (SELECT DISTINCT lexeme AS t FROM unnest(to_tsvector('simple', $1))),
            qs AS (SELECT DISTINCT lexeme AS t FROM unnest(to_tsvector('indonesian', $1))),
            nw AS (SELECT lexeme AS t FROM unnest(to_tsvector('simple', $4))),
            ns AS (SELECT lexeme AS t FROM unnest(to_tsvector('indonesian', $4))),
            a AS (SELECT id, terms_tsv, search_tsv, terms_len, stems_len, title_len
                    FROM knowledge_search_assets WHERE id = ANY($2::uuid[]))
       SELECT a.id, 'words' AS field, u.lexeme AS term, cardinality(u.positions) AS tf, a.terms_len AS len,
              NULL::int[] AS pos, u.lexeme IN (SELECT t FROM nw) AS named
         FROM a CROSS JOIN LATERAL unnest(a.terms_tsv) u
        WHERE u.lexeme IN (SELECT t FROM qw) OR ($3::text IS NOT NULL AND u.lexeme LIKE $3 || '%')
       UNION ALL
       SELECT a.id, x.field, x.term, x.tf, x.len, x.pos, x.term IN (SELECT t FROM ns) AS named
         FROM a CROSS JOIN LATERAL (
         SELECT 'stems' AS field, u.lexeme AS term, cardinality(u.positions) AS tf, a.stems_len AS len,
                u.positions::int[] AS pos
           FROM unnest(a.search_tsv) u WHERE u.lexeme IN (SELECT t FROM qs)
         UNION ALL
         SELECT 'title', u.lexeme, (SELECT count(*)::int FROM unnest(u.weights) w WHERE w = 'A'), a.title_len,
                NULL::int[]
           FROM unnest(a.search_tsv) u WHERE u.lexeme IN (SELECT t FROM qs) AND 'A' = ANY(u.weights)) x`,
      [q, ids, like, named],
    );
    for (const r of rows) if (r.named) r.weight = NAMED_WEIGHT;
    const fields = Object.keys(BM25_FIELDS) as Bm25Field[];
    const byField = fields.map((field) => rows.filter((r) => r.field === field));
    const [corpus, ...dfs] = await Promise.all([
      this.corpus(),
      ...fields.map((field, i) =>
        this.documentFrequencies(field, [...new Set(byField[i].map((r) => r.term))]),
      ),
    ]);
    const total = new Map<string, number>();
    fields.forEach((field, i) => {
      const s = bm25(byField[i], dfs[i], { n: corpus.n, avgLen: corpus.avgLen[field] });
      for (const [id, v] of s) total.set(id, (total.get(id) ?? 0) + BM25_FIELDS[field] * v);
    });
    const stems = fields.indexOf('stems');
    const near = proximity(
      byField[stems].map((r) => ({ id: r.id, term: r.term, positions: r.pos ?? [] })),
      dfs[stems],
      corpus.n,
    );
    for (const [id, v] of near) total.set(id, (total.get(id) ?? 0) + PROXIMITY_WEIGHT * v);
    return total;
  }

  /**
   * Readable assets that contain the question's rarer words (the ones BM25 weighs most), best
   * first by PostgreSQL's own rank: candidates Meilisearch's word buckets may have missed.
   * `where` is a predicate over `assets a` with named parameters (access rules and filters).
   */
  async candidates(
    q: string,
    where: { sql: string; params: Record<string, unknown> },
    limit: number,
  ): Promise<string[]> {
    const parsed = await this.ds.query<{ field: Bm25Field; t: string }[]>(
      `SELECT DISTINCT 'words' AS field, lexeme AS t FROM unnest(to_tsvector('simple', $1))
       UNION SELECT DISTINCT 'stems', lexeme FROM unnest(to_tsvector('indonesian', $1))`,
      [q],
    );
    const searched = ['words', 'stems'] as const;
    const termsOf = searched.map((field) =>
      parsed.filter((r) => r.field === field).map((r) => r.t),
    );
    const [corpus, ...dfs] = await Promise.all([
      this.corpus(),
      ...searched.map((field, i) => this.documentFrequencies(field, termsOf[i])),
    ]);
    const ceiling = Math.max(RARE_MIN_DF, corpus.n * RARE_SHARE);
    const params: Record<string, unknown> = { ...where.params, limit };
    const parts: Record<'words' | 'stems', string[]> = { words: [], stems: [] };
    for (const [i, field] of searched.entries()) {
      const terms = termsOf[i];
      const df = dfs[i];
      terms
        .filter((t) => (df.get(t) ?? 0) > 0 && (df.get(t) ?? 0) <= ceiling)
        .forEach((t, i) => {
          params[`bm25${field}${i}`] = t;
          parts[field].push(
            field === 'words'
              ? `plainto_tsquery('simple', :bm25${field}${i})`
              : LEXEME(`:bm25${field}${i}::text`),
          );
        });
    }
    if (parts.words.length + parts.stems.length === 0) return [];
    const words = parts.words.length ? `(${parts.words.join(' || ')})` : `''::tsquery`;
    const stems = parts.stems.length ? `(${parts.stems.join(' || ')})` : `''::tsquery`;
    const sql = `
      SELECT a.id FROM knowledge_search_assets a
       WHERE a.status = 'published' AND ${where.sql}
         AND (a.terms_tsv @@ ${words} OR a.search_tsv @@ ${stems})
       ORDER BY ts_rank(a.terms_tsv, ${words}, 1) + ts_rank(a.search_tsv, ${stems}, 1) DESC, a.id
       LIMIT :limit`;
    const [query, values] = this.ds.driver.escapeQueryWithParameters(sql, params, {});
    return (await this.ds.query<{ id: string }[]>(query, values)).map((r) => r.id);
  }

  private async corpus(): Promise<Corpus> {
    if (this.corpusCache && Date.now() - this.corpusCache.at < CORPUS_MS) return this.corpusCache;
    const [row] = await this.ds.query<
      { n: number; words: string | null; stems: string | null; title: string | null }[]
    >(
      `SELECT count(*)::int AS n, avg(terms_len) AS words, avg(stems_len) AS stems, avg(title_len) AS title
         FROM knowledge_search_assets WHERE status = 'published'`,
    );
    this.corpusCache = {
      n: row.n,
      avgLen: {
        words: Number(row.words ?? 1),
        stems: Number(row.stems ?? 1),
        title: Number(row.title ?? 1),
      },
      at: Date.now(),
    };
    return this.corpusCache;
  }

  private async documentFrequencies(
    field: Bm25Field,
    terms: string[],
  ): Promise<Map<string, number>> {
    const now = Date.now();
    const out = new Map<string, number>();
    const missing: string[] = [];
    for (const t of terms) {
      const c = this.dfCache.get(`${field}:${t}`);
      if (c && now - c.at < CACHE_MS) out.set(t, c.n);
      else missing.push(t);
    }
    if (missing.length > 0) {
      const rows = await this.ds.query<{ t: string; n: number }[]>(
        `SELECT t, (SELECT count(*)::int FROM knowledge_search_assets WHERE status = 'published' AND ${DF_SQL[field]}) AS n
           FROM unnest($1::text[]) AS t`,
        [missing],
      );
      if (this.dfCache.size > MAX_CACHED_TERMS) this.dfCache.clear();
      for (const r of rows) {
        out.set(r.t, r.n);
        this.dfCache.set(`${field}:${r.t}`, { n: r.n, at: now });
      }
    }
    return out;
  }
}
