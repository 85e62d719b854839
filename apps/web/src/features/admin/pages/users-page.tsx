import { Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { ListPages } from '@/components/list-pages';
import { PageState } from '@/components/page-state';
import type { Schemas } from '@/lib/api/types';
import { useCurrentUser } from '@/lib/auth/use-session';
import { ROLE_FILTERS, type UsersSearch } from '../admin-search';
import { AdminFrame } from '../components/admin-frame';
import { CreateUserDialog } from '../components/create-user-dialog';
import { RoleBadges } from '../components/role-badges';
import { USERS_PAGE_SIZE, useOpdsQuery, useUsersQuery } from '../queries/admin-queries';
import table from '../components/data-table.module.css';
import classes from './admin-pages.module.css';

const route = getRouteApi('/admin/pengguna');

/**
 * Pengguna: the accounts this admin administers (system admins: all OPDs; OPD admins: their
 * own), searched and filtered in the URL; a row opens the user; "Tambah pengguna" creates one.
 */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const user = useCurrentUser();
  const isAdmin = !!user?.roles.includes('admin');
  const canManage = !!user?.permissions.includes('user:manage');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const go = useNavigate();
  const users = useUsersQuery(search);
  const [creating, setCreating] = useState(false);
  const change = (next: Partial<UsersSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next, hal: undefined }) });

  return (
    <AdminFrame
      section="users"
      description={isAdmin ? t('users.intro') : t('users.introOpd', { opd: user?.opdCode })}
      actions={canManage && <Button onClick={() => setCreating(true)}>{t('users.create')}</Button>}
    >
      <Stack gap="md">
        <Filters search={search} onChange={change} isAdmin={isAdmin} />
        {users.isPending ? (
          <PageState kind="loading" />
        ) : users.isError ? (
          <PageState kind="error" error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <section aria-labelledby="users-count">
            <Text id="users-count" fw={700} mb="xs" role="status">
              {t('users.count', { count: users.data.total })}
            </Text>
            {users.data.items.length === 0 ? (
              <PageState kind="empty">{t('users.empty')}</PageState>
            ) : (
              <UsersTable items={users.data.items} />
            )}
            <ListPages
              total={users.data.total}
              pageSize={USERS_PAGE_SIZE}
              page={search.hal ?? 1}
              onPage={(page) =>
                void navigate({ search: (prev) => ({ ...prev, hal: page > 1 ? page : undefined }) })
              }
            />
          </section>
        )}
      </Stack>
      {creating && (
        <CreateUserDialog
          opened
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            void go({ to: '/admin/pengguna/$id', params: { id: created.id } });
          }}
        />
      )}
    </AdminFrame>
  );
}

function Filters({
  search,
  onChange,
  isAdmin,
}: {
  search: UsersSearch;
  onChange: (next: Partial<UsersSearch>) => void;
  isAdmin: boolean;
}) {
  const { t } = useTranslation('admin');
  const opds = useOpdsQuery();
  const [q, setQ] = useState(search.q ?? '');
  const applyQ = useDebouncedCallback(
    (value: string) => onChange({ q: value.trim() || undefined }),
    300,
  );
  const any = { value: '', label: t('users.any') };
  return (
    <form
      role="search"
      aria-label={t('users.filters')}
      className={classes.filters}
      onSubmit={(e) => e.preventDefault()}
    >
      <TextInput
        label={t('users.q')}
        description={t('users.qHint')}
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          applyQ(e.currentTarget.value);
        }}
      />
      {isAdmin && (
        <NativeSelect
          label={t('users.opd')}
          value={search.opd ?? ''}
          onChange={(e) => onChange({ opd: e.currentTarget.value || undefined })}
          data={[
            any,
            ...(opds.data ?? []).map((o) => ({ value: o.code, label: `${o.code} · ${o.name}` })),
          ]}
        />
      )}
      <NativeSelect
        label={t('users.role')}
        value={search.peran ?? ''}
        onChange={(e) =>
          onChange({ peran: (e.currentTarget.value || undefined) as UsersSearch['peran'] })
        }
        data={[any, ...ROLE_FILTERS.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
      />
      <NativeSelect
        label={t('users.status')}
        value={search.aktif ?? ''}
        onChange={(e) =>
          onChange({ aktif: (e.currentTarget.value || undefined) as UsersSearch['aktif'] })
        }
        data={[
          any,
          { value: 'ya', label: t('users.active') },
          { value: 'tidak', label: t('users.inactive') },
        ]}
      />
    </form>
  );
}

function UsersTable({ items }: { items: Schemas['UserResponseDto'][] }) {
  const { t } = useTranslation('admin');
  return (
    <Table className={table.table} verticalSpacing="sm" striped>
      <Table.Caption>{t('users.caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('users.name')}</Table.Th>
          <Table.Th scope="col">{t('users.nip')}</Table.Th>
          <Table.Th scope="col">{t('users.opd')}</Table.Th>
          <Table.Th scope="col">{t('users.roles')}</Table.Th>
          <Table.Th scope="col">{t('users.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((u) => (
          <Table.Tr key={u.id}>
            <Table.Td data-label={t('users.name')}>
              <AnchorLink to="/admin/pengguna/$id" params={{ id: u.id }} fw={600}>
                {u.name}
              </AnchorLink>
              <Text size="sm" c="dimmed">
                {u.jabatan}
              </Text>
            </Table.Td>
            <Table.Td data-label={t('users.nip')} className={table.nowrap}>
              {u.nip}
            </Table.Td>
            <Table.Td data-label={t('users.opd')}>{u.opdCode}</Table.Td>
            <Table.Td data-label={t('users.roles')}>
              <RoleBadges roles={u.roles} />
            </Table.Td>
            <Table.Td data-label={t('users.status')}>
              <Group gap={4}>
                <Badge color={u.active ? 'teal.9' : 'gray.7'} variant="outline">
                  {u.active ? t('users.active') : t('users.inactive')}
                </Badge>
                {!u.hasPassword && (
                  <Badge color="violet.9" variant="outline" tt="none">
                    {t('users.noPassword')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
