import { Button, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, preloadCharts } from '@/components/chart';
import { formatValue } from '@/components/chart/chart-data';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { useCurrentUser } from '@/lib/auth/use-session';
import { KeyNumbers } from '../components/key-numbers';
import { RiskCoverage } from '../components/risk-coverage';
import { TopAssets } from '../components/top-assets';
import {
  activityData,
  type DashboardLabels,
  isEmptyYear,
  type OpdDetail,
  periodMetrics,
  REACH_TARGET_PERCENT,
  reachData,
  readersByOpdData,
  readersData,
} from '../dashboard-data';
import { type DashboardSearch, wibYear, yearChoices } from '../dashboard-search';
import { useOpdDetailQuery, useOpdsQuery } from '../queries/dashboard-queries';
import classes from './dashboard-page.module.css';

const route = getRouteApi('/dasbor');
const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * Dasbor OPD: an OPD's year and each Triwulan in numbers (with their definitions) and charts
 * (each with a table and a CSV), readers by OPD, top assets and knowledge-at-risk coverage.
 * Members see their own OPD; assessors and admins choose any. OPD, year and Triwulan live in the URL.
 */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const choosesOpd = !!user?.permissions.includes('metrics:read_all');
  const code = (choosesOpd && search.opd) || user?.opdCode || '';
  const year = search.tahun ?? wibYear();
  const detail = useOpdDetailQuery(code, year);
  const opds = useOpdsQuery(choosesOpd);
  useEffect(preloadCharts, []);
  const change = (next: Partial<DashboardSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }), replace: false });

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <Stack gap="lg">
        <div role="group" aria-label={t('filters.label')} className={classes.filters}>
          {choosesOpd && (
            <NativeSelect
              label={t('filters.opd')}
              value={code}
              onChange={(e) => change({ opd: e.currentTarget.value })}
              data={(opds.data ?? [{ code, name: code }]).map((o) => ({
                value: o.code,
                label: `${o.name} (${o.code})`,
              }))}
              className={classes.opd}
            />
          )}
          <NativeSelect
            label={t('filters.year')}
            value={String(year)}
            onChange={(e) => change({ tahun: Number(e.currentTarget.value) })}
            data={[...new Set([year, ...yearChoices()])]
              .sort((a, b) => b - a)
              .map((y) => String(y))}
          />
          <NativeSelect
            label={t('filters.period')}
            value={search.tw ? String(search.tw) : ''}
            onChange={(e) =>
              change({ tw: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })
            }
            data={[
              { value: '', label: t('filters.wholeYear') },
              ...[1, 2, 3, 4].map((q) => ({
                value: String(q),
                label: t('quarterName', { roman: ROMAN[q - 1] }),
              })),
            ]}
          />
        </div>
        {detail.isPending ? (
          <PageState kind="loading" />
        ) : detail.isError ? (
          <PageState kind="error" error={detail.error} onRetry={() => void detail.refetch()} />
        ) : isEmptyYear(detail.data) ? (
          <PageState
            kind="empty"
            title={t('empty.title', { year })}
            action={
              <Button variant="default" onClick={() => change({ tahun: year - 1, tw: undefined })}>
                {t('empty.previous', { year: year - 1 })}
              </Button>
            }
          >
            {t('empty.body', { opd: detail.data.opd.opdName, year })}
          </PageState>
        ) : (
          <Dashboard
            detail={detail.data}
            code={code}
            quarter={search.tw}
            riskRead={!!user?.permissions.includes('risk:read')}
          />
        )}
      </Stack>
    </>
  );
}

