import { AppError } from './app-error';
import { hostileInputError, inspectJson, MAX_JSON_DEPTH, PathParamPipe } from './input-guard';

/** `[[…[1]…]]` with `depth` arrays, built as text (JSON.parse builds it without recursion). */
const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`);

describe('inspectJson', () => {
  it('accepts ordinary bodies, including emoji (proper surrogate pairs)', () => {
    expect(
      inspectJson({ title: 'Rapat 💡 evaluasi', tags: ['a', 'b'], sections: { x: '' }, n: 0 }),
    ).toEqual({ ok: true });
  });

  it('names NUL and lone surrogates in values and keys, with the pipe’s field names', () => {
    const result = inspectJson({
      title: 'a\u0000b',
      sets: [['ok', 'x\ud800']],
      sections: { '\udc00': 'x' },
    });
    expect(result).toEqual({
      ok: false,
      tooDeep: false,
      problems: [
        { field: 'sections.\udc00', problems: ['not_well_formed_unicode'] },
        { field: 'sets.0.1', problems: ['not_well_formed_unicode'] },
        { field: 'title', problems: ['contains_nul'] },
      ],
    });
  });

  it('refuses null and prototype keys like unknown keys', () => {
    const body = JSON.parse(
      '{"name":null,"__proto__":{"isAdmin":true},"a":{"constructor":1,"prototype":2}}',
    ) as object;
    expect(inspectJson(body)).toEqual({
      ok: false,
      tooDeep: false,
      problems: [
        { field: '__proto__', problems: ['whitelistValidation'] },
        { field: 'a.constructor', problems: ['whitelistValidation'] },
        { field: 'a.prototype', problems: ['whitelistValidation'] },
        { field: 'name', problems: ['null_not_allowed'] },
      ],
    });
  });

  it('accepts exactly MAX_JSON_DEPTH levels and refuses one more, at any depth without recursion', () => {
    expect(MAX_JSON_DEPTH).toBe(32);
    expect(inspectJson(nested(32))).toEqual({ ok: true });
    expect(inspectJson(nested(33))).toEqual({ ok: false, tooDeep: true });
    expect(inspectJson(nested(1_000_000))).toEqual({ ok: false, tooDeep: true });
  });

  it('reports at most 20 problems', () => {
    const result = inspectJson(Array.from({ length: 1000 }, () => '\u0000'));
    expect(result.ok === false && !result.tooDeep && result.problems).toHaveLength(20);
  });
});

describe('hostileInputError', () => {
  it('is a 400 VALIDATION_FAILED naming the fields, or NESTING_TOO_DEEP with the limit', () => {
    const invalid = hostileInputError({ q: 'a\u0000' });
    expect(invalid).toBeInstanceOf(AppError);
    expect([invalid?.code, invalid?.status, invalid?.details]).toEqual([
      'VALIDATION_FAILED',
      400,
      [{ field: 'q', problems: ['contains_nul'] }],
    ]);
    const deep = hostileInputError(nested(40));
    expect([deep?.code, deep?.status, deep?.details]).toEqual([
      'NESTING_TOO_DEEP',
      400,
      [
        {
          field: 'body',
          problems: ['too_deep'],
          messages: ['Data bersarang lebih dari 32 tingkat.'],
          details: { maxDepth: 32 },
        },
      ],
    ]);
    expect(deep?.text.id).toContain('32');
    expect(hostileInputError({ q: 'biasa' })).toBeUndefined();
  });
});

describe('PathParamPipe', () => {
  const pipe = new PathParamPipe();

  it('refuses NUL in a path parameter, naming it', () => {
    expect(() => pipe.transform('BPS\u0000DM', { type: 'param', data: 'code' })).toThrow(AppError);
    try {
      pipe.transform('BPS\u0000DM', { type: 'param', data: 'code' });
    } catch (e) {
      expect((e as AppError).details).toEqual([{ field: 'code', problems: ['contains_nul'] }]);
    }
  });

  it('passes other parameters and other argument types through', () => {
    expect(pipe.transform('BPSDM', { type: 'param', data: 'code' })).toBe('BPSDM');
    const body = { title: 'a\u0000' };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
  });
});
