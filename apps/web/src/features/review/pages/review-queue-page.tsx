import { Tabs } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/page-header';
import { ReviewList } from '../components/review-list';
import { type ReviewList as ListKind, useReviewCounts } from '../queries/review-queries';
import type { ReviewTab } from '../review-tabs';

const route = getRouteApi('/tinjauan');

const LIST_OF: Record<ReviewTab, ListKind> = {
  diajukan: 'submitted',
  'lewat-tenggat': 'overdue',
  'jatuh-tempo': 'soon',
};

/** Antrean tinjauan: submissions waiting, and published assets due for re-verification. */
export function ReviewQueuePage() {
  const { t } = useTranslation('review');
  const { daftar = 'diajukan', hal = 1 } = route.useSearch();
  const navigate = route.useNavigate();
  const counts = useReviewCounts();
  const label = (tab: ReviewTab) => {
    const count = counts[LIST_OF[tab]];
    return count === undefined
      ? t(`tabs.${LIST_OF[tab]}`)
      : `${t(`tabs.${LIST_OF[tab]}`)} (${count})`;
  };
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <Tabs
        value={daftar}
        onChange={(value) =>
          void navigate({
            search: value && value !== 'diajukan' ? { daftar: value as ReviewTab } : {},
          })
        }
        keepMounted={false}
      >
        <Tabs.List aria-label={t('tabs.label')} mb="md">
          {(Object.keys(LIST_OF) as ReviewTab[]).map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {label(tab)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {(Object.keys(LIST_OF) as ReviewTab[]).map((tab) => (
          <Tabs.Panel key={tab} value={tab}>
            <ReviewList
              list={LIST_OF[tab]}
              page={daftar === tab ? hal : 1}
              onPage={(page) =>
                void navigate({
                  search: {
                    ...(tab === 'diajukan' ? {} : { daftar: tab }),
                    ...(page > 1 ? { hal: page } : {}),
                  },
                })
              }
            />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
