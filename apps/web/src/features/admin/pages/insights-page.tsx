import { NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatWibDate } from '@/lib/format/wib';
import { useCurrentUser } from '@/lib/auth/use-session';
import type { InsightsSearch } from '../admin-search';
import { AdminFrame } from '../components/admin-frame';
import table from '../components/data-table.module.css';
import { useInsightsQuery, useOpdsQuery } from '../queries/admin-queries';
import classes from './admin-pages.module.css';

type QueryStat = Schemas['QueryStatDto'];
const route = getRouteApi('/admin/wawasan');

/**
 * Wawasan pencarian: the most frequent queries, the ones that found nothing (each with a link
 * that starts an asset titled after it) and the click-through rate, for a period and an OPD.
 */
export function InsightsPage() {
  const { t } = useTranslation('admin');
  const lang = currentLanguage();
  const user = useCurrentUser();
  const choosesOpd = !!user?.roles.includes('admin') || !!user?.roles.includes('assessor');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const insights = useInsightsQuery(search);
  const opds = useOpdsQuery();
  const change = (next: Partial<InsightsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }) });
  const data = insights.data;
  const percent = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  });

  return (
    <AdminFrame section="insights" description={t('insights.intro')}>
      <Stack gap="lg">
        <form
          role="search"
          aria-label={t('insights.intro')}
          className={classes.filters}
          onSubmit={(e) => e.preventDefault()}
        >
          {choosesOpd && (
            <NativeSelect
              label={t('insights.opd')}
              value={search.opd ?? ''}
              onChange={(e) => change({ opd: e.currentTarget.value || undefined })}
              data={[
                { value: '', label: t('insights.allOpds') },
                ...(opds.data ?? []).map((o) => ({
                  value: o.code,
                  label: `${o.code} · ${o.name}`,
                })),
              ]}
            />
          )}
          <TextInput
            type="date"
            label={t('insights.from')}
            value={search.dari ?? ''}
            onChange={(e) => change({ dari: e.currentTarget.value || undefined })}
          />
          <TextInput
            type="date"
            label={t('insights.to')}
            value={search.sampai ?? ''}
            onChange={(e) => change({ sampai: e.currentTarget.value || undefined })}
          />
        </form>
        {insights.isPending ? (
          <PageState kind="loading" />
        ) : insights.isError ? (
          <PageState kind="error" error={insights.error} onRetry={() => void insights.refetch()} />
        ) : (
          data && (
            <>
              <Paper withBorder p="md" component="section" aria-labelledby="insights-summary">
                <Title order={2} size="h4" id="insights-summary" mb="xs">
                  {data.opdCode ?? t('insights.allOpds')}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {t('insights.period', {
                    from: formatWibDate(data.from, lang),
                    to: formatWibDate(new Date(Date.parse(data.to) - 1).toISOString(), lang),
                  })}
                </Text>
                <dl className={classes.stats}>
                  <div>
                    <dt>{t('insights.searches')}</dt>
                    <dd>{data.searches}</dd>
                  </div>
                  <div>
                    <dt>{t('insights.ctr')}</dt>
                    <dd>{percent.format(data.clickThroughRate)}</dd>
                  </div>
                </dl>
              </Paper>
              <div className={classes.columns}>
                <QueryTable
                  id="insights-zero"
                  title={t('insights.zero')}
                  intro={t('insights.zeroIntro')}
                  items={data.zeroResultQueries}
                  empty={t('insights.noneZero')}
                  writeLink
                />
                <QueryTable
                  id="insights-top"
                  title={t('insights.top')}
                  items={data.topQueries}
                  empty={t('insights.none')}
                />
              </div>
            </>
          )
        )}
      </Stack>
    </AdminFrame>
  );
}

function QueryTable({
  id,
  title,
  intro,
  items,
  empty,
  writeLink,
}: {
  id: string;
  title: string;
  intro?: string;
  items: QueryStat[];
  empty: string;
  writeLink?: boolean;
}) {
  const { t } = useTranslation('admin');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed" mb="sm">
          {intro}
        </Text>
      )}
      {items.length === 0 ? (
        <PageState kind="empty">{empty}</PageState>
      ) : (
        <Table className={table.table} verticalSpacing="xs" striped>
          <Table.Caption>{title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('insights.query')}</Table.Th>
              <Table.Th scope="col">{t('insights.count')}</Table.Th>
              <Table.Th scope="col">{t('insights.users')}</Table.Th>
              {writeLink && <Table.Th scope="col">{t('insights.action')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((q) => (
              <Table.Tr key={q.query}>
                <Table.Td data-label={t('insights.query')} fw={600}>
                  {q.query}
                </Table.Td>
                <Table.Td data-label={t('insights.count')}>{q.searches}</Table.Td>
                <Table.Td data-label={t('insights.users')}>{q.users}</Table.Td>
                {writeLink && (
                  <Table.Td>
                    <AnchorLink to="/tulis" search={{ judul: q.query }} size="sm">
                      {t('insights.writeGap')}
                    </AnchorLink>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
