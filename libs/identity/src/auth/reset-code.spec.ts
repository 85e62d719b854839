import { formatResetCode, newResetCode, normalizeResetCode } from './reset-code';

describe('password-reset codes', () => {
  it('are 24 Crockford base32 characters in six groups of four', () => {
    const code = newResetCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{24}$/);
    const shown = formatResetCode(code);
    expect(shown).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/);
    expect(shown.replace(/-/g, '')).toBe(code);
    // What the user types back is the code that was stored.
    expect(normalizeResetCode(shown)).toBe(code);
  });

  it('differ every time and use the whole alphabet', () => {
    const codes = Array.from({ length: 200 }, () => newResetCode());
    expect(new Set(codes).size).toBe(200);
    expect(new Set(codes.join('')).size).toBe(32);
  });

  it('are read the way people type them: case, spaces, dashes and look-alikes ignored', () => {
    expect(normalizeResetCode(' 7kq2-m9xd 0000-1111-abcd-efgh ')).toBe('7KQ2M9XD00001111ABCDEFGH');
    expect(normalizeResetCode('7KQ2-M9XD-OoOo-IiLl-ABCD-EFGH')).toBe('7KQ2M9XD00001111ABCDEFGH');
  });

  it('refuse what cannot be a code', () => {
    for (const bad of [
      '',
      'ABCD',
      '7KQ2-M9XD-0000-1111-ABCD-EFG',
      '7KQ2-M9XD-0000-1111-ABCD-EFGHJ',
      'UUUU-M9XD-0000-1111-ABCD-EFGH',
      '7KQ2-M9XD-0000-1111-ABCD-EF\u0000H',
    ]) {
      expect(normalizeResetCode(bad)).toBeUndefined();
    }
  });
});
