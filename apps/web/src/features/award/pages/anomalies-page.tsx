import { Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { AnomalyList } from '../components/anomaly-list';
import { useAnomalies } from '../queries/award-queries';

const route = getRouteApi('/penghargaan/$tahun/anomali');

/** The year's anomaly flags with their evidence: flagged for assessors, never applied to a score. */
export function AwardAnomaliesPage() {
  const { t } = useTranslation('award');
  const { tahun: year } = route.useParams();
  const anomalies = useAnomalies(year, true);
  return (
    <>
      <PageHeader
        title={t('anomalies.title', { year })}
        description={
          <>
            {t('anomalies.intro')}{' '}
            <AnchorLink to="/penghargaan" search={{ tahun: year }} underline="always">
              {t('opd.back', { year })}
            </AnchorLink>
          </>
        }
      />
      {anomalies.isPending ? (
        <PageState kind="loading" />
      ) : anomalies.isError ? (
        <PageState kind="error" error={anomalies.error} onRetry={() => void anomalies.refetch()} />
      ) : anomalies.data.length === 0 ? (
        <PageState kind="empty">{t('anomalies.empty', { year })}</PageState>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('anomalies.count', { count: anomalies.data.length })}
          </Text>
          <AnomalyList flags={anomalies.data} headingLevel={2} />
        </Stack>
      )}
    </>
  );
}
