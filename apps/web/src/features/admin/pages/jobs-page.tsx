import { Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { formatWib } from '@/lib/format/wib';
import { AdminFrame } from '../components/admin-frame';
import table from '../components/data-table.module.css';
import { useDeadJobsQuery, useRetryJob } from '../queries/admin-queries';
import classes from './admin-pages.module.css';

/** Tugas gagal: background jobs that used up their attempts, each with its last error and a retry. */
export function JobsPage() {
  const { t } = useTranslation('admin');
  const lang = currentLanguage();
  const jobs = useDeadJobsQuery();
  const retry = useRetryJob();
  const [retried, setRetried] = useState<string>();
  return (
    <AdminFrame section="jobs" description={t('jobs.intro')}>
      <Stack gap="md">
        {retried && (
          <Text role="status" c="teal.9">
            {t('jobs.retried', { id: retried })}
          </Text>
        )}
        {retry.isError && <ApiErrorAlert error={retry.error} />}
        {jobs.isPending ? (
          <PageState kind="loading" />
        ) : jobs.isError ? (
          <PageState kind="error" error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : jobs.data.length === 0 ? (
          <PageState kind="empty">{t('jobs.empty')}</PageState>
        ) : (
          <Table className={table.table} verticalSpacing="xs" striped>
            <Table.Caption>{t('jobs.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('jobs.queue')}</Table.Th>
                <Table.Th scope="col">{t('jobs.attempts')}</Table.Th>
                <Table.Th scope="col">{t('jobs.error')}</Table.Th>
                <Table.Th scope="col">{t('jobs.finished')}</Table.Th>
                <Table.Th scope="col">{t('jobs.retry')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.data.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Td data-label={t('jobs.queue')}>
                    <Text size="sm" fw={600}>
                      {job.queue}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('jobs.id')} {job.id} · {t('jobs.created')} {formatWib(job.createdAt, lang)}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label={t('jobs.attempts')}>
                    {job.attempts}/{job.maxAttempts}
                  </Table.Td>
                  <Table.Td data-label={t('jobs.error')}>
                    <pre className={classes.pre}>{job.lastError ?? '—'}</pre>
                  </Table.Td>
                  <Table.Td data-label={t('jobs.finished')}>
                    {job.finishedAt ? formatWib(job.finishedAt, lang) : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="outline"
                      aria-label={t('jobs.retryLabel', { id: job.id, queue: job.queue })}
                      loading={retry.isPending && retry.variables?.params.path.id === job.id}
                      onClick={() =>
                        retry.mutate(
                          { params: { path: { id: job.id } } },
                          { onSuccess: () => setRetried(job.id) },
                        )
                      }
                    >
                      {t('jobs.retry')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </AdminFrame>
  );
}
