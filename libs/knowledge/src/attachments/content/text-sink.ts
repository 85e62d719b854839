/**
 * Collects extracted text up to a character budget, so a huge document stops being read as soon
 * as enough text has been indexed instead of building a giant string first.
 */
export class TextSink {
  private readonly parts: string[] = [];
  private length = 0;

  constructor(private readonly maxChars: number) {}

  /** True once the budget is spent; extractors check it to stop early. */
  get full(): boolean {
    return this.length >= this.maxChars;
  }

  /** Appends `text`, cutting it at the budget without splitting a surrogate pair. */
  push(text: string): void {
    if (this.full || text.length === 0) return;
    const piece = truncateChars(text, this.maxChars - this.length);
    this.parts.push(piece);
    // Count a dropped half pair as used, so the sink still reports itself full.
    this.length += piece.length < text.length ? this.maxChars - this.length : piece.length;
  }

  /** The collected text without trailing whitespace (the last paragraph break, typically). */
  toString(): string {
    return this.parts.join('').trimEnd();
  }
}

/** `text` cut to at most `maxChars` UTF-16 units, never leaving half a surrogate pair. */
export function truncateChars(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const code = text.charCodeAt(maxChars - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? maxChars - 1 : maxChars;
  return text.slice(0, Math.max(0, end));
}
