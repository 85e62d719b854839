import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AppError, CommonErrors, isFieldProblemList } from '@lumbung/platform';

/**
 * Every coded error a lib defines (the factories of its `*.errors.ts`, and platform's
 * CommonErrors), called with the arguments below: a 400 carries `FieldProblem[]` details (or
 * none), every field problem's `messages` are words for people, and other statuses carry facts
 * (an object), never the field list. Factories are found by walking libs, so a new one is swept
 * without being listed; one that needs arguments gets them here.
 */
const ROOT = join(__dirname, '../..');

/** Arguments per factory (`Module.factory`): each entry is one call. */
const CALLS: Record<string, unknown[][]> = {
  'CommonErrors.validation': [[], [[{ field: 'title', problems: ['isLength'] }]]],
  'CommonErrors.badRequest': [
    ['SOME_CODE', { id: 'Tidak valid.', en: 'Not valid.' }],
    ['SOME_CODE', { id: 'Tidak valid.', en: 'Not valid.' }, [{ field: 'a', problems: ['b'] }]],
  ],
  'CommonErrors.nestingTooDeep': [[32], [32, 'query']],
  'CommonErrors.conflict': [['SOME_CODE', { id: 'Bentrok.', en: 'Conflict.' }, { version: 2 }]],
  'AwardErrors.invalidRubric': [
    [
      [
        { field: 'aspectWeights.rahasia', problem: 'unknown_aspect', message: 'is not an aspect' },
        { field: 'winners', problem: 'winners_range', message: 'must be an integer' },
        { field: 'winners', problem: 'not_a_number', message: 'must be a number' },
      ],
    ],
  ],
  'CommunityErrors.unknownUsers': [['attendeeNips', ['199901012020011999']]],
  'CommunityErrors.unreadableOutputs': [[['0f8fad5b-d9cb-469f-a165-70867728950e']]],
  'CommunityErrors.attendanceSheet': [
    ['missing'],
    ['empty'],
    ['unreadable'],
    ['no_nip_column'],
    ['too_many_rows'],
  ],
  'AuthErrors.weakPassword': [
    ['too_short'],
    ['too_long'],
    ['personal_data', 'password'],
    ['too_simple'],
  ],
  'UserErrors.invalidNip': [['checksum']],
  'AssetErrors.incomplete': [[[{ key: 'ringkasan', label: 'Ringkasan', labelEn: 'Summary' }]]],
  'AssetErrors.unknownSections': [[['rahasia']]],
  'AssetErrors.unknownUsers': [['authorIds']],
  'AssetErrors.fieldProblem': [['tags', 'too_many']],
  'NotificationErrors.duplicateType': [[['review_decided']]],
  'RiskErrors.field': [['plannedDate', 'in_past']],
};

/** Production files under libs that define coded errors (`*.errors.ts`). */
function errorModules(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.errors.ts')) out.push(path);
    }
  };
  walk(join(ROOT, 'libs'));
  return out.sort();
}

interface Made {
  name: string;
  error: AppError;
}

function sweep(): Made[] {
  const groups: [string, Record<string, unknown>][] = [['CommonErrors', CommonErrors]];
  for (const file of errorModules()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(file) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (name.endsWith('Errors') && typeof value === 'object' && value !== null) {
        groups.push([name, value as Record<string, unknown>]);
      }
    }
  }
  const made: Made[] = [];
  for (const [group, factories] of groups) {
    for (const [key, factory] of Object.entries(factories)) {
      if (typeof factory !== 'function') continue;
      const name = `${group}.${key}`;
      for (const args of CALLS[name] ?? [[]]) {
        let error: unknown;
        try {
          error = (factory as (...a: unknown[]) => unknown)(...args);
        } catch (cause) {
          throw new Error(`${name} needs arguments in CALLS`, { cause });
        }
        if (!(error instanceof AppError)) throw new Error(`${name} did not make an AppError`);
        made.push({ name, error });
      }
    }
  }
  return made;
}

describe('error details: one shape for every 400', () => {
  const made = sweep();

  it('finds the error registries of every lib', () => {
    const files = errorModules().map((f) => relative(ROOT, f).split('/')[1]);
    expect([...new Set(files)]).toEqual(
      expect.arrayContaining([
        'award',
        'community',
        'identity',
        'knowledge',
        'metrics',
        'notifications',
        'risk',
      ]),
    );
    expect(made.length).toBeGreaterThan(60);
  });

  it('gives every 400 field problems (or no details), with words for people where given', () => {
    const wrong = made
      .filter(({ error }) => error.status === 400 && error.details !== undefined)
      .filter(({ error }) => !isFieldProblemList(error.details))
      .map(({ name, error }) => `${name}: ${JSON.stringify(error.details)}`);
    expect(wrong).toEqual([]);
  });

  it('keeps the field list for 400s: other statuses carry facts as an object', () => {
    const wrong = made
      .filter(({ error }) => error.status !== 400 && Array.isArray(error.details))
      .map(({ name }) => name);
    expect(wrong).toEqual([]);
  });

  it('says each problem of the 400s it changed in Indonesian words, beside the stable code', () => {
    const codes = [
      'NESTING_TOO_DEEP',
      'UNKNOWN_USERS',
      'UNKNOWN_OUTPUT_ASSETS',
      'ATTENDANCE_SHEET_UNREADABLE',
      'WEAK_PASSWORD',
      'NOTIFICATION_TYPE_REPEATED',
      'TOO_MANY_FILES',
    ];
    for (const code of codes) {
      const found = made.filter(({ error }) => error.code === code);
      expect({ code, found: found.length > 0 }).toEqual({ code, found: true });
      for (const { error } of found) {
        expect(error.status).toBe(400);
        const [problem] = error.details as { problems: string[]; messages?: string[] }[];
        expect(problem.messages).toHaveLength(problem.problems.length);
      }
    }
  });

  it('words the award rubric’s problems per field, codes and messages side by side', () => {
    const rubric = made.find(({ name }) => name === 'AwardErrors.invalidRubric')?.error;
    expect([rubric?.code, rubric?.status]).toEqual(['VALIDATION_FAILED', 400]);
    expect(rubric?.details).toEqual([
      {
        field: 'aspectWeights.rahasia',
        problems: ['unknown_aspect'],
        messages: ['Bukan salah satu aspek penilaian.'],
      },
      {
        field: 'winners',
        problems: ['winners_range', 'not_a_number'],
        messages: ['Harus bilangan bulat dari 1 sampai 51.', 'Harus berupa angka.'],
      },
    ]);
  });

  it('recognises the shape exactly', () => {
    expect(isFieldProblemList([{ field: 'a', problems: ['b'], messages: ['c'] }])).toBe(true);
    expect(isFieldProblemList([{ field: 'a', problems: ['b'], details: { x: 1 } }])).toBe(true);
    expect(isFieldProblemList({ field: 'a', unknown: ['b'] })).toBe(false);
    expect(isFieldProblemList([{ field: 'a', problems: [] }])).toBe(false);
    expect(isFieldProblemList([{ field: 'a', problems: ['b', 'c'], messages: ['d'] }])).toBe(false);
    expect(isFieldProblemList([{ field: 'a', problems: ['b'], details: ['x'] }])).toBe(false);
  });
});
