import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  compare,
  foreignReferences,
  literals,
  tableReferences,
  unownedViews,
} from './table-ownership.mjs';

describe('the table-ownership check', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'owners-'));
    write(
      'libs/platform/src/database/migrations/1-init.ts',
      `await q.query('CREATE TABLE assets (id uuid)'); await q.query('CREATE TABLE meetings (id uuid)');
       await q.query('CREATE TABLE orphans (id uuid)');`,
    );
    write(
      'libs/knowledge/src/assets.repository.ts',
      `// reads from meetings in a comment only\nconst sql = \`SELECT * FROM assets\`;`,
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const owners = { knowledge: ['assets'], community: ['meetings'] };

  it('fires on SQL that reaches into another lib’s table, and names the file and the table', () => {
    write(
      'libs/community/src/meetings.service.ts',
      `const rows = await ds.query(\`SELECT m.id FROM meetings m JOIN "assets" a ON a.id = m.asset_id\`);`,
    );
    const { foreign, unowned } = foreignReferences(root, owners);
    expect(foreign).toEqual({ 'libs/community/src/meetings.service.ts': ['assets'] });
    expect(unowned).toEqual(['orphans']);
    expect(compare(foreign, {}).added).toEqual(['libs/community/src/meetings.service.ts → assets']);
  });

  it('fires on TypeORM names given as literals, and on apps as well as libs', () => {
    write(
      'apps/cli/src/seed.ts',
      `await ds.createQueryBuilder().insert().into('meetings').values(v);`,
    );
    write('libs/community/src/x.entity.ts', `@Entity({ name: 'assets' }) export class X {}`);
    const { foreign } = foreignReferences(root, owners);
    expect(foreign).toEqual({
      'apps/cli/src/seed.ts': ['meetings'],
      'libs/community/src/x.entity.ts': ['assets'],
    });
  });

  it('passes what the allow-list names and reports entries that are no longer needed', () => {
    write('libs/community/src/a.ts', `q('UPDATE assets SET x = 1')`);
    const { foreign } = foreignReferences(root, owners);
    expect(compare(foreign, { 'libs/community/src/a.ts': ['assets'] })).toEqual({
      added: [],
      stale: [],
    });
    expect(
      compare(foreign, {
        'libs/community/src/a.ts': ['assets'],
        'libs/community/src/gone.ts': ['assets'],
      }).stale,
    ).toEqual(['libs/community/src/gone.ts → assets']);
  });

  it('lets other libs read a published view, and fires on a view no lib publishes', () => {
    write(
      'libs/platform/src/database/migrations/2-views.ts',
      `await q.query('CREATE VIEW knowledge_assets AS SELECT id FROM assets');
       await q.query(\`CREATE OR REPLACE VIEW stray_view AS SELECT id FROM meetings\`);`,
    );
    write('libs/community/src/c.ts', `q('SELECT a.id FROM knowledge_assets a')`);
    expect(foreignReferences(root, owners).foreign).toEqual({});
    expect(unownedViews(root, { knowledge: ['knowledge_assets'] })).toEqual(['stray_view']);
  });

  it('ignores comments and prose words that are not tables, and specs', () => {
    write('libs/community/src/a.spec.ts', `q('SELECT * FROM assets')`);
    write('libs/community/src/b.ts', `/* SELECT * FROM assets */ const s = 'choose from a list';`);
    expect(foreignReferences(root, owners).foreign).toEqual({});
    expect(literals(`a('x') // 'y'\n/* 'z' */ b("w\\"v") c(\`t\`)`)).toEqual(['x', 'w"v', 't']);
    expect(
      [
        ...tableReferences(
          `q('INSERT INTO meetings (id) SELECT id FROM assets')`,
          new Set(['assets', 'meetings']),
        ).keys(),
      ].sort(),
    ).toEqual(['assets', 'meetings']);
  });
});
