import {
  Alert,
  Badge,
  Button,
  Checkbox,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { FactList } from '@/components/fact-list';
import { AnchorLink } from '@/components/links';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatWib, formatWibDate } from '@/lib/format/wib';
import { useCurrentUser } from '@/lib/auth/use-session';
import { AdminFrame } from '../components/admin-frame';
import { RoleBadges } from '../components/role-badges';
import { useStartPasswordReset, useUpdateUser, useUserQuery } from '../queries/admin-queries';
import { grantableRoles, mayHandCredentials, userFormErrors } from '../user-errors';
import classes from './admin-pages.module.css';

type User = Schemas['UserResponseDto'];
const route = getRouteApi('/admin/pengguna/$id');

/** One user: their data, roles to change, deactivate or reactivate, and a password reset. */
export function UserPage() {
  const { t } = useTranslation('admin');
  const { id } = route.useParams();
  const user = useUserQuery(id);
  return (
    <AdminFrame section="users" title={user.data?.name ?? t('tabs.users')}>
      <Stack gap="lg">
        <AnchorLink to="/admin/pengguna">{t('user.back')}</AnchorLink>
        {user.isPending ? (
          <PageState kind="loading" />
        ) : user.isError ? (
          <PageState kind="error" error={user.error} onRetry={() => void user.refetch()} />
        ) : (
          <UserDetails user={user.data} />
        )}
      </Stack>
    </AdminFrame>
  );
}

function UserDetails({ user }: { user: User }) {
  const { t } = useTranslation('admin');
  const lang = currentLanguage();
  const me = useCurrentUser();
  const canManage = !!me?.permissions.includes('user:manage');
  const self = me?.id === user.id;
  return (
    <div className={classes.columns}>
      <Paper withBorder p="md" component="section" aria-labelledby="user-details">
        <Title order={2} size="h4" id="user-details" mb="sm">
          {t('user.details')}
        </Title>
        <FactList
          facts={[
            [t('users.nip'), user.nip],
            [t('users.email'), user.email],
            [t('user.opd'), user.opdCode],
            [t('users.jabatan'), user.jabatan],
            [t('users.jabatanKategori'), t(`kategori.${user.jabatanKategori as 'administrasi'}`)],
            [t('user.birthDate'), formatWibDate(`${user.birthDate}T12:00:00+07:00`, lang)],
            [t('users.roles'), <RoleBadges key="roles" roles={user.roles} />],
            [
              t('users.status'),
              <Badge key="status" color={user.active ? 'teal.9' : 'gray.7'} variant="outline">
                {user.active ? t('users.active') : t('users.inactive')}
              </Badge>,
            ],
            [t('user.password'), user.hasPassword ? t('user.hasPassword') : t('users.noPassword')],
            [t('user.created'), formatWib(user.createdAt, lang)],
            [t('user.updated'), formatWib(user.updatedAt, lang)],
          ]}
        />
      </Paper>
      {canManage && (
        <Stack gap="lg">
          {self ? (
            <Alert color="gray" variant="light">
              {t('user.self')}
            </Alert>
          ) : (
            <>
              <RolesForm user={user} />
              <AccessPanel user={user} />
            </>
          )}
          {!self && <PasswordResetPanel user={user} />}
        </Stack>
      )}
    </div>
  );
}

