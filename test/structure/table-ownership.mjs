// One owner per table, checked in SQL as well as in imports (`npm run check`): lists every
// reference a lib (or app) makes to a table another lib owns, and fails on any not in the
// allow-list. Other libs read a table through its owner's read service or a view its owner
// publishes (`views` in table-owners.json: every view a migration creates is listed there). `node test/structure/table-ownership.mjs --update` rewrites the allow-list from
// today's references (to record a removal; never to hide a new reference).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '../..');
const OWNERS_FILE = join(here, 'table-owners.json');
const ALLOW_FILE = join(here, 'table-ownership.allow.json');
const MIGRATIONS = 'libs/platform/src/database/migrations';

/** Every .ts file under `dir` that is production code (no specs, no migrations). */
export function sourceFiles(root, dir) {
  const out = [];
  if (!existsSync(join(root, dir))) return out;
  const walk = (d) => {
    for (const entry of readdirSync(join(root, d), { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && path !== MIGRATIONS) walk(path);
      } else if (
        entry.name.endsWith('.ts') &&
        !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name) &&
        !entry.name.endsWith('.d.ts')
      ) {
        out.push(path);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** The string and template literals of a TypeScript source (comments and code dropped). */
export function literals(source) {
  const out = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '/') {
      i = source.indexOf('\n', i);
      if (i < 0) break;
    } else if (c === '/' && source[i + 1] === '*') {
      i = source.indexOf('*/', i + 2);
      if (i < 0) break;
      i += 2;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      let text = '';
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\') {
          text += source[j + 1] ?? '';
          j += 2;
        } else {
          text += source[j];
          j += 1;
        }
      }
      out.push(text);
      i = j + 1;
    } else {
      i += 1;
    }
  }
  return out;
}

const SQL_REF =
  /\b(?:from|join|into|update|table|truncate|references|on conflict on constraint)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** The tables a source refers to: SQL in its literals, and TypeORM names given as literals. */
export function tableReferences(source, tables) {
  const found = new Map();
  const add = (name) => {
    const table = name.toLowerCase();
    if (tables.has(table)) found.set(table, (found.get(table) ?? 0) + 1);
  };
  for (const text of literals(source)) {
    for (const m of text.matchAll(SQL_REF)) add(m[1]);
  }
  const TYPEORM =
    /(?:@Entity|\.from|\.into|\.update|\.delete\(\)\s*\.from|getRepository)\(\s*['"]([a-z_][a-z0-9_]*)['"]/g;
  const ENTITY_NAME = /@Entity\(\s*\{[^}]*name:\s*['"]([a-z_][a-z0-9_]*)['"]/g;
  for (const m of source.matchAll(TYPEORM)) add(m[1]);
  for (const m of source.matchAll(ENTITY_NAME)) add(m[1]);
  return found;
}

/** The tables the migrations create, so each must have an owner. */
export function createdTables(root) {
  const names = new Set();
  for (const file of readdirSync(join(root, MIGRATIONS))) {
    const text = readFileSync(join(root, MIGRATIONS, file), 'utf8');
    for (const m of text.matchAll(
      /CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF NOT EXISTS\s+)?"?([a-z_][a-z0-9_]*)"?/gi,
    ))
      names.add(m[1].toLowerCase());
  }
  return names;
}

/** The views the migrations create: each is its owner's public contract, so each needs an owner. */
export function createdViews(root) {
  const names = new Set();
  for (const file of readdirSync(join(root, MIGRATIONS))) {
    const text = readFileSync(join(root, MIGRATIONS, file), 'utf8');
    for (const m of text.matchAll(
      /CREATE\s+(?:OR\s+REPLACE\s+)?(?:MATERIALIZED\s+)?VIEW\s+(?:IF NOT EXISTS\s+)?"?([a-z_][a-z0-9_]*)"?/gi,
    ))
      names.add(m[1].toLowerCase());
  }
  return names;
}

/** Views the migrations create that no lib publishes in table-owners.json `views`. */
export function unownedViews(root, views = {}) {
  const owned = new Set(Object.values(views).flat());
  return [...createdViews(root)].filter((v) => !owned.has(v)).sort();
}

/** The part a file belongs to: `identity` for libs/identity/…, `app:api` for apps/api/…. */
export function partOf(path) {
  const [top, name] = path.split(/[\\/]/);
  return top === 'libs' ? name : `app:${name}`;
}

/**
 * Every reference to a table outside its owner: `{ "<file>": ["<table>", …] }`, plus the tables
 * the migrations create that no lib owns.
 */
export function foreignReferences(root, owners) {
  const ownerOf = new Map();
  for (const [lib, tables] of Object.entries(owners)) for (const t of tables) ownerOf.set(t, lib);
  const tables = new Set(ownerOf.keys());
  const unowned = [...createdTables(root)].filter((t) => !ownerOf.has(t)).sort();
  const foreign = {};
  for (const dir of ['libs', 'apps']) {
    for (const file of sourceFiles(root, dir)) {
      if (file.startsWith(join('apps', 'web'))) continue;
      const refs = tableReferences(readFileSync(join(root, file), 'utf8'), tables);
      const part = partOf(file);
      const outside = [...refs.keys()].filter((t) => ownerOf.get(t) !== part).sort();
      if (outside.length) foreign[file.split('\\').join('/')] = outside;
    }
  }
  return { foreign, unowned };
}

/** What breaks the rule: references not in the allow-list, and allow-list entries now unused. */
export function compare(foreign, allow) {
  const added = [];
  const stale = [];
  for (const [file, tables] of Object.entries(foreign))
    for (const t of tables) if (!allow[file]?.includes(t)) added.push(`${file} → ${t}`);
  for (const [file, tables] of Object.entries(allow))
    for (const t of tables) if (!foreign[file]?.includes(t)) stale.push(`${file} → ${t}`);
  return { added, stale };
}

function main() {
  const { owners, views } = JSON.parse(readFileSync(OWNERS_FILE, 'utf8'));
  const { foreign, unowned } = foreignReferences(ROOT, owners);
  const unownedContracts = unownedViews(ROOT, views);
  const count = Object.values(foreign).reduce((n, t) => n + t.length, 0);
  if (process.argv.includes('--update')) {
    writeFileSync(ALLOW_FILE, `${JSON.stringify(foreign, null, 2)}\n`);
    process.stdout.write(`table ownership: allow-list rewritten (${count} references)\n`);
    return;
  }
  const allow = JSON.parse(readFileSync(ALLOW_FILE, 'utf8'));
  const { added, stale } = compare(foreign, allow);
  const problems = [
    ...unowned.map((t) => `table ${t} has no owner: add it to ${relative(ROOT, OWNERS_FILE)}`),
    ...unownedContracts.map(
      (v) => `view ${v} has no owner: add it to "views" in ${relative(ROOT, OWNERS_FILE)}`,
    ),
    ...added.map(
      (r) => `${r}: reads or writes another lib's table (use the owner's read service or view)`,
    ),
    ...stale.map((r) => `${r}: no longer referenced; remove it from ${relative(ROOT, ALLOW_FILE)}`),
  ];
  if (problems.length) {
    process.stderr.write(
      `table ownership: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}\n`).join('')}`,
    );
    process.exitCode = 1;
    return;
  }
  const files = Object.keys(foreign).length;
  process.stdout.write(
    `table ownership: ${count} allowed foreign references in ${files} files (goal: 0)\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
