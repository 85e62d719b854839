import { isNipInfo, parseNip } from './nip';

const TODAY = new Date('2025-06-01T00:00:00Z');

describe('parseNip', () => {
  describe('valid NIPs', () => {
    it('extracts birth date, appointment month and sex from a male NIP', () => {
      expect(parseNip('198503152010011001', TODAY)).toEqual({
        nip: '198503152010011001',
        birthDate: '1985-03-15',
        appointedMonth: '2010-01',
        sex: 'male',
      });
    });

    it('reads digit 15 = 2 as female', () => {
      expect(parseNip('199001012015032002', TODAY)).toEqual({
        nip: '199001012015032002',
        birthDate: '1990-01-01',
        appointedMonth: '2015-03',
        sex: 'female',
      });
    });

    it('accepts 29 February in a leap year', () => {
      const info = parseNip('198802292010011001', TODAY);
      expect(isNipInfo(info) && info.birthDate).toBe('1988-02-29');
    });

    it('accepts the oldest allowed birth year (1940)', () => {
      expect(isNipInfo(parseNip('194001011960011001', TODAY))).toBe(true);
    });

    it('accepts someone who turns 15 this year, appointed at 15', () => {
      // today is 2025: born 2010, appointed 2025
      expect(isNipInfo(parseNip('201001012025061001', TODAY))).toBe(true);
    });

    it('accepts an appointment month next year (pre-announced appointments)', () => {
      expect(isNipInfo(parseNip('198503152026121001', TODAY))).toBe(true);
    });
  });

  describe('format', () => {
    it.each([
      ['empty string', ''],
      ['17 digits', '19850315201001100'],
      ['19 digits', '1985031520100110011'],
      ['a letter', '19850315201001100A'],
      ['inner spaces', '19850315 2010011001'],
      ['surrounding spaces', ' 198503152010011001'],
      ['dots', '19850315.201001.1.001'],
      ['a minus sign', '-98503152010011001'],
    ])('rejects %s as format', (_label, input) => {
      expect(parseNip(input, TODAY)).toBe('format');
    });
  });

  describe('birth_date', () => {
    it.each([
      ['30 February', '198502302010011001'],
      ['29 February in a non-leap year', '198502292010011001'],
      ['month 13', '198513152010011001'],
      ['month 00', '198500152010011001'],
      ['day 00', '198503002010011001'],
      ['day 32', '198501322010011001'],
      ['31 April', '198504312010011001'],
      ['a birth year before 1940', '193912312010011001'],
      ['someone younger than 15 this year', '201101012025061001'],
      ['a birth date in the future', '203001012040011001'],
    ])('rejects %s', (_label, input) => {
      expect(parseNip(input, TODAY)).toBe('birth_date');
    });

    it('moves the youngest allowed birth year with today', () => {
      const nip = '201101012026061001';
      expect(parseNip(nip, TODAY)).toBe('birth_date');
      expect(isNipInfo(parseNip(nip, new Date('2026-01-01T00:00:00Z')))).toBe(true);
    });
  });

  describe('appointment', () => {
    it.each([
      ['month 00', '198503152010001001'],
      ['month 13', '198503152010131001'],
      ['appointment at age 14', '198503151999121001'],
      ['appointment before birth', '198503151980011001'],
      ['appointment more than a year ahead', '198503152027011001'],
    ])('rejects %s', (_label, input) => {
      expect(parseNip(input, TODAY)).toBe('appointment');
    });

    it('accepts appointment in the year the person turns 15', () => {
      expect(isNipInfo(parseNip('198503152000011001', TODAY))).toBe(true);
    });
  });

  describe('sex', () => {
    it.each(['0', '3', '9'])('rejects sex digit %s', (digit) => {
      expect(parseNip(`19850315201001${digit}001`, TODAY)).toBe('sex');
    });
  });

  it('reports the birth date before the appointment and the sex', () => {
    expect(parseNip('198502302010133001', TODAY)).toBe('birth_date');
    expect(parseNip('198503152010133001', TODAY)).toBe('appointment');
  });
});

describe('isNipInfo', () => {
  it('is true for parsed info and false for every problem', () => {
    expect(isNipInfo(parseNip('198503152010011001', TODAY))).toBe(true);
    for (const problem of ['format', 'birth_date', 'appointment', 'sex'] as const) {
      expect(isNipInfo(problem)).toBe(false);
    }
  });
});
