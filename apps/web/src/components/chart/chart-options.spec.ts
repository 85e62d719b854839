import { describe, expect, it } from '@jest/globals';
import type { ChartData } from './chart-data';
import { buildChartOption, HEAT_COLORS, maxValue } from './chart-options';

const quarters: ChartData = {
  columns: [{ label: 'Triwulan' }, { label: 'Aset terbit' }, { label: 'Pembaca' }],
  rows: [
    ['T1', 1, 10],
    ['T2', 3, null],
  ],
};

describe('buildChartOption', () => {
  it('draws bars per series over the first column, animation as asked, tooltips without HTML', () => {
    const built = buildChartOption('bar', quarters, {
      animation: false,
      stacked: true,
      fontFamily: 'system-ui, sans-serif',
    });
    const option = built.baseOption as Record<string, unknown>;
    // On a phone, the category names break onto two lines instead of overlapping.
    expect(built.media).toEqual([
      {
        query: { maxWidth: 480 },
        option: { xAxis: { axisLabel: { width: 60, overflow: 'break' } } },
      },
    ]);
    expect(option.animation).toBe(false);
    expect(option.textStyle).toEqual({ fontFamily: 'system-ui, sans-serif' });
    expect(option.tooltip).toEqual({ renderMode: 'richText', trigger: 'axis' });
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['T1', 'T2'] });
    expect(option.series).toEqual([
      expect.objectContaining({ type: 'bar', name: 'Aset terbit', data: [1, 3], stack: 'total' }),
      expect.objectContaining({ type: 'bar', name: 'Pembaca', data: [10, null], stack: 'total' }),
    ]);
    // The legend is the component's own (HTML, wraps on narrow screens), not ECharts'.
    expect(option.legend).toBeUndefined();
  });

  it('draws lines, with animation when asked', () => {
    const one: ChartData = { columns: quarters.columns.slice(0, 2), rows: [['T1', 5]] };
    const option = buildChartOption('line', one, { animation: true }).baseOption as Record<
      string,
      unknown
    >;
    expect(option.animation).toBe(true);
    expect(option.series).toEqual([expect.objectContaining({ type: 'line', data: [5] })]);
  });

  it('puts a heatmap cell at [column, row] for every number, scaled from 0 to the largest', () => {
    const byOpd: ChartData = {
      columns: [{ label: 'OPD pembaca' }, { label: 'T1' }, { label: 'T2' }],
      rows: [
        ['DINKES', 4, 0],
        ['DSDA', null, 7],
      ],
    };
    const option = buildChartOption('heatmap', byOpd, { animation: false }).baseOption as Record<
      string,
      unknown
    >;
    expect(option.xAxis).toMatchObject({ data: ['T1', 'T2'] });
    expect(option.yAxis).toMatchObject({ data: ['DINKES', 'DSDA'] });
    expect(option.visualMap).toMatchObject({
      min: 0,
      max: 7,
      text: ['7', '0'],
      inRange: { color: HEAT_COLORS },
    });
    expect((option.series as { data: unknown }[])[0]?.data).toEqual([
      [0, 0, 4],
      [1, 0, 0],
      [1, 1, 7],
    ]);
    expect(option.tooltip).toMatchObject({ trigger: 'item' });
  });

  it('draws a radar axis per row and a polygon per series, on the given scale', () => {
    const aspects: ChartData = {
      columns: [{ label: 'Aspek' }, { label: 'DINKES' }, { label: 'Median' }],
      rows: [
        ['Kepemimpinan', 80, 60],
        ['Proses', 40, null],
      ],
    };
    const option = buildChartOption('radar', aspects, { animation: false, max: 100 });
    expect(option.radar).toMatchObject({
      indicator: [
        { name: 'Kepemimpinan', max: 100 },
        { name: 'Proses', max: 100 },
      ],
    });
    expect((option.series as { data: unknown }[])[0]?.data).toEqual([
      { name: 'DINKES', value: [80, 40] },
      { name: 'Median', value: [60, 0] },
    ]);
  });
});

describe('maxValue', () => {
  it('is the largest finite number, 0 for no numbers', () => {
    expect(maxValue(quarters)).toBe(10);
    expect(maxValue({ columns: [], rows: [] })).toBe(0);
  });
});
