import { Button, Center, Loader, Table, Text, Title, type TitleOrder } from '@mantine/core';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import { saveBlob } from '@/lib/api/download';
import { type ChartData, csvFileName, formatValue, toCsv } from './chart-data';
import { buildChartOption, type ChartKind } from './chart-options';
import classes from './chart.module.css';

/** ECharts and its React binding load only when a chart is first drawn (their own chunk). */
const EChartsView = lazy(() => import('./echarts-view'));

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
  const option = useMemo(
    () =>
      buildChartOption(
        kind,
        { columns, rows },
        {
          animation: !(typeof navigator !== 'undefined' && navigator.webdriver),
          stacked: props.stacked,
          max: props.max,
        },
      ),
    [kind, columns, rows, props.stacked, props.max],
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
        <div
          className={classes.figure}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descriptionId}
          data-chart={kind}
          data-chart-ready={ready || undefined}
          style={{ height }}
        >
          <Suspense
            fallback={
              <Center h={height}>
                <Loader size="sm" aria-label={t('state.loading')} />
              </Center>
            }
          >
            <EChartsView option={option} height={height} onReady={() => setReady(true)} />
          </Suspense>
        </div>
      )}
    </section>
  );
}

/** The chart's data as a table: the title as caption, the first column as row headers. */
function ChartTable({ title, columns, rows }: ChartData & { title: string }) {
  const lang = currentLanguage();
  return (
    <div className={classes.scroll}>
      <Table className={classes.table} striped withTableBorder verticalSpacing={6}>
        <Table.Caption>{title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              <Table.Th key={i} scope="col" className={i > 0 ? classes.number : undefined}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, r) => (
            <Table.Tr key={r}>
              <Table.Th scope="row">{row[0]}</Table.Th>
              {columns.slice(1).map((c, i) => (
                <Table.Td key={i} className={classes.number}>
                  {formatValue(row[i + 1] as number | null, c.format, lang)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
