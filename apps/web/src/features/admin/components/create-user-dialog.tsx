import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  PasswordInput,
  Stack,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import type { Schemas } from '@/lib/api/types';
import { useCurrentUser } from '@/lib/auth/use-session';
import { useCreateUser, useOpdsQuery } from '../queries/admin-queries';
import { grantableRoles, userFormErrors } from '../user-errors';

type Body = Schemas['CreateUserDto'];
type Kategori = Body['jabatanKategori'];

export const KATEGORI: readonly Kategori[] = [
  'administrasi',
  'pimpinan_tinggi',
  'fungsional_ahli_pertama',
  'fungsional_ahli_muda',
  'fungsional_ahli_madya',
  'fungsional_ahli_utama',
  'fungsional_keterampilan',
  'fungsional_lain',
];

interface CreateUserDialogProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (user: Schemas['UserResponseDto']) => void;
}

/** "Tambah pengguna": the API's own refusals (NIP or email taken, weak password) beside the fields. */
export function CreateUserDialog({ opened, onClose, onCreated }: CreateUserDialogProps) {
  const { t } = useTranslation('admin');
  const user = useCurrentUser();
  const isAdmin = !!user?.roles.includes('admin');
  const opds = useOpdsQuery();
  const create = useCreateUser();
  const [form, setForm] = useState({
    nip: '',
    name: '',
    email: '',
    opdCode: user?.opdCode ?? '',
    jabatan: '',
    jabatanKategori: 'administrasi' as Kategori,
    roles: [] as string[],
    password: '',
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const { fields, rest } = userFormErrors(create.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        body: {
          nip: form.nip.replace(/\s/g, ''),
          name: form.name,
          email: form.email,
          opdCode: form.opdCode,
          jabatan: form.jabatan,
          jabatanKategori: form.jabatanKategori,
          roles: form.roles as Body['roles'],
          ...(form.password ? { password: form.password } : {}),
        },
      },
      { onSuccess: (created) => onCreated(created) },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('create.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {rest && <ApiErrorAlert error={create.error} />}
          <TextInput
            label={t('users.nip')}
            description={t('create.nipHint')}
            required
            inputMode="numeric"
            autoComplete="off"
            value={form.nip}
            onChange={(e) => set('nip', e.currentTarget.value)}
            error={fields.nip}
          />
          <TextInput
            label={t('users.name')}
            required
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={fields.name}
          />
          <TextInput
            label={t('users.email')}
            type="email"
            required
            autoComplete="off"
            value={form.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={fields.email}
          />
          <NativeSelect
            label={t('user.opd')}
            required
            disabled={!isAdmin}
            value={form.opdCode}
            onChange={(e) => set('opdCode', e.currentTarget.value)}
            data={(opds.data ?? [{ code: form.opdCode, name: form.opdCode }]).map((o) => ({
              value: o.code,
              label: `${o.name} (${o.code})`,
            }))}
            error={fields.opdCode}
          />
          <TextInput
            label={t('users.jabatan')}
            required
            value={form.jabatan}
            onChange={(e) => set('jabatan', e.currentTarget.value)}
            error={fields.jabatan}
          />
          <NativeSelect
            label={t('users.jabatanKategori')}
            required
            value={form.jabatanKategori}
            onChange={(e) => set('jabatanKategori', e.currentTarget.value as Kategori)}
            data={KATEGORI.map((k) => ({ value: k, label: t(`kategori.${k}`) }))}
            error={fields.jabatanKategori}
          />
          <Checkbox.Group
            label={t('users.roles')}
            description={t('create.rolesHint')}
            value={form.roles}
            onChange={(roles) => set('roles', roles)}
            error={fields.roles}
          >
            <Group gap="md" mt={4}>
              {grantableRoles(user).map((role) => (
                <Checkbox key={role} value={role} label={t(`roles.${role as 'admin'}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <PasswordInput
            label={t('create.password')}
            description={t('create.passwordHint')}
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={fields.password}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('create.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
