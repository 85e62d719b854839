import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { PageState } from '@/components/page-state';
import type { Schemas } from '@/lib/api/types';
import { formatWibDate } from '@/lib/format/wib';
import { currentLanguage } from '@/i18n';

type AssetPage = Schemas['AssetPageDto'];

interface AssetSectionProps {
  title: string;
  emptyText: string;
  query: UseQueryResult<AssetPage, unknown>;
  /** Drafts and submissions show when they changed, published assets when they came out. */
  dateOf?: 'updated' | 'published';
}

/** A titled list of assets on the home page, with its own loading, empty and error states. */
export function AssetSection({ title, emptyText, query, dateOf = 'published' }: AssetSectionProps) {
  const { t } = useTranslation(['home', 'assets']);
  const headingId = useId();
  const lang = currentLanguage();
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
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {query.data.items.map((asset) => {
            const when =
              dateOf === 'published' && typeof asset.publishedAt === 'string'
                ? t('home:sections.published', { when: formatWibDate(asset.publishedAt, lang) })
                : t('home:sections.updated', { when: formatWibDate(asset.updatedAt, lang) });
            return (
              <li key={asset.id}>
                <AnchorLink to="/aset/$id" params={{ id: asset.id }} fw={600}>
                  {asset.title}
                </AnchorLink>
                <Group gap="xs" mt={2}>
                  <Badge variant="light" size="sm">
                    {t(`assets:types.${asset.type}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {asset.opdCode} · {when}
                  </Text>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
