import { Badge, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { ListPages } from '@/components/list-pages';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import type { DirectorySearch } from '../directory-search';
import { DIRECTORY_PAGE_SIZE, useDirectoryQuery, useOpdsQuery } from '../queries/community-queries';
import classes from './communities.module.css';

const route = getRouteApi('/komunitas');

/**
 * Komunitas: every community of practice, filtered by host OPD and theme or searched by name,
 * with the filters in the URL so a filtered list can be shared.
 */
export function CommunitiesPage() {
  const { t } = useTranslation('communities');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const directory = useDirectoryQuery(search);
  const opds = useOpdsQuery();
  const [text, setText] = useState(search.q ?? '');
  const change = (next: Partial<DirectorySearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next, hal: undefined }) });
  const typed = useDebouncedCallback((q: string) => change({ q: q.trim() || undefined }), 300);
  const data = directory.data;

  return (
    <>
      <PageHeader title={t('title')} description={t('directory.intro')} />
      <Stack gap="lg">
        <form
          role="search"
          aria-label={t('directory.filters')}
          className={classes.filters}
          onSubmit={(e) => {
            e.preventDefault();
            change({ q: text.trim() || undefined });
          }}
        >
          <TextInput
            label={t('directory.search')}
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              typed(e.currentTarget.value);
            }}
            maxLength={100}
          />
          <NativeSelect
            label={t('directory.opd')}
            value={search.opd ?? ''}
            onChange={(e) => change({ opd: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('directory.allOpds') },
              ...(opds.data ?? []).map((o) => ({ value: o.code, label: `${o.name} (${o.code})` })),
            ]}
          />
          <NativeSelect
            label={t('directory.theme')}
            value={search.tema ?? ''}
            onChange={(e) => change({ tema: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('directory.allThemes') },
              ...(data?.themes ?? (search.tema ? [search.tema] : [])).map((th) => ({
                value: th,
                label: th,
              })),
            ]}
          />
        </form>
        {directory.isPending ? (
          <PageState kind="loading" />
        ) : directory.isError ? (
          <PageState
            kind="error"
            error={directory.error}
            onRetry={() => void directory.refetch()}
          />
        ) : !data || data.items.length === 0 ? (
          <PageState kind="empty">{t('directory.empty')}</PageState>
        ) : (
          <section aria-labelledby="cop-count">
            <Text id="cop-count" size="sm" c="dimmed" mb="sm" role="status">
              {t('directory.count', { count: data.total })}
            </Text>
            <ul className={classes.cards}>
              {data.items.map((cop) => (
                <li key={cop.id}>
                  <Paper withBorder p="md" h="100%">
                    <AnchorLink to="/komunitas/$id" params={{ id: cop.id }} fw={600}>
                      {cop.name}
                    </AnchorLink>
                    <Text size="sm" mt={4}>
                      {cop.theme}
                    </Text>
                    <Group gap="xs" mt="xs">
                      <Badge variant="light" size="sm">
                        {cop.opdCode}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {t('directory.members', { count: cop.memberCount })}
                      </Text>
                      {cop.status !== 'aktif' && (
                        <Badge variant="outline" color="gray" size="sm">
                          {t('status.tidak_aktif')}
                        </Badge>
                      )}
                    </Group>
                  </Paper>
                </li>
              ))}
            </ul>
            <ListPages
              total={data.total}
              pageSize={DIRECTORY_PAGE_SIZE}
              page={search.hal ?? 1}
              onPage={(page) =>
                void navigate({ search: (prev) => ({ ...prev, hal: page > 1 ? page : undefined }) })
              }
            />
          </section>
        )}
      </Stack>
    </>
  );
}
