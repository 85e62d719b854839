/** Types of tx-first.mjs (a plain Node script, so `npm run check` needs no build). */
export const TX_TYPES: string[];
export function txAliases(source: string, txTypes?: Set<string>): string[];
export function txFirstProblems(source: string, fileName?: string, txTypes?: Set<string>): string[];
export function checkedFiles(root: string): string[];
export function treeProblems(root: string): Record<string, string[]>;
