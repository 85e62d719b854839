import { Badge, Button, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { formatWibDate } from '@/lib/format/wib';
import {
  useAddMembers,
  useMembersQuery,
  useRefreshCop,
  useRemoveMember,
} from '../queries/community-queries';
import { PersonLookup } from './person-lookup';
import classes from './cop-lists.module.css';

/** Members now, with the day each joined; those who manage the CoP add and remove members. */
export function MemberList({ copId, manages }: { copId: string; manages: boolean }) {
  const { t } = useTranslation('communities');
  const lang = currentLanguage();
  const members = useMembersQuery(copId);
  const add = useAddMembers();
  const remove = useRemoveMember();
  const refresh = useRefreshCop();
  const [error, setError] = useState<unknown>();
  const done = { onSuccess: () => void refresh(), onError: setError };
  const ids = new Set((members.data ?? []).map((m) => m.userId));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cop-members">
      <Title order={2} size="h4" id="cop-members" mb="sm">
        {t('members.title')}
      </Title>
      {error !== undefined && <ApiErrorAlert error={error} />}
      {manages && (
        <div className={classes.add}>
          <PersonLookup
            copId={copId}
            label={t('members.add')}
            exclude={ids}
            onPick={(p) => {
              setError(undefined);
              add.mutate({ params: { path: { id: copId } }, body: { userIds: [p.id] } }, done);
            }}
          />
        </div>
      )}
      {members.isPending ? (
        <PageState kind="loading" />
      ) : members.isError ? (
        <PageState kind="error" error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('members.none')}
        </Text>
      ) : (
        <ul className={classes.rows} aria-label={t('members.title')}>
          {members.data.map((m) => (
            <li key={m.userId} className={classes.row}>
              <div>
                <Text fw={600}>
                  {m.name}{' '}
                  {m.isLead && (
                    <Badge size="xs" variant="light" component="span">
                      {t('members.lead')}
                    </Badge>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.opdCode} · {t('members.joined', { date: formatWibDate(m.joinedAt, lang) })}
                </Text>
              </div>
              {manages && !m.isLead && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  disabled={remove.isPending}
                  aria-label={t('members.removeName', { name: m.name })}
                  onClick={() => {
                    setError(undefined);
                    remove.mutate({ params: { path: { id: copId, userId: m.userId } } }, done);
                  }}
                >
                  {t('members.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Paper>
  );
}
