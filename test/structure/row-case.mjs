// Rows are camelCase past the repository (`npm run check`): outside the repository layer no code
// reads a snake_case property (`row.created_at`). The repository layer is the files that own SQL:
// `*.repository.ts`, `*.reader.ts` and `*-sql.ts` (and the migrations); they alias columns in SQL
// (`created_at AS "createdAt"`) or map them, so services, presenters and controllers see camelCase
// only. Fails on any read not in row-case.allow.json (its "_why" says why each is no row) and on
// allow-list entries no longer needed.
// `node test/structure/row-case.mjs --update` rewrites the allow-list from today's reads (to
// record a removal; never to hide a new read).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFiles } from './table-ownership.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '../..');
const ALLOW_FILE = join(here, 'row-case.allow.json');

/** Files of the repository layer, which may read the columns of raw rows. */
export function isRepositoryLayer(path) {
  return /(\.repository|\.reader|-sql)\.ts$/.test(path);
}

/** Whether a `/` after this code opens a regular expression (not a division). */
function startsRegex(before) {
  const text = before.slice(-200).trimEnd();
  return text === '' || /[(,=:[!&|?{};+\-*%<>~^]$/.test(text) || /\b(return|typeof)$/.test(text);
}

/**
 * The code of a TypeScript source: comments dropped and the text of string and template literals
 * blanked (a template's `${…}` expressions are kept, they are code).
 */
export function codeOnly(source) {
  let out = '';
  let i = 0;
  // Each open `${` of a template pushes the brace depth at which its expression ends.
  const templates = [];
  let depth = 0;
  const template = () => {
    // Inside a template's text, from i (after the opening backtick or the closing `}`).
    while (i < source.length) {
      const c = source[i];
      if (c === '\\') {
        out += '  ';
        i += 2;
      } else if (c === '`') {
        out += '`';
        i += 1;
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        out += '${';
        i += 2;
        templates.push(depth);
        depth += 1;
        return;
      } else {
        out += c === '\n' ? '\n' : ' ';
        i += 1;
      }
    }
  };
  while (i < source.length) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '/' && startsRegex(out)) {
      // A regular expression literal (its quotes are not strings): up to the closing slash.
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n' && (inClass || source[j] !== '/')) {
        if (source[j] === '\\') j += 1;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j += 1;
      }
      out += '/' + ' '.repeat(Math.max(0, j - i - 1)) + '/';
      i = j + 1;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== c && source[j] !== '\n')
        j += source[j] === '\\' ? 2 : 1;
      out += c + ' '.repeat(Math.max(0, j - i - 1)) + c;
      i = j + 1;
    } else if (c === '`') {
      out += '`';
      i += 1;
      template();
    } else if (c === '{') {
      depth += 1;
      out += c;
      i += 1;
    } else if (c === '}') {
      depth -= 1;
      out += c;
      i += 1;
      if (templates.length && templates[templates.length - 1] === depth) {
        templates.pop();
        template();
      }
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** The snake_case properties a source reads (`x.created_at`, `x?.opd_id`), in order. */
export function snakeReads(source) {
  const code = codeOnly(source);
  return [...code.matchAll(/[\w$)\]]\s*\??\.\s*([a-z][a-z0-9]*_[a-z0-9_]*)\b/g)].map((m) => m[1]);
}

/** Every snake_case read outside the repository layer: `{ "<file>": ["<property>", …] }`. */
export function rowCaseReads(root) {
  const found = {};
  for (const dir of ['libs', 'apps']) {
    for (const file of sourceFiles(root, dir)) {
      const path = file.split('\\').join('/');
      if (path.startsWith('apps/web/') || isRepositoryLayer(path)) continue;
      const reads = [...new Set(snakeReads(readFileSync(join(root, file), 'utf8')))].sort();
      if (reads.length) found[path] = reads;
    }
  }
  return found;
}

/** What breaks the rule: reads not in the allow-list, and allow-list entries now unused. */
export function compare(found, allow) {
  const added = [];
  const stale = [];
  for (const [file, props] of Object.entries(found))
    for (const p of props) if (!allow[file]?.includes(p)) added.push(`${file}: .${p}`);
  for (const [file, props] of Object.entries(allow)) {
    if (!Array.isArray(props)) continue; // "_why": the reasons, not a file
    for (const p of props) if (!found[file]?.includes(p)) stale.push(`${file}: .${p}`);
  }
  return { added, stale };
}

function main() {
  const found = rowCaseReads(ROOT);
  const count = Object.values(found).reduce((n, p) => n + p.length, 0);
  if (process.argv.includes('--update')) {
    const { _why } = JSON.parse(readFileSync(ALLOW_FILE, 'utf8'));
    writeFileSync(ALLOW_FILE, `${JSON.stringify({ _why, ...found }, null, 2)}\n`);
    process.stdout.write(`row case: allow-list rewritten (${count} properties)\n`);
    return;
  }
  const allow = JSON.parse(readFileSync(ALLOW_FILE, 'utf8'));
  const { added, stale } = compare(found, allow);
  const problems = [
    ...added.map(
      (r) =>
        `${r} read outside the repository layer (alias the column in SQL: created_at AS "createdAt")`,
    ),
    ...stale.map((r) => `${r} no longer read; remove it from ${relative(ROOT, ALLOW_FILE)}`),
  ];
  if (problems.length) {
    process.stderr.write(
      `row case: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}\n`).join('')}`,
    );
    process.exitCode = 1;
    return;
  }
  const files = Object.keys(found).length;
  process.stdout.write(
    `row case: ${count} allowed snake_case reads in ${files} files outside repositories (goal: 0)\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
