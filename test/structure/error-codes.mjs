// One registry of error codes per lib (`npm run check`): each lib lists the codes it answers
// with in `libs/<lib>/src/error-codes.ts` (`{ NAME: 'NAME' } as const`), and code throws with the
// constant. Fails when a code is registered by two libs (or twice), when an error is made with a
// code written as a literal, and when a registered code is written as a literal anywhere else
// (`code: 'EMAIL_TAKEN'` in a report). Exceptions are listed in error-codes.allow.json.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFiles } from './table-ownership.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '../..');
const ALLOW_FILE = join(here, 'error-codes.allow.json');
const REGISTRY = /^libs\/([^/]+)\/src\/error-codes\.ts$/;
const CODE = '[A-Z][A-Z0-9_]*';

/** The source without its comments (strings and template literals kept as they are). */
export function withoutComments(source) {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** The codes a registry file lists (`NAME: 'NAME'`). */
export function registeredCodes(source) {
  const text = withoutComments(source);
  return [...text.matchAll(new RegExp(`\\b${CODE}\\s*:\\s*'(${CODE})'`, 'g'))].map((m) => m[1]);
}

/**
 * Codes written as literals where an error or a report is made: the first argument of
 * `new AppError(…)` or `CommonErrors.x(…)`, and `code: '…'` properties.
 */
export function literalCodes(source) {
  const text = withoutComments(source);
  const made = new RegExp(
    `(?:new\\s+AppError|CommonErrors\\.\\w+)\\(\\s*(['"\`])(${CODE})\\1`,
    'g',
  );
  const property = new RegExp(`\\bcode\\s*:\\s*(['"\`])(${CODE})\\1`, 'g');
  return {
    made: [...text.matchAll(made)].map((m) => m[2]),
    properties: [...text.matchAll(property)].map((m) => m[2]),
  };
}

/**
 * What breaks the rule in the tree at `root`: `{ "<file>": ["<problem>", …] }`, before the
 * allow-list is applied.
 */
export function errorCodeProblems(root) {
  const files = [...sourceFiles(root, 'libs'), ...sourceFiles(root, 'apps')]
    .map((f) => f.split('\\').join('/'))
    .filter((f) => !f.startsWith('apps/web/'));
  const owner = new Map();
  const problems = {};
  const add = (file, problem) => (problems[file] ??= []).push(problem);
  for (const file of files.filter((f) => REGISTRY.test(f))) {
    for (const code of registeredCodes(readFileSync(join(root, file), 'utf8'))) {
      const first = owner.get(code);
      if (first) add(file, `${code} is registered in ${first} too`);
      else owner.set(code, file);
    }
  }
  for (const file of files.filter((f) => !REGISTRY.test(f))) {
    const { made, properties } = literalCodes(readFileSync(join(root, file), 'utf8'));
    for (const code of made) {
      const where = owner.get(code);
      add(file, `${code} is a literal: use ${where ? `the constant of ${where}` : 'a registry'}`);
    }
    for (const code of properties.filter((c) => owner.has(c))) {
      add(file, `${code} is a literal: use the constant of ${owner.get(code)}`);
    }
  }
  return problems;
}

/** Problems the allow-list does not excuse, and allow-list entries that no longer happen. */
export function compareAllowed(problems, allow) {
  const added = [];
  const stale = [];
  for (const [file, list] of Object.entries(problems))
    for (const p of list) if (!allow[file]?.includes(p)) added.push(`${file}: ${p}`);
  for (const [file, list] of Object.entries(allow))
    for (const p of list) if (!problems[file]?.includes(p)) stale.push(`${file}: ${p}`);
  return { added, stale };
}

function main() {
  const { _why: _, ...allow } = JSON.parse(readFileSync(ALLOW_FILE, 'utf8'));
  const { added, stale } = compareAllowed(errorCodeProblems(ROOT), allow);
  const problems = [
    ...added,
    ...stale.map((p) => `${p} (no longer happens: remove it from ${relative(ROOT, ALLOW_FILE)})`),
  ];
  if (problems.length) {
    process.stderr.write(
      `error codes: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}\n`).join('')}`,
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write('error codes: one registry per lib, no code defined twice\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
