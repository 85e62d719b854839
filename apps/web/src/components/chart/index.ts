export { Chart, type ChartProps, preloadCharts } from './chart';
export type { ChartColumn, ChartData, ChartRow } from './chart-data';
export type { ChartKind } from './chart-options';
