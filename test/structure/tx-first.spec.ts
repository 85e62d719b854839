import { readFileSync } from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { treeProblems, txAliases, txFirstProblems } from './tx-first.mjs';

const fixture = (name: string) =>
  readFileSync(join(__dirname, 'fixtures/tx-first', `${name}.ts`), 'utf8');

describe('the transaction-first check', () => {
  it('fires on every kind of parameter list that takes the transaction after another parameter', () => {
    expect(txFirstProblems(fixture('fires'), 'fires.ts')).toEqual([
      '7: revoke(tx) takes the transaction as parameter 2',
      '14: find(m) takes the transaction as parameter 2',
      '18: lock(m) takes the transaction as parameter 2',
      '22: run(q) takes the transaction as parameter 2',
      '26: fallback(m) takes the transaction as parameter 2',
      '31: readMeta(db) takes the transaction as parameter 2',
      '34: canWrite(tx) takes the transaction as parameter 2',
      '35: apply(tx) takes the transaction as parameter 2',
    ]);
  });

  it('passes transactions that come first, and callbacks and options that merely carry one', () => {
    expect(txFirstProblems(fixture('passes'), 'passes.ts')).toEqual([]);
  });

  it('knows a type alias built from a transaction type, in its own file and across the tree', () => {
    expect(
      txAliases(`type Db = Pick<DataSource | EntityManager, 'query'>; type N = number;`),
    ).toEqual(['Db']);
    const root = mkdtempSync(join(tmpdir(), 'tx-first-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    try {
      write('libs/platform/src/db.ts', `export type Queryable = EntityManager | QueryRunner;`);
      write('libs/award/src/a.ts', `export function f(year: number, q: Queryable) {}`);
      write('libs/award/src/a.spec.ts', `export function g(year: number, q: Queryable) {}`);
      write('apps/api/src/b.ts', `export function h(q: Queryable, year: number) {}`);
      expect(treeProblems(root)).toEqual({
        'libs/award/src/a.ts': ['1: f(q) takes the transaction as parameter 2'],
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
