export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

/**
 * Normalises tags: NFC, lower case, no leading '#', inner whitespace → '-', only letters, digits,
 * '-' and '_'; empty ones dropped, duplicates collapsed, order kept.
 */
export function normalizeTags(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const tag of raw) {
    const t = tag
      .normalize('NFC')
      .toLowerCase()
      .trim()
      .replace(/^#+/, '')
      .replace(/\s+/g, '-')
      .replace(/[^\p{L}\p{N}_-]/gu, '')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, MAX_TAG_LENGTH);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}
