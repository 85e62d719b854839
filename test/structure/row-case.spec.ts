import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { codeOnly, compare, isRepositoryLayer, rowCaseReads, snakeReads } from './row-case.mjs';

describe('the row-case check', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'row-case-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('fires on a snake_case property read in a service or presenter, naming file and property', () => {
    write(
      'libs/community/src/cops/cops.service.ts',
      `const [row] = await ds.query('SELECT opd_id FROM cops');\nreturn { opdId: row.opd_id, at: rows[0]?.created_at };`,
    );
    write(
      'libs/award/src/x.presenter.ts',
      'export const p = (r: Row) => ({ leadIds: r\n  .lead_ids });',
    );
    const found = rowCaseReads(root);
    expect(found).toEqual({
      'libs/award/src/x.presenter.ts': ['lead_ids'],
      'libs/community/src/cops/cops.service.ts': ['created_at', 'opd_id'],
    });
    expect(compare(found, {}).added).toEqual([
      'libs/award/src/x.presenter.ts: .lead_ids',
      'libs/community/src/cops/cops.service.ts: .created_at',
      'libs/community/src/cops/cops.service.ts: .opd_id',
    ]);
  });

  it('lets the repository layer, migrations and specs read columns', () => {
    write('libs/knowledge/src/assets/assets.repository.ts', 'return rows.map((r) => r.opd_id);');
    write('libs/metrics/src/metrics/evidence.reader.ts', 'return row.asset_id;');
    write('libs/knowledge/src/assets/asset-detail-sql.ts', 'return row.asset_id;');
    write('libs/platform/src/database/migrations/1-x.ts', 'r.old_column');
    write('libs/knowledge/src/a.spec.ts', 'expect(row.opd_id).toBe(1);');
    expect(rowCaseReads(root)).toEqual({});
    expect(isRepositoryLayer('libs/x/src/a.service.ts')).toBe(false);
  });

  it('reads code only: SQL, strings and comments with snake_case words do not count', () => {
    const source = [
      'const sql = `SELECT a.opd_id, b.created_at FROM t a WHERE a.x = ${row.opd_id}`;',
      'const s = \'r.user_id\'; const d = "x.cop_id"; // row.left_at',
      '/* rows[0].decided_at */ const ok = r.userId ?? CONSTANT.MAX_VALUE;',
      'const n = `a ${`nested ${q.seci_mode}`} b`;',
      'const quoted = name.replace(/"/g, \'""\') + x / 2 + y.size_bytes / 1024;',
    ].join('\n');
    expect(snakeReads(source)).toEqual(['opd_id', 'seci_mode', 'size_bytes']);
    expect(codeOnly("a('x_y') + `t ${b.c_d} u`")).toBe("a('   ') + `  ${b.c_d}  `");
  });

  it('passes what the allow-list names and reports entries no longer needed', () => {
    const found = { 'libs/a/src/a.ts': ['opd_id'] };
    expect(compare(found, { _why: 'reasons' as never, 'libs/a/src/a.ts': ['opd_id'] })).toEqual({
      added: [],
      stale: [],
    });
    expect(compare(found, { 'libs/a/src/a.ts': ['opd_id', 'cop_id'] }).stale).toEqual([
      'libs/a/src/a.ts: .cop_id',
    ]);
  });
});
