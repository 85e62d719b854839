/** Types of row-case.mjs (a plain Node script, so `npm run check` needs no build). */
export function isRepositoryLayer(path: string): boolean;
export function codeOnly(source: string): string;
export function snakeReads(source: string): string[];
export function rowCaseReads(root: string): Record<string, string[]>;
export function compare(
  found: Record<string, string[]>,
  allow: Record<string, string[]>,
): { added: string[]; stale: string[] };
