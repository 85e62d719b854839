import { toCsv } from './award-export.service';

const cells = (csv: Buffer): string[] =>
  csv.subarray(3).toString('utf8').trim().split('\r\n')[1].split(',');

describe('toCsv', () => {
  it('prefixes cells a spreadsheet would run as formulas, ASCII or fullwidth, with a quote', () => {
    const row = ['=1+1', '+1', '-1', '@SUM(1)', '＝1+1', '＋1', '－1', '＠SUM(1)', '\tx', 'Dinas'];
    const csv = toCsv({ name: 'x', header: row.map((_, i) => `k${i}`), rows: [row] });
    expect(cells(csv)).toEqual([
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
  });

  it('leaves numbers alone, negative ones included', () => {
    const csv = toCsv({ name: 'x', header: ['a', 'b'], rows: [[-1.5, 42]] });
    expect(cells(csv)).toEqual(['-1.5', '42']);
  });
});
