import type { ChartData } from './chart-data';

/** The chart types the portal draws (each registered in echarts-setup.ts, nothing else). */
export type ChartKind = 'bar' | 'line' | 'heatmap' | 'radar';

export interface ChartOptionSettings {
  /** Off in automated browsers (navigator.webdriver) so screenshots and timings are stable. */
  animation: boolean;
  /** Bars stacked on one another instead of side by side. */
  stacked?: boolean;
  /** Radar: the outer ring's value for every axis (default: the largest value). */
  max?: number;
  /**
   * The page's font stack: ECharts measures text with it to lay out labels and legends, so it must
   * be a real font list (with `inherit` it measures one font and the page draws another).
   */
  fontFamily?: string;
}

/** Series colours: distinct in lightness too, so they still read in greyscale. */
export const SERIES_COLORS = ['#1864ab', '#e8590c', '#2b8a3e', '#862e9c', '#c92a2a', '#495057'];
/** Heatmap scale from few to many (the darkest has 4.5:1 against white text). */
export const HEAT_COLORS = ['#e7f5ff', '#74c0fc', '#1c7ed6', '#0b3d75'];

const TEXT = { color: '#343a40', fontSize: 12 };

/** The largest number in the data (0 when there is none). */
export function maxValue({ rows }: ChartData): number {
  let max = 0;
  for (const row of rows)
    for (let i = 1; i < row.length; i++) {
      const v = row[i];
      if (typeof v === 'number' && Number.isFinite(v) && v > max) max = v;
    }
  return max;
}

/**
 * The ECharts option for a chart of `data` (pure: the component and the unit tests call it).
 * Tooltips are drawn by the renderer (`renderMode: 'richText'`): ECharts' HTML tooltips carry
 * inline style attributes, which the portal's CSP refuses.
 */
export function buildChartOption(
  kind: ChartKind,
  data: ChartData,
  settings: ChartOptionSettings,
): Record<string, unknown> {
  const base = {
    animation: settings.animation,
    color: SERIES_COLORS,
    textStyle: { fontFamily: settings.fontFamily ?? 'sans-serif' },
    tooltip: {
      renderMode: 'richText',
      trigger: kind === 'bar' || kind === 'line' ? 'axis' : 'item',
    },
    aria: { enabled: false },
  };
  switch (kind) {
    case 'bar':
    case 'line':
      return narrow(
        { ...base, ...cartesian(kind, data, settings) },
        {
          xAxis: { axisLabel: { width: 60, overflow: 'break' } },
        },
      );
    case 'heatmap':
      return narrow(
        { ...base, ...heatmap(data) },
        {
          xAxis: { axisLabel: { width: 44, fontSize: 10, overflow: 'break' } },
          yAxis: { axisLabel: { width: 88 } },
        },
      );
    case 'radar':
      return { ...base, ...radar(data, settings) };
  }
}

/**
 * The option with changes for charts narrower than 480 px (a phone): category names break onto
 * two lines instead of overlapping. ECharts applies the matching `media` rule itself on resize.
 */
function narrow(
  option: Record<string, unknown>,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  return { baseOption: option, media: [{ query: { maxWidth: 480 }, option: changes }] };
}

function seriesColumns(data: ChartData) {
  return data.columns.slice(1).map((column, j) => ({ column, index: j + 1 }));
}

function cartesian(kind: 'bar' | 'line', data: ChartData, settings: ChartOptionSettings) {
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8 },
    xAxis: {
      type: 'category',
      data: data.rows.map((r) => r[0]),
      axisLabel: { ...TEXT, interval: 0, width: 96, overflow: 'truncate' },
    },
    yAxis: { type: 'value', axisLabel: TEXT, minInterval: 1 },
    series: seriesColumns(data).map(({ column, index }) => ({
      type: kind,
      name: column.label,
      data: data.rows.map((r) => r[index] ?? null),
      ...(kind === 'bar' && settings.stacked ? { stack: 'total' } : {}),
      ...(kind === 'line' ? { symbolSize: 8, connectNulls: false } : {}),
    })),
  };
}

function heatmap(data: ChartData) {
  const xs = data.columns.slice(1).map((c) => c.label);
  const ys = data.rows.map((r) => r[0]);
  const max = Math.max(1, maxValue(data));
  const points: [number, number, number][] = [];
  data.rows.forEach((row, y) => {
    for (let x = 0; x < xs.length; x++) {
      const v = row[x + 1];
      if (typeof v === 'number' && Number.isFinite(v)) points.push([x, y, v]);
    }
  });
  return {
    grid: { left: 8, right: 16, top: 8, bottom: 56 },
    xAxis: { type: 'category', data: xs, axisLabel: TEXT, splitArea: { show: true } },
    yAxis: {
      type: 'category',
      data: ys,
      inverse: true,
      axisLabel: { ...TEXT, width: 160, overflow: 'truncate' },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      text: [String(max), '0'],
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      textStyle: TEXT,
      inRange: { color: HEAT_COLORS },
    },
    series: [
      {
        type: 'heatmap',
        name: data.columns[0]?.label ?? '',
        data: points,
        label: { show: xs.length * ys.length <= 120, fontSize: 11 },
        emphasis: { itemStyle: { borderColor: '#212529', borderWidth: 1 } },
      },
    ],
  };
}

function radar(data: ChartData, settings: ChartOptionSettings) {
  const max = settings.max ?? Math.max(1, maxValue(data));
  return {
    radar: {
      indicator: data.rows.map((r) => ({ name: r[0], max })),
      radius: '62%',
      center: ['50%', '50%'],
      axisName: TEXT,
    },
    series: [
      {
        type: 'radar',
        data: seriesColumns(data).map(({ column, index }) => ({
          name: column.label,
          value: data.rows.map((r) => r[index] ?? 0),
        })),
      },
    ],
  };
}
