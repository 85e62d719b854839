import { Button, NativeSelect, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { downloadFile } from '@/lib/api/download';
import { toApiError } from '@/lib/api/errors';
import { hasPermission, useCurrentUser } from '@/lib/auth/use-session';
import { formatWib } from '@/lib/format/wib';
import { defaultOrder, type RankingSort } from '../award-search';
import { FinalizeDialog } from '../components/finalize-dialog';
import { YearState } from '../components/marks';
import { RankingTable } from '../components/ranking-table';
import { RestatementSection } from '../components/restatement-section';
import { useAwardYear, useAwardYears, useRanking } from '../queries/award-queries';
import classes from './award-page.module.css';

const route = getRouteApi('/penghargaan');

/**
 * Penghargaan KMA: the ranking of every OPD for a year. Assessors and admins see every year as it
 * stands, download it, read the anomalies and (admins) finalise it; anyone else signed in sees
 * the published (finalised) years.
 */
export function AwardPage() {
  const { t } = useTranslation('award');
  const lang = currentLanguage();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const seesAll = hasPermission(user, 'metrics:read_all');
  const canFinalize = hasPermission(user, 'award:manage');
  const years = useAwardYears();
  const year = search.tahun ?? years.data?.[0]?.year;
  const listed = years.data?.find((y) => y.year === year);
  const ranking = useRanking(year);
  const awardYear = useAwardYear(year, seesAll);
  const [finalizing, setFinalizing] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>();
  const [downloading, setDownloading] = useState<'xlsx' | 'csv'>();

  const sort = search.urut ?? 'rank';
  const order = search.arah ?? defaultOrder(sort);
  const onSort = (key: RankingSort) =>
    void navigate({
      search: (prev) => ({
        ...prev,
        urut: key === 'rank' ? undefined : key,
        arah: key === sort ? (order === 'asc' ? 'desc' : 'asc') : undefined,
      }),
      replace: true,
    });

  const download = async (format: 'xlsx' | 'csv') => {
    if (!year) return;
    setDownloading(format);
    setDownloadError(undefined);
    try {
      await downloadFile(
        `/api/v1/awards/${year}/export?format=${format}`,
        `kma-${year}-peringkat.${format}`,
      );
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(undefined);
    }
  };

  const finalized = listed?.finalized ?? awardYear.data?.finalized ?? false;
  const yearChoices = [
    ...new Set([...(years.data ?? []).map((y) => y.year), ...(year ? [year] : [])]),
  ].sort((a, b) => b - a);
  const missing = ranking.isError && toApiError(ranking.error).status === 404;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={seesAll ? t('intro') : t('introPublished')}
        actions={
          seesAll &&
          year && (
            <div className={classes.actions}>
              <Button
                variant="default"
                onClick={() => void download('xlsx')}
                loading={downloading === 'xlsx'}
              >
                {t('downloadXlsx')}
              </Button>
              <Button
                variant="default"
                onClick={() => void download('csv')}
                loading={downloading === 'csv'}
              >
                {t('downloadCsv')}
              </Button>
            </div>
          )
        }
      />
      <Stack gap="lg">
        {downloadError !== undefined && (
          <ApiErrorAlert error={downloadError} title={t('downloadFailed')} />
        )}
        {years.isPending ? (
          <PageState kind="loading" />
        ) : years.isError ? (
          <PageState kind="error" error={years.error} onRetry={() => void years.refetch()} />
        ) : !year ? (
          <PageState kind="empty" title={t('noYears.title')}>
            {seesAll ? t('noYears.assessor') : t('noYears.asn')}
          </PageState>
        ) : (
          <>
            <div className={classes.toolbar}>
              <NativeSelect
                label={t('year')}
                value={String(year)}
                onChange={(e) =>
                  void navigate({
                    search: (prev) => ({ ...prev, tahun: Number(e.currentTarget.value) }),
                  })
                }
                data={yearChoices.map((y) => ({ value: String(y), label: String(y) }))}
                w={140}
              />
              {listed && (
                <YearState final={finalized}>
                  {finalized
                    ? t('finalizedOn', { date: formatWib(listed.finalizedAt, lang) })
                    : t('openYear')}
                </YearState>
              )}
              {seesAll && (
                <ButtonLink
                  variant="default"
                  to="/penghargaan/$tahun/anomali"
                  params={{ tahun: year }}
                >
                  {t('anomalies.link', { year })}
                </ButtonLink>
              )}
              {canFinalize && listed && !finalized && (
                <Button color="red.9" onClick={() => setFinalizing(true)}>
                  {t('finalize.button')}
                </Button>
              )}
            </div>
            {ranking.isPending ? (
              <PageState kind="loading" />
            ) : missing ? (
              <PageState kind="empty" title={t('notPublished.title', { year })}>
                {t('notPublished.body', { year })}
              </PageState>
            ) : ranking.isError ? (
              <PageState
                kind="error"
                error={ranking.error}
                onRetry={() => void ranking.refetch()}
              />
            ) : (
              <section aria-label={t('ranking.region')}>
                <RankingTable
                  year={year}
                  rows={ranking.data}
                  sort={sort}
                  order={order}
                  onSort={onSort}
                />
                <Text size="sm" c="dimmed" mt="xs">
                  {t('ranking.legend', { winners: awardYear.data?.rubric.winners ?? 15 })}
                </Text>
              </section>
            )}
            {seesAll && finalized && <RestatementSection year={year} />}
          </>
        )}
      </Stack>
      {finalizing && year && (
        <FinalizeDialog
          year={year}
          rubricVersion={awardYear.data?.rubricVersion}
          opdCount={ranking.data?.length ?? 0}
          onClose={() => setFinalizing(false)}
        />
      )}
    </>
  );
}