function RolesForm({ user }: { user: User }) {
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const grantable = grantableRoles(me);
  const editable = user.roles.filter((r) => r !== 'asn' && r !== 'cop_lead');
  const [roles, setRoles] = useState<string[]>(editable);
  const update = useUpdateUser();
  const { fields, rest } = userFormErrors(update.error);
  const changed = [...roles].sort().join() !== [...editable].sort().join();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="user-roles">
      <Title order={2} size="h4" id="user-roles" mb="sm">
        {t('user.rolesTitle')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({
            params: { path: { id: user.id } },
            body: { roles: roles as Schemas['UpdateUserDto']['roles'] },
          });
        }}
      >
        <Stack gap="sm">
          {rest && <ApiErrorAlert error={update.error} />}
          <Checkbox.Group
            label={t('user.rolesGroup')}
            description={t('user.rolesHint')}
            value={roles}
            onChange={setRoles}
            error={fields.roles}
          >
            <Stack gap={6} mt={6}>
              {['verifier', 'opd_admin', 'assessor', 'admin'].map((role) => (
                <Checkbox
                  key={role}
                  value={role}
                  label={t(`roles.${role as 'admin'}`)}
                  disabled={!grantable.includes(role)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {user.roles.includes('cop_lead') && (
            <Text size="sm" c="dimmed">
              {t('user.copLeadNote')}
            </Text>
          )}
          <Group>
            <Button type="submit" disabled={!changed} loading={update.isPending}>
              {t('user.saveRoles')}
            </Button>
            {update.isSuccess && !changed && (
              <Text size="sm" role="status" c="teal.9">
                {t('user.rolesSaved')}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function AccessPanel({ user }: { user: User }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser();
  const [confirming, setConfirming] = useState(false);
  const setActive = (active: boolean) =>
    update.mutate(
      { params: { path: { id: user.id } }, body: { active } },
      { onSuccess: () => setConfirming(false) },
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="user-access">
      <Title order={2} size="h4" id="user-access" mb="sm">
        {t('user.access')}
      </Title>
      <Stack gap="sm" align="flex-start">
        {update.isError && !confirming && <ApiErrorAlert error={update.error} />}
        {update.isSuccess && (
          <Text size="sm" role="status" c="teal.9">
            {update.variables?.body?.active ? t('user.reactivated') : t('user.deactivated')}
          </Text>
        )}
        {user.active ? (
          <Button color="red.8" variant="outline" onClick={() => setConfirming(true)}>
            {t('user.deactivate')}
          </Button>
        ) : (
          <Button variant="outline" loading={update.isPending} onClick={() => setActive(true)}>
            {t('user.reactivate')}
          </Button>
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('user.deactivate')}
        closeButtonProps={{ 'aria-label': t('close') }}
      >
        <Stack gap="md">
          <Text>{t('user.deactivateConfirm', { name: user.name })}</Text>
          {update.isError && <ApiErrorAlert error={update.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('create.cancel')}
            </Button>
            <Button color="red.8" loading={update.isPending} onClick={() => setActive(false)}>
              {t('user.confirmDeactivate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function PasswordResetPanel({ user }: { user: User }) {
  const { t } = useTranslation('admin');
  const lang = currentLanguage();
  const me = useCurrentUser();
  const reset = useStartPasswordReset();
  const allowed = mayHandCredentials(me, user.roles);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="user-password">
      <Title order={2} size="h4" id="user-password" mb="sm">
        {t('user.password')}
      </Title>
      <Stack gap="sm" align="flex-start">
        {allowed ? (
          <>
            <Text size="sm">{t('user.resetHint')}</Text>
            <Button
              variant="outline"
              loading={reset.isPending}
              onClick={() => reset.mutate({ params: { path: { id: user.id } } })}
            >
              {t('user.reset')}
            </Button>
          </>
        ) : (
          <Text size="sm">{t('user.resetAdminOnly')}</Text>
        )}
        {reset.isError && <ApiErrorAlert error={reset.error} />}
        {reset.data && (
          <Paper withBorder p="md" w="100%" role="status">
            <Stack gap="xs" align="flex-start">
              <Title order={3} size="h5">
                {t('user.resetStarted')}
              </Title>
              <Text size="sm" fw={600}>
                {t('user.resetCode')}
              </Text>
              <Text className={classes.code}>{reset.data.token}</Text>
              <Text size="sm">
                {t('user.resetExpires', { when: formatWib(reset.data.expiresAt, lang) })}
              </Text>
              <CopyButton value={reset.data.token}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy}>
                    {copied ? t('user.copied') : t('user.copy')}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}
