import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  compareAllowed,
  errorCodeProblems,
  literalCodes,
  registeredCodes,
} from './error-codes.mjs';

describe('the error-code registry check', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'codes-'));
    write(
      'libs/award/src/error-codes.ts',
      `export const AwardErrorCode = {\n  // AWARD_OLD: 'AWARD_OLD' (a comment is not a code)\n  AWARD_YEAR_FINALIZED: 'AWARD_YEAR_FINALIZED',\n} as const;`,
    );
    write(
      'libs/award/src/award.errors.ts',
      `export const AwardErrors = {\n  finalized: () => CommonErrors.conflict(AwardErrorCode.AWARD_YEAR_FINALIZED, TEXT),\n};`,
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes a lib that throws with its registry’s constants', () => {
    expect(errorCodeProblems(root)).toEqual({});
  });

  it('fires on a code registered by two libs, naming both files', () => {
    write(
      'libs/community/src/error-codes.ts',
      `export const CommunityErrorCode = { AWARD_YEAR_FINALIZED: 'AWARD_YEAR_FINALIZED' } as const;`,
    );
    expect(errorCodeProblems(root)).toEqual({
      'libs/community/src/error-codes.ts': [
        'AWARD_YEAR_FINALIZED is registered in libs/award/src/error-codes.ts too',
      ],
    });
  });

  it('fires on an error made with a literal code, and on a registered code written as a literal', () => {
    write(
      'libs/community/src/meetings/meetings.service.ts',
      `throw new AppError(\n  'AWARD_YEAR_FINALIZED', 409, TEXT);\nthrow CommonErrors.badRequest("NOT_REGISTERED", TEXT);`,
    );
    write(
      'apps/cli/src/report.ts',
      `rows.push({ code: 'AWARD_YEAR_FINALIZED' }); rows.push({ code: 'BAPENDA' });`,
    );
    expect(errorCodeProblems(root)).toEqual({
      'libs/community/src/meetings/meetings.service.ts': [
        'AWARD_YEAR_FINALIZED is a literal: use the constant of libs/award/src/error-codes.ts',
        'NOT_REGISTERED is a literal: use a registry',
      ],
      'apps/cli/src/report.ts': [
        'AWARD_YEAR_FINALIZED is a literal: use the constant of libs/award/src/error-codes.ts',
      ],
    });
  });

  it('reads codes, not comments, and ignores specs', () => {
    expect(registeredCodes(`{ A_B: 'A_B', // C_D: 'C_D'\n /* E: 'E' */ F: "x" }`)).toEqual(['A_B']);
    expect(literalCodes(`// new AppError('X', 400)\nnew AppError('Y', 400)`).made).toEqual(['Y']);
    write('libs/award/src/award.spec.ts', `expect(new AppError('LITERAL', 400)).toBeTruthy();`);
    expect(errorCodeProblems(root)).toEqual({});
  });

  it('lets the allow-list excuse a named problem and reports an entry that no longer happens', () => {
    const problems = { 'a.ts': ['X is a literal: use a registry'] };
    expect(compareAllowed(problems, { 'a.ts': ['X is a literal: use a registry'] })).toEqual({
      added: [],
      stale: [],
    });
    expect(compareAllowed({}, { 'a.ts': ['X is a literal: use a registry'] })).toEqual({
      added: [],
      stale: ['a.ts: X is a literal: use a registry'],
    });
  });

  it('holds in this repository (with only the allow-listed exceptions)', () => {
    const repo = join(__dirname, '../..');
    const { _why: _, ...allow } = JSON.parse(
      readFileSync(join(__dirname, 'error-codes.allow.json'), 'utf8'),
    ) as Record<string, string[]>;
    expect(compareAllowed(errorCodeProblems(repo), allow)).toEqual({ added: [], stale: [] });
  });
});
