/** The synonym-set rules the API applies, checked as the admin types (one set per input). */
export type SetProblem = 'tooFew' | 'tooMany' | 'wordLength';

export const MAX_SETS = 500;

/** "ASN, pns , pegawai" → ['asn', 'pns', 'pegawai'] (trimmed, lower case, without repeats). */
export function wordsOf(line: string): string[] {
  return [
    ...new Set(
      line
        .split(',')
        .map((w) => w.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

export function setProblem(line: string): SetProblem | undefined {
  const words = wordsOf(line);
  if (words.some((w) => w.length > 60)) return 'wordLength';
  if (words.length < 2) return 'tooFew';
  if (words.length > 10) return 'tooMany';
  return undefined;
}
