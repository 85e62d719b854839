import { describe, expect, it } from '@jest/globals';
import { csvFileName, formatValue, toCsv } from './chart-data';

describe('toCsv', () => {
  const data = {
    columns: [{ label: 'Triwulan' }, { label: 'Aset terbit' }, { label: 'Jangkauan (%)' }],
    rows: [
      ['T1', 3, 12.345],
      ['T2', 0, null],
    ] as const,
  };

  it('writes a UTF-8 BOM, the headings and one CRLF line per row with plain numbers', () => {
    expect(toCsv(data)).toBe('\ufeffTriwulan,Aset terbit,Jangkauan (%)\r\nT1,3,12.35\r\nT2,0,\r\n');
  });

  it('quotes fields with commas, quotes, semicolons and line breaks', () => {
    const csv = toCsv({
      columns: [{ label: 'OPD, nama' }, { label: 'Pembaca' }],
      rows: [
        ['Dinas "Air"; Kota', 4],
        ['Baris\nbaru', 1],
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      '\ufeff"OPD, nama",Pembaca',
      '"Dinas ""Air""; Kota",4',
      '"Baris\nbaru",1',
      '',
    ]);
  });

  it('never leaves a text cell that a spreadsheet would run as a formula', () => {
    const csv = toCsv({
      columns: [{ label: 'Judul' }, { label: 'Nilai' }],
      rows: [
        ['=HYPERLINK("x")', -2],
        ['＋1', 1],
      ],
    });
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",-2`);
    expect(lines[2]).toBe("'＋1,1");
  });
});

describe('formatValue', () => {
  it('reads numbers in Indonesian: thousands with dots, decimals with a comma', () => {
    expect(formatValue(1234, 'integer', 'id')).toBe('1.234');
    expect(formatValue(12.345, 'decimal', 'id')).toBe('12,35');
    expect(formatValue(45.25, 'percent', 'id')).toBe('45,3 %');
    expect(formatValue(45.25, 'percent', 'en')).toBe('45.3 %');
    expect(formatValue(null, 'integer', 'id')).toBe('–');
  });
});

describe('csvFileName', () => {
  it('makes a file name from a title', () => {
    expect(csvFileName('Pembaca per OPD · Triwulan 2025')).toBe(
      'pembaca-per-opd-triwulan-2025.csv',
    );
    expect(csvFileName('  ')).toBe('data.csv');
  });
});
