import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { AnchorLink } from '@/components/links';
import { ListPages } from '@/components/list-pages';
import lists from '@/components/plain-list.module.css';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatWib, formatWibDate } from '@/lib/format/wib';
import {
  REVIEW_PAGE_SIZE,
  type ReviewList as ListKind,
  useReverifyMutation,
  useReviewListQuery,
} from '../queries/review-queries';
import classes from './review-list.module.css';

type ReviewItem = Schemas['ReviewItemDto'];

interface ReviewListProps {
  list: ListKind;
  page: number;
  onPage: (page: number) => void;
}

/** One of the verifier's lists, with its loading, empty and error states and its pages. */
export function ReviewList({ list, page, onPage }: ReviewListProps) {
  const { t } = useTranslation('review');
  const query = useReviewListQuery(list, page);
  const reverify = useReverifyMutation();
  const [done, setDone] = useState<string>();
  const lang = currentLanguage();

  if (query.isPending) return <PageState kind="loading" />;
  if (query.isError)
    return <PageState kind="error" error={query.error} onRetry={() => void query.refetch()} />;
  const { items, total } = query.data;
  return (
    <>
      <div role="status" aria-live="polite">
        {done && (
          <Alert color="teal" variant="light" mb="md">
            {done}
          </Alert>
        )}
      </div>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t(`explain.${list}`)}
        </Text>
        {items.length === 0 ? (
          <PageState kind="empty">{t(`empty.${list}`)}</PageState>
        ) : (
          <ul className={lists.list}>
            {items.map((item) => (
              <ReviewListItem
                key={item.id}
                item={item}
                list={list}
                reverifying={reverify.isPending && reverify.variables.params.path.id === item.id}
                error={reverify.variables?.params.path.id === item.id ? reverify.error : null}
                onReverify={() =>
                  reverify.mutate(
                    { params: { path: { id: item.id } }, body: {} },
                    {
                      onSuccess: (asset) =>
                        setDone(
                          t('reverify.done', {
                            title: asset.title,
                            when: formatWibDate(asset.reviewDueAt, lang),
                          }),
                        ),
                    },
                  )
                }
              />
            ))}
          </ul>
        )}
        <ListPages total={total} pageSize={REVIEW_PAGE_SIZE} page={page} onPage={onPage} />
      </Stack>
    </>
  );
}

interface ItemProps {
  item: ReviewItem;
  list: ListKind;
  reverifying: boolean;
  error: unknown;
  onReverify: () => void;
}

function ReviewListItem({ item, list, reverifying, error, onReverify }: ItemProps) {
  const { t } = useTranslation(['review', 'assets']);
  const titleId = useId();
  const lang = currentLanguage();
  const names = item.authors.map((a) => a.name).join(', ');
  // The moment the item was first shown: "lewat 15 hari" stays put while the page is open.
  const [now] = useState(() => Date.now());
  /** "lewat 15 hari" or "5 hari lagi": whole days between now and the review date. */
  const dueText = (due: string | null) => {
    const days = due ? Math.floor((Date.parse(due) - now) / 86_400_000) : 0;
    return days < 0 ? t('item.overdueBy', { count: -days }) : t('item.dueIn', { count: days });
  };
  return (
    <li className={classes.item}>
      <Stack gap={6}>
        <div id={titleId}>
          {list === 'submitted' ? (
            <AnchorLink to="/tinjauan/$id" params={{ id: item.id }} fw={600}>
              {item.title}
            </AnchorLink>
          ) : (
            <AnchorLink to="/aset/$id" params={{ id: item.id }} fw={600}>
              {item.title}
            </AnchorLink>
          )}
        </div>
        <Group gap="xs">
          <Badge variant="light" size="sm">
            {t(`assets:types.${item.type as 'pelajaran'}`)}
          </Badge>
          {item.byCaller && (
            <Badge variant="outline" color="gray.8" size="sm">
              {t('item.yours')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{t('item.by', { names })}</Text>
        <Text size="sm" c="dimmed">
          {list === 'submitted'
            ? `${t('item.submittedAt', { when: formatWib(item.submittedAt, lang) })} · ${t(
                'item.completeness',
                { percent: Math.round(item.completeness * 100) },
              )}`
            : `${t('item.dueAt', { when: formatWibDate(item.reviewDueAt, lang) })} (${dueText(
                item.reviewDueAt,
              )}) · ${t('item.verifiedAt', { when: formatWibDate(item.verifiedAt, lang) })}`}
        </Text>
        {list !== 'submitted' && (
          <Group>
            <Button
              size="xs"
              variant="light"
              onClick={onReverify}
              loading={reverifying}
              aria-describedby={titleId}
            >
              {t('reverify.action')}
            </Button>
          </Group>
        )}
        {error ? <ApiErrorAlert error={error} /> : null}
      </Stack>
    </li>
  );
}
