/** Private-use characters as highlight tags: never HTML, stripped from indexed text. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
const MARKERS = /[\uE000\uE001]/g;

export interface Highlight {
  field: string;
  /** Plain text (not HTML): render it as text and wrap the ranges in marks. */
  text: string;
  /** [start, end) offsets of matched words in `text`. */
  marks: [number, number][];
}

export function stripMarkers(text: string): string {
  return text.replace(MARKERS, '');
}

/** Turns text with MARK_START/MARK_END around matches into plain text plus ranges. */
export function toHighlight(field: string, marked: string): Highlight | undefined {
  let text = '';
  const marks: [number, number][] = [];
  let open: number | undefined;
  for (const ch of marked) {
    if (ch === MARK_START) open = text.length;
    else if (ch === MARK_END) {
      if (open !== undefined && text.length > open) marks.push([open, text.length]);
      open = undefined;
    } else text += ch;
  }
  return marks.length > 0 ? { field, text: text.trim(), marks: shift(text, marks) } : undefined;
}

/** Keeps ranges aligned after trimming leading whitespace. */
function shift(text: string, marks: [number, number][]): [number, number][] {
  const lead = text.length - text.trimStart().length;
  return marks.map(([a, b]) => [a - lead, b - lead]);
}
