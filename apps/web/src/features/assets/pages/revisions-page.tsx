import { Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import type { Schemas } from '@/lib/api/types';
import { formatWib } from '@/lib/format/wib';
import { currentLanguage } from '@/i18n';
import { assetPageState } from '../components/asset-page-state';
import { RevisionChanges } from '../components/revision-changes';
import { useAssetTypesQuery, useRevisionsQuery } from '../queries/asset-queries';
import classes from './revisions-page.module.css';

const route = getRouteApi('/aset/$id/revisi');

type RevisionSummary = Schemas['RevisionSummaryDto'];

/**
 * An asset's revisions (one per publication or edit of a published asset), and what changed
 * between two of them: by default the latest against the one before. The comparison is in the
 * URL (?dari=1&ke=2), so it can be shared. Readable by whoever may read the asset.
 */
export function RevisionsPage() {
  const { id } = route.useParams();
  const { t } = useTranslation('assets');
  const revisions = useRevisionsQuery(id);
  const types = useAssetTypesQuery();
  const state = assetPageState(t('revisions.title'), [revisions, types]);
  if (state !== undefined || !revisions.data || !types.data) return state;
  return <RevisionsContent id={id} revisions={revisions.data} types={types.data} />;
}

function RevisionsContent({
  id,
  revisions,
  types,
}: {
  id: string;
  revisions: RevisionSummary[];
  types: Schemas['AssetTypeDto'][];
}) {
  const { t } = useTranslation('assets');
  const lang = currentLanguage();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/aset/$id/revisi' });
  const listId = useId();
  const latest = revisions[0];
  const numbers = revisions.map((r) => r.n);
  const to = search.ke && numbers.includes(search.ke) ? search.ke : latest?.n;
  const from =
    search.dari && numbers.includes(search.dari)
      ? search.dari
      : revisions.find((r) => r.n !== to)?.n;
  const options = revisions.map((r) => ({
    value: String(r.n),
    label: t('revisions.option', { n: r.n, when: formatWib(r.createdAt, lang) }),
  }));
  const choose = (next: { dari?: number; ke?: number }) =>
    void navigate({ search: { dari: from, ke: to, ...next }, replace: true });

  return (
    <>
      <PageHeader
        title={t('revisions.title')}
        documentTitle={t('revisions.documentTitle', { title: latest?.title ?? '' })}
        description={
          <AnchorLink to="/aset/$id" params={{ id }}>
            {latest ? t('revisions.of', { title: latest.title }) : t('revisions.back')}
          </AnchorLink>
        }
      />
      <Stack gap="xl">
        {revisions.length === 0 ? (
          <PageState kind="empty">{t('revisions.none')}</PageState>
        ) : (
          <section aria-labelledby={listId}>
            <Title order={2} size="h3" id={listId} mb="sm">
              {t('revisions.list')}
            </Title>
            <ol className={classes.list}>
              {revisions.map((r) => (
                <li key={r.n}>
                  <Text fw={600} span>
                    {t('revisions.item', { n: r.n })}
                  </Text>{' '}
                  <Text span>{r.title}</Text>
                  <Text size="sm" c="dimmed">
                    {t('revisions.by', {
                      name: r.createdBy.name,
                      when: formatWib(r.createdAt, lang),
                    })}
                  </Text>
                </li>
              ))}
            </ol>
          </section>
        )}
        {revisions.length === 1 && <PageState kind="empty">{t('revisions.single')}</PageState>}
        {revisions.length >= 2 && from !== undefined && to !== undefined && (
          <Paper withBorder p="md" component="section" aria-label={t('revisions.compare')}>
            <Stack gap="md">
              <Group gap="md" align="flex-end">
                <NativeSelect
                  label={t('revisions.from')}
                  data={options}
                  value={String(from)}
                  onChange={(e) => choose({ dari: Number(e.currentTarget.value) })}
                />
                <NativeSelect
                  label={t('revisions.to')}
                  data={options}
                  value={String(to)}
                  onChange={(e) => choose({ ke: Number(e.currentTarget.value) })}
                />
              </Group>
              <RevisionChanges assetId={id} from={from} to={to} types={types} />
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  );
}
