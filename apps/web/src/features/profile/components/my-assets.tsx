import { Badge, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssetLine } from '@/components/asset-line';
import { ButtonLink } from '@/components/links';
import { ListPages } from '@/components/list-pages';
import lists from '@/components/plain-list.module.css';
import { PageState } from '@/components/page-state';
import { RejectionNote } from '@/components/rejection-note';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatWibDate } from '@/lib/format/wib';
import {
  MY_ASSET_STATUSES,
  PROFILE_PAGE_SIZE,
  type MyAssetStatus,
  useMyAssetsQuery,
} from '../queries/profile-queries';

type AssetSummary = Schemas['AssetSummaryDto'];

/** "Aset saya": the caller's assets in four tabs by status, each with its count. */
export function MyAssets() {
  const { t } = useTranslation('profile');
  const headingId = useId();
  const [status, setStatus] = useState<MyAssetStatus>('draft');
  const [pages, setPages] = useState<Record<MyAssetStatus, number>>({
    draft: 1,
    submitted: 1,
    published: 1,
    archived: 1,
  });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {t('assets.title')}
        </Title>
        <ButtonLink to="/tulis" size="xs" variant="light">
          {t('assets.write')}
        </ButtonLink>
      </Group>
      <Tabs value={status} onChange={(v) => setStatus((v as MyAssetStatus | null) ?? 'draft')}>
        <Tabs.List aria-label={t('assets.tabs')} mb="md">
          {MY_ASSET_STATUSES.map((s) => (
            <StatusTab key={s} status={s} />
          ))}
        </Tabs.List>
        {MY_ASSET_STATUSES.map((s) => (
          <Tabs.Panel key={s} value={s}>
            {status === s && (
              <StatusList
                status={s}
                page={pages[s]}
                onPage={(page) => setPages((p) => ({ ...p, [s]: page }))}
              />
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Paper>
  );
}

/** A tab with the number of assets in its status (the first page's total). */
function StatusTab({ status }: { status: MyAssetStatus }) {
  const { t } = useTranslation('profile');
  const query = useMyAssetsQuery(status, 1);
  const label = t(`assets.status.${status}`);
  return (
    <Tabs.Tab value={status}>{query.data ? `${label} (${query.data.total})` : label}</Tabs.Tab>
  );
}

function StatusList({
  status,
  page,
  onPage,
}: {
  status: MyAssetStatus;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation('profile');
  const query = useMyAssetsQuery(status, page);
  if (query.isPending) return <PageState kind="loading" />;
  if (query.isError)
    return <PageState kind="error" error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t(`assets.empty.${status}`)}
      </Text>
    );
  return (
    <Stack gap="md">
      <ul className={lists.list}>
        {query.data.items.map((asset) => (
          <MyAssetItem key={asset.id} asset={asset} />
        ))}
      </ul>
      <ListPages
        total={query.data.total}
        pageSize={PROFILE_PAGE_SIZE}
        page={page}
        onPage={onPage}
      />
    </Stack>
  );
}

function MyAssetItem({ asset }: { asset: AssetSummary }) {
  const { t } = useTranslation(['profile', 'assets']);
  const lang = currentLanguage();
  const when =
    asset.status === 'published' && asset.publishedAt
      ? t('assets.published', { when: formatWibDate(asset.publishedAt, lang) })
      : t('assets.updated', { when: formatWibDate(asset.updatedAt, lang) });
  return (
    <li className={lists.item}>
      <AssetLine
        id={asset.id}
        title={asset.title}
        to={asset.status === 'draft' ? '/aset/$id/ubah' : '/aset/$id'}
        typeLabel={t(`assets:types.${asset.type as 'pelajaran'}`)}
        meta={`${asset.opdCode} · ${when}`}
      />
      {asset.needsReview && (
        <Badge variant="filled" color="red.9" size="sm" mt={4}>
          {t('assets.needsReview')}
        </Badge>
      )}
      {asset.rejection && <RejectionNote rejection={asset.rejection} />}
    </li>
  );
}
