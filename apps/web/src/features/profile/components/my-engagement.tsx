import { Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssetLine } from '@/components/asset-line';
import { ListPages } from '@/components/list-pages';
import lists from '@/components/plain-list.module.css';
import { QuerySection, type SectionQuery } from '@/components/query-section';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatWibDate } from '@/lib/format/wib';
import {
  PROFILE_PAGE_SIZE,
  useMyEndorsementsQuery,
  useMyReuseReportsQuery,
} from '../queries/profile-queries';
import classes from './profile-lists.module.css';

type AssetRef = Schemas['MyAssetRefDto'];

/** "Yang saya tandai bermanfaat": the assets the caller endorsed, newest first. */
export function MyEndorsements() {
  const { t } = useTranslation('profile');
  const [page, setPage] = useState(1);
  const query = useMyEndorsementsQuery(page);
  const lang = currentLanguage();
  return (
    <EngagementList
      title={t('endorsements.title')}
      query={query}
      empty={t('endorsements.empty')}
      page={page}
      onPage={setPage}
      keyOf={(item, i) => item.asset?.id ?? `gone-${i}`}
    >
      {(item) => (
        <>
          <EngagedAsset asset={item.asset} />
          <Text size="xs" c="dimmed" mt={4}>
            {t('endorsements.at', { when: formatWibDate(item.endorsedAt, lang) })}
          </Text>
        </>
      )}
    </EngagementList>
  );
}

/** "Laporan penerapan saya": how the caller applied assets ("saya terapkan"), newest first. */
export function MyReuseReports() {
  const { t } = useTranslation('profile');
  const [page, setPage] = useState(1);
  const query = useMyReuseReportsQuery(page);
  const lang = currentLanguage();
  return (
    <EngagementList
      title={t('reuse.title')}
      query={query}
      empty={t('reuse.empty')}
      page={page}
      onPage={setPage}
      keyOf={(item) => item.id}
    >
      {(item) => (
        <>
          <EngagedAsset asset={item.asset} />
          <Text size="sm" className={classes.story}>
            {item.story}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('reuse.at', { when: formatWibDate(item.createdAt, lang) })}
          </Text>
        </>
      )}
    </EngagementList>
  );
}

interface EngagementListProps<T> {
  title: string;
  empty: string;
  query: SectionQuery<{ items: T[]; total: number }>;
  page: number;
  onPage: (page: number) => void;
  keyOf: (item: T, index: number) => string;
  children: (item: T) => ReactNode;
}

/** One of the caller's engagement lists, with its count in the title and its pages. */
function EngagementList<T>({
  title,
  empty,
  query,
  page,
  onPage,
  keyOf,
  children,
}: EngagementListProps<T>) {
  return (
    <QuerySection
      size="h3"
      title={query.data && query.data.total > 0 ? `${title} (${query.data.total})` : title}
      query={query}
      isEmpty={(data) => data.items.length === 0}
      empty={empty}
    >
      {(data) => (
        <Stack gap="sm">
          <ul className={lists.list}>
            {data.items.map((item, i) => (
              <li key={keyOf(item, i)} className={lists.item}>
                {children(item)}
              </li>
            ))}
          </ul>
          <ListPages total={data.total} pageSize={PROFILE_PAGE_SIZE} page={page} onPage={onPage} />
        </Stack>
      )}
    </QuerySection>
  );
}

/** The asset by its title, or a plain phrase when the caller may no longer read it. */
function EngagedAsset({ asset }: { asset: AssetRef | null }) {
  const { t } = useTranslation(['profile', 'assets']);
  if (!asset) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('gone')}
      </Text>
    );
  }
  return (
    <AssetLine
      id={asset.id}
      title={asset.title}
      typeLabel={t(`assets:types.${asset.type as 'pelajaran'}`)}
      meta={asset.opdCode}
    />
  );
}
