import { describe, expect, it } from '@jest/globals';
import { Workbook } from 'exceljs';
import { cellText, type ExportSheet, toCsvFile, toWorkbook } from './workbook';

const csvLines = (csv: Buffer): string[] => csv.subarray(3).toString('utf8').split('\r\n');

const SHEET: ExportSheet = {
  name: 'Aset',
  columns: [
    { header: 'Judul', kind: 'text', explain: 'Judul aset.' },
    { header: 'Nilai', kind: 'decimal', explain: 'Nilai 0–100.' },
    { header: 'Kelengkapan', kind: 'percent', explain: 'Bagian templat yang terisi.' },
    { header: 'Terbit', kind: 'datetime', explain: 'Waktu terbit (WIB).' },
    { header: 'Tanggal', kind: 'date', explain: 'Tanggal.' },
    { header: 'Pemenang', kind: 'yesNo', explain: 'Ya atau Tidak.' },
  ],
  rows: [
    [
      'Layanan KTP keliling di Kepulauan Seribu',
      71.234567891,
      0.75,
      '2025-05-11T02:11:15.999Z',
      '2025-05-12',
      true,
    ],
    ['=HYPERLINK("x")', null, null, null, null, false],
  ],
};

describe('exports a person reads as is', () => {
  it('writes WIB times, calendar days, rounded numbers and Ya/Tidak as the cells show them', () => {
    expect(cellText('datetime', '2025-05-11T02:11:15.999Z')).toBe('11/05/2025 09:11');
    expect(cellText('datetime', '2025-05-11T20:30:00Z')).toBe('12/05/2025 03:30');
    expect(cellText('date', '2025-05-12')).toBe('12/05/2025');
    expect(cellText('month', '2027-08')).toBe('Agu 2027');
    expect(cellText('decimal', 71.234567891)).toBe('71.23');
    expect(cellText('percent', 0.755)).toBe('76%');
    expect(cellText('yesNo', false)).toBe('Tidak');
    expect(cellText('integer', null)).toBe('');
  });

  it('reads back as a table: real dates and numbers with formats, widths to content, frozen filtered header, Keterangan', async () => {
    const at = new Date('2026-12-03T09:07:00Z');
    const bytes = await toWorkbook({
      intro: ['Judul laporan', 'Versi rubrik 3'],
      sheets: [SHEET],
      generatedAt: at,
    });
    const book = new Workbook();
    await book.xlsx.load(bytes as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Aset', 'Keterangan']);
    const ws = book.getWorksheet('Aset')!;
    // The intro and the time of making above the table, then the header row.
    expect(ws.getCell('A1').value).toBe('Judul laporan');
    expect(ws.getCell('A2').value).toBe('Versi rubrik 3');
    expect(ws.getCell('A3').value).toBe('Dibuat 03/12/2026 16:07 WIB');
    const header = ws.getRow(5);
    expect((header.values as unknown[]).slice(1)).toEqual(SHEET.columns.map((c) => c.header));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.autoFilter).toBe('A5:F5');
    const row = ws.getRow(6);
    expect(row.getCell(2).value).toBe(71.23);
    expect(row.getCell(2).numFmt).toBe('0.00');
    expect(row.getCell(3).value).toBe(0.75);
    expect(row.getCell(3).numFmt).toBe('0%');
    // 02:11 UTC is 09:11 WIB: the cell holds the WIB wall-clock time as a real date.
    expect(row.getCell(4).value).toEqual(new Date('2025-05-11T09:11:15.999Z'));
    expect(row.getCell(4).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(row.getCell(5).value).toEqual(new Date('2025-05-12T00:00:00Z'));
    expect(row.getCell(5).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(6).value).toBe('Ya');
    // A formula-looking text stays text in XLSX.
    expect(ws.getRow(7).getCell(1).value).toBe('=HYPERLINK("x")');
    // Widths: the longest value (plus 2), not the header.
    expect(ws.getColumn(1).width).toBe('Layanan KTP keliling di Kepulauan Seribu'.length + 2);
    expect(ws.getColumn(4).width).toBe('11/05/2025 09:11'.length + 2);
    const about = book.getWorksheet('Keterangan')!;
    const explained = about.getColumn(2).values;
    for (const c of SHEET.columns) expect(explained).toContain(c.header);
    expect(about.getColumn(3).values).toContain('Waktu terbit (WIB).');
  });

  it('CSV has the same headings and values, neutralises formulas (ASCII or fullwidth), blocks per sheet', () => {
    const csv = toCsvFile([SHEET]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvLines(csv);
    expect(lines[0]).toBe('Judul,Nilai,Kelengkapan,Terbit,Tanggal,Pemenang');
    expect(lines[1]).toBe(
      'Layanan KTP keliling di Kepulauan Seribu,71.23,75%,11/05/2025 09:11,12/05/2025,Ya',
    );
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")",,,,,Tidak`);
    const hostile = [
      '=1+1',
      '+1',
      '-1',
      '@SUM(1)',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(1)',
      '\tx',
      'Dinas',
    ];
    const one = toCsvFile([
      {
        name: 'x',
        columns: hostile.map((_, i) => ({ header: `k${i}`, kind: 'text' as const, explain: '' })),
        rows: [hostile, [-1.5, 42]],
      },
    ]);
    const [, cells, numbers] = csvLines(one);
    expect(cells.split(',')).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(1)",
      "'＝1+1",
      "'＋1",
      "'－1",
      "'＠SUM(1)",
      "'\tx",
      'Dinas',
    ]);
    expect(numbers.split(',').slice(0, 2)).toEqual(['-1.5', '42']);
    const two = csvLines(toCsvFile([SHEET, { ...SHEET, name: 'Lain' }]));
    expect(two[0]).toBe('Aset');
    expect(two[1]).toBe('Judul,Nilai,Kelengkapan,Terbit,Tanggal,Pemenang');
    expect(two[4]).toBe('');
    expect(two[5]).toBe('Lain');
    expect(two[6]).toBe(two[1]);
  });
});
