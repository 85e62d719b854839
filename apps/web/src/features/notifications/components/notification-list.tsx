import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { ListPages } from '@/components/list-pages';
import { PageState } from '@/components/page-state';
import lists from '@/components/plain-list.module.css';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatWib } from '@/lib/format/wib';
import {
  NOTIFICATIONS_PAGE_SIZE,
  useMarkAllReadMutation,
  useMarkReadMutation,
  useNotificationsQuery,
} from '../queries/notification-queries';
import classes from './notification-list.module.css';
import { notificationText } from './notification-text';

const route = getRouteApi('/notifikasi');

/** The caller's notifications, newest first: unread ones marked, each a link to its thing. */
export function NotificationList() {
  const { t } = useTranslation('notifications');
  const { hal = 1 } = route.useSearch();
  const navigate = route.useNavigate();
  const list = useNotificationsQuery(hal);
  const markAll = useMarkAllReadMutation();
  const unread = list.data?.unread ?? 0;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="notifications-list">
      <Group justify="space-between" align="center" mb="md" gap="sm">
        <div>
          <Title order={2} size="h3" id="notifications-list">
            {t('listTitle')}
          </Title>
          {list.data && (
            <Text size="sm" c="dimmed" role="status">
              {unread > 0 ? t('unreadCount', { n: unread }) : t('allRead')}
            </Text>
          )}
        </div>
        <Button
          variant="default"
          size="sm"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate({})}
        >
          {t('markAllRead')}
        </Button>
      </Group>
      {markAll.isError && <ApiErrorAlert error={markAll.error} />}
      {list.isPending ? (
        <PageState kind="loading" />
      ) : list.isError ? (
        <PageState kind="error" error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <PageState kind="empty">{t('empty')}</PageState>
      ) : (
        <Stack gap="md">
          <ul className={lists.list}>
            {list.data.items.map((n) => (
              <NotificationItem key={n.id} notification={n} />
            ))}
          </ul>
          <ListPages
            total={list.data.total}
            pageSize={NOTIFICATIONS_PAGE_SIZE}
            page={hal}
            onPage={(page) => void navigate({ search: page > 1 ? { hal: page } : {} })}
          />
        </Stack>
      )}
    </Paper>
  );
}

function NotificationItem({ notification: n }: { notification: Schemas['NotificationDto'] }) {
  const { t } = useTranslation('notifications');
  const router = useRouter();
  const markRead = useMarkReadMutation();
  const lang = currentLanguage();
  const unread = n.readAt === null;
  const read = () => markRead.mutate({ params: { path: { id: n.id } } });
  return (
    <li className={unread ? classes.unread : classes.item}>
      <a
        href={n.link}
        className={classes.link}
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          if (unread) read();
          router.history.push(n.link);
        }}
      >
        {notificationText(n, t, lang)}
      </a>
      {n.params.comment && (
        <Text size="sm" mt={4}>
          <strong>{t('comment')}</strong> {n.params.comment}
        </Text>
      )}
      <Group gap="xs" mt={6} wrap="wrap">
        <Text size="xs" c="dimmed">
          {formatWib(n.createdAt, lang)}
        </Text>
        {unread && (
          <>
            <Badge size="sm" variant="filled" color="red.9">
              {t('unread')}
            </Badge>
            <Button variant="subtle" size="compact-xs" onClick={read} loading={markRead.isPending}>
              {t('markRead')}
            </Button>
          </>
        )}
      </Group>
      {markRead.isError && <ApiErrorAlert error={markRead.error} />}
    </li>
  );
}
