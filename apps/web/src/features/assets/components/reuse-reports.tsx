import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PageState } from '@/components/page-state';
import { formatWibDate } from '@/lib/format/wib';
import { currentLanguage } from '@/i18n';
import { useReuseReportsQuery } from '../queries/asset-queries';
import classes from './asset-lists.module.css';

/** "Cerita penerapan": how readers applied the asset, newest first. */
export function ReuseReports({ assetId }: { assetId: string }) {
  const { t } = useTranslation('assets');
  const headingId = useId();
  const reports = useReuseReportsQuery(assetId, true);
  const lang = currentLanguage();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {t('reuse.heading')}
      </Title>
      {reports.isPending ? (
        <PageState kind="loading" />
      ) : reports.isError ? (
        <PageState kind="error" error={reports.error} onRetry={() => void reports.refetch()} />
      ) : reports.data.length === 0 ? (
        <Text c="dimmed">{t('reuse.empty')}</Text>
      ) : (
        <Stack gap="sm" component="ul" className={classes.list}>
          {reports.data.map((r) => (
            <Paper component="li" withBorder p="sm" key={r.id}>
              <Text className={classes.story}>{r.story}</Text>
              <Text size="sm" c="dimmed" mt={4}>
                {t('reuse.by', {
                  name: r.reporter.name,
                  opd: r.reporter.opdCode,
                  when: formatWibDate(r.createdAt, lang),
                })}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}
