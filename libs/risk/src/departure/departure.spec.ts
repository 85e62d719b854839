import { BUP_YEARS, departureOf, monthsUntil, statutoryRetirement } from './departure';

describe('statutoryRetirement (BUP, first day of the month after the BUP birthday)', () => {
  it.each([
    ['administrasi', 58, '2026-10-01'],
    ['fungsional_ahli_pertama', 58, '2026-10-01'],
    ['fungsional_ahli_muda', 58, '2026-10-01'],
    ['fungsional_keterampilan', 58, '2026-10-01'],
    ['fungsional_lain', 58, '2026-10-01'],
    ['pimpinan_tinggi', 60, '2028-10-01'],
    ['fungsional_ahli_madya', 60, '2028-10-01'],
    ['fungsional_ahli_utama', 65, '2033-10-01'],
  ] as const)('%s retires at %i', (kategori, age, date) => {
    expect(BUP_YEARS[kategori]).toBe(age);
    expect(statutoryRetirement('1968-09-04', kategori)).toBe(date);
  });

  it('a birthday on the 1st still retires on the 1st of the next month', () => {
    expect(statutoryRetirement('1968-09-01', 'administrasi')).toBe('2026-10-01');
  });

  it('a birthday at the end of December retires on 1 January of the next year', () => {
    expect(statutoryRetirement('1968-12-31', 'administrasi')).toBe('2027-01-01');
    expect(statutoryRetirement('1966-12-01', 'fungsional_ahli_madya')).toBe('2027-01-01');
  });

  it('a birthday on the last day of a month retires on the 1st after it', () => {
    expect(statutoryRetirement('1968-04-30', 'administrasi')).toBe('2026-05-01');
    expect(statutoryRetirement('1968-01-31', 'administrasi')).toBe('2026-02-01');
  });

  it('someone born on 29 February retires on 1 March, in a common year too', () => {
    expect(statutoryRetirement('1968-02-29', 'administrasi')).toBe('2026-03-01');
    expect(statutoryRetirement('1964-02-29', 'fungsional_ahli_madya')).toBe('2024-03-01');
  });
});

describe('departureOf', () => {
  const facts = {
    birthDate: '1968-09-04',
    jabatanKategori: 'administrasi' as const,
    plannedDeparture: null,
  };

  it('is the BUP without a planned departure', () => {
    expect(departureOf(facts)).toEqual({
      date: '2026-10-01',
      month: '2026-10',
      kind: 'bup',
      reason: null,
    });
  });

  it('a planned departure before the BUP overrides it', () => {
    expect(
      departureOf({ ...facts, plannedDeparture: { date: '2025-07-15', reason: 'mutasi' } }),
    ).toEqual({ date: '2025-07-15', month: '2025-07', kind: 'rencana', reason: 'mutasi' });
  });

  it('a planned departure after the BUP leaves the BUP in force (nobody stays past it)', () => {
    expect(
      departureOf({
        ...facts,
        plannedDeparture: { date: '2027-01-01', reason: 'akhir_kontrak_pppk' },
      }),
    ).toMatchObject({ date: '2026-10-01', kind: 'bup', reason: null });
  });

  it('a planned departure on the BUP day itself is the BUP', () => {
    expect(
      departureOf({ ...facts, plannedDeparture: { date: '2026-10-01', reason: 'pensiun_dini' } }),
    ).toMatchObject({ kind: 'bup' });
  });
});

describe('monthsUntil', () => {
  it.each([
    ['2026-01-15', '2026-01-31', 0],
    ['2026-01-15', '2026-02-14', 0],
    ['2026-01-15', '2026-02-15', 1],
    ['2026-01-31', '2027-01-01', 11],
    ['2026-03-01', '2026-02-01', -1],
  ])('from %s to %s is %i', (today, day, months) => {
    expect(monthsUntil(today, day)).toBe(months);
  });
});
