/**
 * A small, consistent Indonesian stemmer (after Nazief–Adriani, simplified). Meilisearch has no
 * Indonesian stemmer, so a stemmed copy of each document's text is indexed as one more searchable
 * attribute and the query's stems are added to the query: "menemukan", "penemu" and "penemuan"
 * all meet at one stem. It aims at agreement between query and text, not linguistic truth.
 */
const PARTICLES = /(lah|kah|tah|pun)$/;
const POSSESSIVES = /nya$/;
const PREFIXES: [RegExp, string][] = [
  [/^meny(?=[aiueo])/, 's'],
  [/^peny(?=[aiueo])/, 's'],
  [/^meng/, ''],
  [/^peng/, ''],
  [/^mem(?=[aiueo])/, 'p'],
  [/^pem(?=[aiueo])/, 'p'],
  [/^mem/, ''],
  [/^pem/, ''],
  // meN-/peN- before a vowel dropped the root's initial t (menemukan, penemu: temu).
  [/^men(?=[aiueo])/, 't'],
  [/^pen(?=[aiueo])/, 't'],
  [/^men/, ''],
  [/^pen/, ''],
  [/^ber/, ''],
  [/^per/, ''],
  [/^ter/, ''],
  [/^me/, ''],
  [/^pe/, ''],
  [/^di/, ''],
  [/^ke/, ''],
  [/^se/, ''],
];
const MIN = 3;

function stripSuffix(word: string, re: RegExp): string {
  const cut = word.replace(re, '');
  return cut.length >= MIN + 1 ? cut : word;
}

export function stemWord(input: string): string {
  let w = input.toLowerCase();
  if (w.length < 5 || !/^[a-z]+$/.test(w)) return w;
  w = stripSuffix(w, PARTICLES);
  w = stripSuffix(w, POSSESSIVES);
  const prefixed = /^(me|di|ke|ter|ber|pe|per|se)/.test(w);
  for (const re of [/kan$/, /an$/, ...(prefixed ? [/i$/] : [])]) {
    const cut = stripSuffix(w, re);
    if (cut !== w) {
      w = cut;
      break;
    }
  }
  // One prefix only: stripping a second one (ter-kenal → nal) does more harm than good.
  for (const [re, replacement] of PREFIXES) {
    if (re.test(w)) {
      const cut = w.replace(re, replacement);
      if (cut.length >= MIN) w = cut;
      break;
    }
  }
  return w;
}

/** Words repeat across documents: stems are memoised (bounded) for indexing whole batches. */
const MEMO = new Map<string, string>();
const MEMO_MAX = 200_000;

function memoStem(token: string): string {
  let stem = MEMO.get(token);
  if (stem === undefined) {
    if (MEMO.size >= MEMO_MAX) MEMO.clear();
    stem = stemWord(token);
    MEMO.set(token, stem);
  }
  return stem;
}

/** The stems of a text that differ from its words, once each (what the extra attribute holds). */
export function stemsOf(text: string, limit = 20_000): string {
  const out = new Set<string>();
  for (const token of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    const stem = memoStem(token);
    if (stem !== token) out.add(stem);
    if (out.size >= limit) break;
  }
  return [...out].join(' ');
}
