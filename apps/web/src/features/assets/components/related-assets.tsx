import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { PageState } from '@/components/page-state';
import { useRelatedQuery } from '../queries/asset-queries';
import classes from './asset-lists.module.css';

/** "Aset terkait": published assets sharing tags, type or OPD, as the API ranks them. */
export function RelatedAssets({
  assetId,
  typeLabel,
}: {
  assetId: string;
  typeLabel: (type: string) => string;
}) {
  const { t } = useTranslation('assets');
  const headingId = useId();
  const related = useRelatedQuery(assetId, true);
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {t('related.heading')}
      </Title>
      {related.isPending ? (
        <PageState kind="loading" />
      ) : related.isError ? (
        <PageState kind="error" error={related.error} onRetry={() => void related.refetch()} />
      ) : related.data.length === 0 ? (
        <Text c="dimmed">{t('related.empty')}</Text>
      ) : (
        <Stack gap="sm" component="ul" className={classes.list}>
          {related.data.map((a) => (
            <li key={a.id}>
              <AnchorLink to="/aset/$id" params={{ id: a.id }} fw={600}>
                {a.title}
              </AnchorLink>
              <Group gap="xs" mt={2}>
                <Badge variant="light" size="sm">
                  {typeLabel(a.type)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {a.opdCode}
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}
