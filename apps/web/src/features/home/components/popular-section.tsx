import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { PageState } from '@/components/page-state';
import type { usePopularQuery } from '../queries/home-queries';
import classes from './popular-section.module.css';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Paling banyak dipakai Triwulan ini": a ranked list of readable assets, most used first. */
export function PopularSection({ query }: { query: ReturnType<typeof usePopularQuery> }) {
  const { t } = useTranslation(['home', 'assets']);
  const headingId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {t('sections.mostUsed')}
      </Title>
      {query.data && (
        <Text size="xs" c="dimmed" mb="sm">
          {t('sections.quarter', { quarter: ROMAN[query.data.quarter - 1], year: query.data.year })}
        </Text>
      )}
      {query.isPending ? (
        <PageState kind="loading" />
      ) : query.isError ? (
        <PageState kind="error" error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('sections.mostUsedEmpty')}
        </Text>
      ) : (
        <ol className={classes.list}>
          {query.data.items.map((asset) => (
            <li key={asset.id} className={classes.item}>
              <AnchorLink to="/aset/$id" params={{ id: asset.id }} fw={600}>
                {asset.title}
              </AnchorLink>
              <Group gap="xs" mt={2}>
                <Badge variant="light" size="sm">
                  {t(`assets:types.${asset.type as 'pelajaran'}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {asset.opdCode}
                </Text>
              </Group>
            </li>
          ))}
        </ol>
      )}
    </Paper>
  );
}
