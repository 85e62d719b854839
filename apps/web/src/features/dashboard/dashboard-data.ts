import type { ChartColumn, ChartData } from '@/components/chart/chart-data';
import type { Schemas } from '@/lib/api/types';

export type OpdDetail = Schemas['OpdDetailDto'];
export type OpdMetrics = Schemas['OpdMetricsDto'];
export type MetricDefinition = Schemas['MetricDefinitionDto'];
type MetricKey = keyof OpdMetrics;

/** BPSDM's target for internal reach: half of the OPD's ASN read its assets. */
export const REACH_TARGET_PERCENT = 50;

/** Headings the builders need that are not metric names (from the page's translations). */
export interface DashboardLabels {
  quarter: string;
  quarterName: (q: number) => string;
  readerOpd: string;
  target: string;
}

/** A metric's name and definition in the chosen language, as the API defines it. */
export function definitionOf(
  detail: Pick<OpdDetail, 'definitions'>,
  key: string,
  lang: string,
): { label: string; text: string } {
  const d = detail.definitions.find((x) => x.key === key);
  if (!d) return { label: key, text: '' };
  return lang === 'en'
    ? { label: d.labelEn, text: d.definitionEn }
    : { label: d.label, text: d.definition };
}

/** The numbers of the chosen period: the year, or one Triwulan. */
export function periodMetrics(detail: OpdDetail, quarter?: number): OpdMetrics {
  return (quarter && detail.quarters.find((q) => q.quarter === quarter)) || detail.opd;
}

/** True when the OPD has nothing to show for the year (no assets, readers or meetings). */
export function isEmptyYear(detail: OpdDetail): boolean {
  const o = detail.opd;
  return o.publishedAssets === 0 && o.views === 0 && o.uniqueReaders === 0 && o.meetings === 0;
}

/** One row per Triwulan with the given metrics as columns, named by their definitions. */
function perQuarter(
  detail: OpdDetail,
  keys: readonly MetricKey[],
  lang: string,
  labels: DashboardLabels,
  format: ChartColumn['format'] = 'integer',
): ChartData {
  return {
    columns: [
      { label: labels.quarter },
      ...keys.map((k) => ({ label: definitionOf(detail, k, lang).label, format })),
    ],
    rows: [...detail.quarters]
      .sort((a, b) => a.quarter - b.quarter)
      .map((q) => [labels.quarterName(q.quarter), ...keys.map((k) => Number(q[k]))] as const),
  };
}

/** Assets published, meetings held and their distinct attendees, per Triwulan. */
export function activityData(detail: OpdDetail, lang: string, labels: DashboardLabels): ChartData {
  return perQuarter(detail, ['publishedAssets', 'meetings', 'distinctAttendees'], lang, labels);
}

/** Distinct readers, those from the OPD itself, and other OPDs reached, per Triwulan. */
export function readersData(detail: OpdDetail, lang: string, labels: DashboardLabels): ChartData {
  return perQuarter(detail, ['uniqueReaders', 'internalReaders', 'otherOpdsReached'], lang, labels);
}

/** Internal reach in percent per Triwulan, beside the 50 % target. */
export function reachData(detail: OpdDetail, lang: string, labels: DashboardLabels): ChartData {
  const reach = perQuarter(detail, ['internalReachPercent'], lang, labels, 'percent');
  return {
    columns: [...reach.columns, { label: labels.target, format: 'percent' }],
    rows: reach.rows.map((r) => [...r, REACH_TARGET_PERCENT] as const),
  };
}

/** Readers by the OPD they work in (rows) and Triwulan (columns): the heatmap's matrix. */
export function readersByOpdData(detail: OpdDetail, labels: DashboardLabels): ChartData {
  return {
    columns: [
      { label: labels.readerOpd },
      ...[1, 2, 3, 4].map((q) => ({ label: labels.quarterName(q), format: 'integer' as const })),
    ],
    rows: detail.readersByOpd.map((r) => [r.opdName, ...r.quarters.slice(0, 4)] as const),
  };
}
