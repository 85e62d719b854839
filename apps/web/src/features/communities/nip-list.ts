/** The 18-digit numbers in pasted text (spaces inside a NIP allowed), as a CSV the preview reads. */
export function nipListCsv(text: string): string | undefined {
  const nips: string[] = [];
  for (const piece of text.split(/[\n,;\t|]+/)) {
    const compact = piece.replace(/[\s.]/g, '');
    if (/^\d{18}$/.test(compact)) nips.push(compact);
    else nips.push(...[...piece.matchAll(/\d+/g)].map((m) => m[0]));
  }
  if (nips.length === 0) return undefined;
  return `NIP\n${nips.join('\n')}\n`;
}
