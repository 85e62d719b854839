import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { formatWib } from '@/lib/format/wib';
import {
  useAcceptJoin,
  useDeclineJoin,
  useJoinRequestsQuery,
  useRefreshCop,
} from '../queries/community-queries';
import classes from './cop-lists.module.css';

/** Open "Minta bergabung" requests, oldest first, each accepted or declined in one click. */
export function JoinRequests({ copId }: { copId: string }) {
  const { t } = useTranslation('communities');
  const lang = currentLanguage();
  const requests = useJoinRequestsQuery(copId, true);
  const accept = useAcceptJoin();
  const decline = useDeclineJoin();
  const refresh = useRefreshCop();
  const [error, setError] = useState<unknown>();
  const decide = (requestId: string, yes: boolean) => {
    setError(undefined);
    (yes ? accept : decline).mutate(
      { params: { path: { id: copId, requestId } } },
      { onSuccess: () => void refresh(), onError: setError },
    );
  };
  const busy = accept.isPending || decline.isPending;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cop-requests">
      <Title order={2} size="h4" id="cop-requests" mb="sm">
        {t('join.requests')}
      </Title>
      {error !== undefined && <ApiErrorAlert error={error} />}
      {requests.isPending ? (
        <PageState kind="loading" />
      ) : requests.isError ? (
        <PageState kind="error" error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('join.none')}
        </Text>
      ) : (
        <ul className={classes.rows}>
          {requests.data.map((r) => (
            <li key={r.id} className={classes.row}>
              <div>
                <Text fw={600}>
                  {r.name} ({r.nip})
                </Text>
                <Text size="xs" c="dimmed">
                  {r.opdCode} · {t('join.askedAt', { date: formatWib(r.requestedAt, lang) })}
                </Text>
              </div>
              <Group gap="xs">
                <Button
                  size="xs"
                  disabled={busy}
                  aria-label={t('join.acceptName', { name: r.name })}
                  onClick={() => decide(r.id, true)}
                >
                  {t('join.accept')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  disabled={busy}
                  aria-label={t('join.declineName', { name: r.name })}
                  onClick={() => decide(r.id, false)}
                >
                  {t('join.decline')}
                </Button>
              </Group>
            </li>
          ))}
        </ul>
      )}
    </Paper>
  );
}
