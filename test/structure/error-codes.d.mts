/** Types of error-codes.mjs (a plain Node script, so `npm run check` needs no build). */
export function withoutComments(source: string): string;
export function registeredCodes(source: string): string[];
export function literalCodes(source: string): { made: string[]; properties: string[] };
export function errorCodeProblems(root: string): Record<string, string[]>;
export function compareAllowed(
  problems: Record<string, string[]>,
  allow: Record<string, string[]>,
): { added: string[]; stale: string[] };
