import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { PageState } from '@/components/page-state';
import { RejectionNote } from '@/components/rejection-note';
import type { Schemas } from '@/lib/api/types';
import { formatWib, formatWibDate } from '@/lib/format/wib';
import { currentLanguage } from '@/i18n';
import classes from './asset-section.module.css';

type AssetSummary = Schemas['AssetSummaryDto'] & {
  submittedAt?: string | null;
  authors?: Schemas['PersonRefDto'][];
};

interface AssetSectionProps {
  title: string;
  emptyText: string;
  query: UseQueryResult<{ items: AssetSummary[]; total: number }, unknown>;
  /**
   * What the list is about: drafts open in the editor and show a verifier's comment, submissions
   * open in the review view with who sent them and when, published assets on their page.
   */
  kind?: 'drafts' | 'review' | 'published';
  /** e.g. a link to the whole list */
  footer?: ReactNode;
}

/** A titled list of assets on the home page, with its own loading, empty and error states. */
export function AssetSection({
  title,
  emptyText,
  query,
  kind = 'published',
  footer,
}: AssetSectionProps) {
  const headingId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {title}
      </Title>
      {query.isPending ? (
        <PageState kind="loading" />
      ) : query.isError ? (
        <PageState kind="error" error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {emptyText}
        </Text>
      ) : (
        <Stack gap="sm">
          <ul className={classes.list}>
            {query.data.items.map((asset) => (
              <AssetItem key={asset.id} asset={asset} kind={kind} />
            ))}
          </ul>
          {footer}
        </Stack>
      )}
    </Paper>
  );
}

function AssetItem({ asset, kind }: { asset: AssetSummary; kind: AssetSectionProps['kind'] }) {
  const { t } = useTranslation(['home', 'assets']);
  const lang = currentLanguage();
  const when =
    kind === 'review'
      ? t('home:sections.submitted', { when: formatWib(asset.submittedAt, lang) })
      : kind === 'published' && typeof asset.publishedAt === 'string'
        ? t('home:sections.published', { when: formatWibDate(asset.publishedAt, lang) })
        : t('home:sections.updated', { when: formatWibDate(asset.updatedAt, lang) });
  const params = { id: asset.id };
  return (
    <li className={classes.item}>
      {kind === 'drafts' ? (
        <AnchorLink to="/aset/$id/ubah" params={params} fw={600}>
          {asset.title}
        </AnchorLink>
      ) : kind === 'review' ? (
        <AnchorLink to="/tinjauan/$id" params={params} fw={600}>
          {asset.title}
        </AnchorLink>
      ) : (
        <AnchorLink to="/aset/$id" params={params} fw={600}>
          {asset.title}
        </AnchorLink>
      )}
      <Group gap="xs" mt={2}>
        <Badge variant="light" size="sm">
          {t(`assets:types.${asset.type as 'pelajaran'}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {kind === 'review' && asset.authors?.length
            ? `${asset.authors.map((a) => a.name).join(', ')} · ${when}`
            : `${asset.opdCode} · ${when}`}
        </Text>
      </Group>
      {kind === 'drafts' && asset.rejection && <RejectionNote rejection={asset.rejection} />}
    </li>
  );
}
