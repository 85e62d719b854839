import { Button, Text, Title, type TitleOrder, useMantineTheme } from '@mantine/core';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { saveBlob } from '@/lib/api/download';
import { type ChartData, csvFileName, formatValue, toCsv } from './chart-data';
import { buildChartOption, type ChartKind, SERIES_COLORS } from './chart-options';
import classes from './chart.module.css';

interface EChartsViewProps {
  option: Record<string, unknown>;
  height: number;
  onReady: () => void;
}

/**
 * ECharts loads only when a chart is first drawn (its own chunk, shared by every chart of the
 * page); the view that binds it to React (EChartsView, below) is made when it arrives.
 */
const loadECharts = () => import('./echarts-setup');

/**
 * Starts fetching ECharts before the chart's data is there (a page calls it on mount), so the
 * download and parse overlap the page's API call instead of following it.
 */
export function preloadCharts(): void {
  void loadECharts();
}

const EChartsView = lazy(() =>
  loadECharts().then(({ echarts }) => ({
    /**
     * One ECharts instance per chart, made once and given each new option (a wrapper library
     * made a throwaway instance first, drawing every chart twice); resized with its box.
     */
    default: function EChartsView({ option, height, onReady }: EChartsViewProps) {
      const box = useRef<HTMLDivElement>(null);
      const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
      const ready = useRef(onReady);
      ready.current = onReady;
      useEffect(() => {
        const el = box.current;
        if (!el) return undefined;
        const instance = echarts.init(el, undefined, { renderer: 'svg' });
        chart.current = instance;
        const observer = new ResizeObserver(() => instance.resize());
        observer.observe(el);
        return () => {
          observer.disconnect();
          chart.current = null;
          instance.dispose();
        };
      }, []);
      useEffect(() => {
        chart.current?.setOption(option, { notMerge: true });
        ready.current();
      }, [option]);
      return <div ref={box} style={{ height, width: '100%' }} />;
    },
  })),
);

export interface ChartProps extends ChartData {
  kind: ChartKind;
  /** The chart's heading, the table's caption and the CSV file's name. */
  title: string;
  /**
   * What the chart shows, in a sentence or two (Indonesian first): the accessible description of
   * the picture, also shown under the title. Say the main finding, not only the axes.
   */
  description: string;
  /** Heading level of the title in the page's outline (default 3). */
  order?: TitleOrder;
  /** Drawing height in pixels (default 280). */
  height?: number;
  stacked?: boolean;
  /** Radar: the outer ring's value. */
  max?: number;
  /** CSV file name without extension (default: from the title). */
  fileName?: string;
}

/**
 * A chart with its data a person can reach another way: a "Tabel" toggle shows the same columns
 * and rows as a table, "Unduh CSV" saves them, and the picture is an image named by its title and
 * described in words. Animation is off in automated browsers.
 */
export function Chart(props: ChartProps) {
  const { kind, title, description, columns, rows, order = 3, height = 280 } = props;
  const { t } = useTranslation();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const [ready, setReady] = useState(false);
  const { fontFamily } = useMantineTheme();
  const option = useMemo(
    () =>
      buildChartOption(
        kind,
        { columns, rows },
        {
          animation: !(typeof navigator !== 'undefined' && navigator.webdriver),
          stacked: props.stacked,
          max: props.max,
          fontFamily,
        },
      ),
    [kind, columns, rows, props.stacked, props.max, fontFamily],
  );
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;

  return (
    <section className={classes.chart} aria-labelledby={titleId}>
      <div className={classes.head}>
        <div>
          <Title order={order} size="h5" id={titleId}>
            {title}
          </Title>
          <Text size="sm" c="dimmed" id={descriptionId}>
            {description}
          </Text>
        </div>
        <div className={classes.actions}>
          <Button
            size="xs"
            variant={asTable ? 'filled' : 'default'}
            aria-pressed={asTable}
            onClick={() => setAsTable((v) => !v)}
          >
            {t('chart.table')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() =>
              saveBlob(
                new Blob([toCsv({ columns, rows })], { type: 'text/csv;charset=utf-8' }),
                csvFileName(props.fileName ?? title),
              )
            }
          >
            {t('chart.downloadCsv')}
          </Button>
        </div>
      </div>
      {rows.length === 0 ? (
        <Text size="sm">{t('chart.empty')}</Text>
      ) : asTable ? (
        <ChartTable title={title} columns={columns} rows={rows} />
      ) : (
        <>
          {kind !== 'heatmap' && columns.length > 2 && (
            <ul className={classes.legend}>
              {columns.slice(1).map((c, i) => (
                <li key={i}>
                  <span
                    className={classes.swatch}
                    style={{ background: SERIES_COLORS[i % SERIES_COLORS.length] }}
                    aria-hidden
                  />
                  {c.label}
                </li>
              ))}
            </ul>
          )}
          <Suspense fallback={<PageState kind="loading" />}>
            <div
              className={classes.figure}
              role="img"
              aria-labelledby={titleId}
              aria-describedby={descriptionId}
              data-chart={kind}
              data-chart-ready={ready || undefined}
              style={{ height }}
            >
              <EChartsView option={option} height={height} onReady={() => setReady(true)} />
            </div>
          </Suspense>
        </>
      )}
    </section>
  );
}

/**
 * The chart's data as a table: the title as caption, the first column as row headers. A plain
 * table styled by a CSS module (Mantine's Table would pull its scroll area into a shared chunk).
 */
function ChartTable({ title, columns, rows }: ChartData & { title: string }) {
  const lang = currentLanguage();
  return (
    // Focusable, so a keyboard can scroll a table wider than the screen.
    <div className={classes.scroll} tabIndex={0} role="group" aria-label={title}>
      <table className={classes.table}>
        <caption>{title}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={i > 0 ? classes.number : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              <th scope="row">{row[0]}</th>
              {columns.slice(1).map((c, i) => (
                <td key={i} className={classes.number}>
                  {formatValue(row[i + 1] as number | null, c.format, lang)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
