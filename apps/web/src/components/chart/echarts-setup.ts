import { BarChart, HeatmapChart, LineChart, RadarChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { dispose, getInstanceByDom, init, use as register } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * ECharts itself, in its own chunk: `chart.tsx` imports this module lazily, so only pages that draw
 * a chart download it. Only what the portal draws is registered. It imports nothing from React
 * (the binding lives in the page's chunk), so loading it leaves the first route's chunks as they
 * are. The SVG renderer sets styles through the CSSOM only, which the CSP allows.
 */
register([
  BarChart,
  LineChart,
  HeatmapChart,
  RadarChart,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

/** What the React binding calls (a plain object: no namespace helper shared with other chunks). */
export const echarts = { init, getInstanceByDom, dispose };