function Dashboard({
  detail,
  code,
  quarter,
  riskRead,
}: {
  detail: OpdDetail;
  code: string;
  quarter?: number;
  riskRead: boolean;
}) {
  const { t } = useTranslation('dashboard');
  const lang = currentLanguage();
  const { year, opd } = detail;
  const labels: DashboardLabels = useMemo(
    () => ({
      quarter: t('quarter'),
      quarterName: (q) => t('quarterName', { roman: ROMAN[q - 1] }),
      readerOpd: t('charts.readerOpd'),
      target: t('charts.target'),
    }),
    [t],
  );
  const charts = useMemo(
    () => ({
      activity: activityData(detail, lang, labels),
      readers: readersData(detail, lang, labels),
      reach: reachData(detail, lang, labels),
      byOpd: readersByOpdData(detail, labels),
    }),
    [detail, lang, labels],
  );
  const period = quarter
    ? t('numbers.periodQuarter', { roman: ROMAN[quarter - 1], year })
    : t('numbers.periodYear', { year });
  const count = (n: number) => formatValue(n, 'integer', lang);
  const top = detail.readersByOpd[0];

  return (
    <>
      <Text fw={700} size="lg" data-testid="dashboard-opd">
        {opd.opdName} ({opd.opdCode})
      </Text>
      <section aria-labelledby="dashboard-numbers">
        <Title order={2} size="h4" id="dashboard-numbers" mb="sm">
          {t('numbers.title', { period })}
        </Title>
        <KeyNumbers detail={detail} metrics={periodMetrics(detail, quarter)} />
      </section>
      <section aria-labelledby="dashboard-quarters">
        <Title order={2} size="h4" id="dashboard-quarters" mb="sm">
          {t('charts.title', { year })}
        </Title>
        <div className={classes.charts}>
          <Paper withBorder p="md">
            <Chart
              kind="bar"
              title={t('charts.activity')}
              description={t('charts.activityDescription', {
                opd: opd.opdName,
                year,
                assets: count(opd.publishedAssets),
                meetings: count(opd.meetings),
              })}
              fileName={`aset-pertemuan-${opd.opdCode}-${year}`}
              {...charts.activity}
            />
          </Paper>
          <Paper withBorder p="md">
            <Chart
              kind="bar"
              title={t('charts.readers')}
              description={t('charts.readersDescription', {
                opd: opd.opdName,
                year,
                readers: count(opd.uniqueReaders),
                opds: count(opd.otherOpdsReached),
              })}
              fileName={`pembaca-${opd.opdCode}-${year}`}
              {...charts.readers}
            />
          </Paper>
          <Paper withBorder p="md" className={classes.wide}>
            <Chart
              kind="line"
              title={t('charts.reach')}
              description={t('charts.reachDescription', {
                opd: opd.opdName,
                year,
                target: REACH_TARGET_PERCENT,
                reach: formatValue(opd.internalReachPercent, 'percent', lang),
              })}
              fileName={`jangkauan-internal-${opd.opdCode}-${year}`}
              {...charts.reach}
            />
          </Paper>
          <Paper withBorder p="md" className={classes.wide}>
            {top ? (
              <Chart
                kind="heatmap"
                title={t('charts.heatmap')}
                description={t('charts.heatmapDescription', {
                  opd: opd.opdName,
                  year,
                  count: detail.readersByOpd.length,
                  top: top.opdName,
                })}
                fileName={`pembaca-per-opd-${opd.opdCode}-${year}`}
                height={Math.max(200, 64 + charts.byOpd.rows.length * 28)}
                {...charts.byOpd}
              />
            ) : (
              <>
                <Title order={3} size="h5">
                  {t('charts.heatmap')}
                </Title>
                <Text size="sm">{t('charts.heatmapEmpty', { year })}</Text>
              </>
            )}
          </Paper>
        </div>
      </section>
      <section aria-labelledby="dashboard-top">
        <Title order={2} size="h4" id="dashboard-top" mb="sm">
          {t('top.title', { year })}
        </Title>
        <TopAssets detail={detail} />
      </section>
      {riskRead && (
        <section aria-label={t('risk.title', { year })}>
          <RiskCoverage detail={detail} code={code} />
        </section>
      )}
    </>
  );
}
