import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatWibDate } from '@/lib/format/wib';
import { useMyEndorsementsQuery, useMyReuseReportsQuery } from '../queries/profile-queries';
import { ListPages } from './list-pages';
import classes from './profile-lists.module.css';

type AssetRef = Schemas['MyAssetRefDto'];

/** "Yang saya tandai bermanfaat": the assets the caller endorsed, newest first. */
export function MyEndorsements() {
  const { t } = useTranslation('profile');
  const [page, setPage] = useState(1);
  const query = useMyEndorsementsQuery(page);
  const lang = currentLanguage();
  return (
    <EngagementSection
      title={t('endorsements.title')}
      query={query}
      empty={t('endorsements.empty')}
    >
      {(data) => (
        <>
          <ul className={classes.list}>
            {data.items.map((item, i) => (
              <li key={item.asset?.id ?? `gone-${i}`} className={classes.item}>
                <AssetLine asset={item.asset} />
                <Text size="xs" c="dimmed" mt={4}>
                  {t('endorsements.at', { when: formatWibDate(item.endorsedAt, lang) })}
                </Text>
              </li>
            ))}
          </ul>
          <ListPages total={data.total} page={page} onPage={setPage} />
        </>
      )}
    </EngagementSection>
  );
}

/** "Laporan penerapan saya": how the caller applied assets ("saya terapkan"), newest first. */
export function MyReuseReports() {
  const { t } = useTranslation('profile');
  const [page, setPage] = useState(1);
  const query = useMyReuseReportsQuery(page);
  const lang = currentLanguage();
  return (
    <EngagementSection title={t('reuse.title')} query={query} empty={t('reuse.empty')}>
      {(data) => (
        <>
          <ul className={classes.list}>
            {data.items.map((item) => (
              <li key={item.id} className={classes.item}>
                <AssetLine asset={item.asset} />
                <Text size="sm" className={classes.story}>
                  {item.story}
                </Text>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('reuse.at', { when: formatWibDate(item.createdAt, lang) })}
                </Text>
              </li>
            ))}
          </ul>
          <ListPages total={data.total} page={page} onPage={setPage} />
        </>
      )}
    </EngagementSection>
  );
}

interface Paged {
  items: unknown[];
  total: number;
}

interface SectionProps<T extends Paged> {
  title: string;
  empty: string;
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data?: T;
    refetch: () => Promise<unknown>;
  };
  children: (data: T) => React.ReactNode;
}

function EngagementSection<T extends Paged>({ title, empty, query, children }: SectionProps<T>) {
  const headingId = useId();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {title}
        {query.data && query.data.total > 0 && (
          <Text span c="dimmed" fw={400} size="md">
            {' '}
            ({query.data.total})
          </Text>
        )}
      </Title>
      <Stack gap="sm">
        {query.isPending ? (
          <PageState kind="loading" />
        ) : query.isError || !query.data ? (
          <PageState kind="error" error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {empty}
          </Text>
        ) : (
          children(query.data)
        )}
      </Stack>
    </Paper>
  );
}

/** The asset by its title, or a plain phrase when the caller may no longer read it. */
function AssetLine({ asset }: { asset: AssetRef | null }) {
  const { t } = useTranslation(['profile', 'assets']);
  if (!asset) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('gone')}
      </Text>
    );
  }
  return (
    <div>
      <AnchorLink to="/aset/$id" params={{ id: asset.id }} fw={600}>
        {asset.title}
      </AnchorLink>
      <Group gap="xs" mt={4}>
        <Badge variant="light" size="sm">
          {t(`assets:types.${asset.type as 'pelajaran'}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {asset.opdCode}
        </Text>
      </Group>
    </div>
  );
}
