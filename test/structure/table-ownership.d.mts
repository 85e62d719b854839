/** Types of table-ownership.mjs (a plain Node script, so `npm run check` needs no build). */
export function sourceFiles(root: string, dir: string): string[];
export function literals(source: string): string[];
export function tableReferences(source: string, tables: Set<string>): Map<string, number>;
export function createdTables(root: string): Set<string>;
export function createdViews(root: string): Set<string>;
export function unownedViews(root: string, views?: Record<string, string[]>): string[];
export function partOf(path: string): string;
export function foreignReferences(
  root: string,
  owners: Record<string, string[]>,
): { foreign: Record<string, string[]>; unowned: string[] };
export function compare(
  foreign: Record<string, string[]>,
  allow: Record<string, string[]>,
): { added: string[]; stale: string[] };
