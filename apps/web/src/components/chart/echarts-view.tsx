import { BarChart, HeatmapChart, LineChart, RadarChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Only what the portal draws: ECharts' full build is about 4 times this chunk.
echarts.use([
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

interface EChartsViewProps {
  option: Record<string, unknown>;
  height: number;
  onReady: () => void;
}

/**
 * ECharts itself, in its own chunk: `chart.tsx` imports this module lazily, so only pages that draw
 * a chart download it. The SVG renderer sets styles through the CSSOM only (the CSP allows that).
 */
export default function EChartsView({ option, height, onReady }: EChartsViewProps) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      opts={{ renderer: 'svg' }}
      style={{ height, width: '100%' }}
      onChartReady={onReady}
    />
  );
}
