/** A piece of highlighted text: plain text, marked or not (rendered as text, never as HTML). */
export interface TextPart {
  text: string;
  marked: boolean;
}

/**
 * Splits `text` at the API's `[start, end)` ranges into plain and marked parts. Ranges are
 * clamped to the text, sorted and merged when they overlap or touch; empty ones are dropped.
 */
export function highlightParts(text: string, marks: readonly (readonly number[])[]): TextPart[] {
  const ranges = marks
    .map(
      ([a, b]) =>
        [
          Math.max(0, Math.min(a ?? 0, text.length)),
          Math.max(0, Math.min(b ?? 0, text.length)),
        ] as const,
    )
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const parts: TextPart[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) parts.push({ text: text.slice(at, a), marked: false });
    parts.push({ text: text.slice(a, b), marked: true });
    at = b;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

/**
 * The query with one term replaced by another (a synonym the API suggested): the first place the
 * term's words appear in the query, matched whatever their case.
 */
export function replaceTerm(query: string, term: string, replacement: string): string {
  const words = query.split(/\s+/).filter(Boolean);
  const termWords = term.toLowerCase().split(/\s+/).filter(Boolean);
  for (let i = 0; i + termWords.length <= words.length; i++) {
    const slice = words
      .slice(i, i + termWords.length)
      .map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
    if (slice.join(' ') === termWords.join(' ')) {
      return [...words.slice(0, i), replacement, ...words.slice(i + termWords.length)].join(' ');
    }
  }
  return replacement;
}
