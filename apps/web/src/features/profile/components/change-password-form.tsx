import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { isApiError } from '@/lib/api/errors';
import { fieldErrors } from '@/lib/api/field-errors';
import { useChangePasswordMutation } from '../queries/profile-queries';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/**
 * Change password (POST /auth/password). The API's rules decide: its message for a wrong
 * current password or a weak new one is shown beside that field; only "the two new passwords
 * differ" and empty fields are checked here first.
 */
export function ChangePasswordForm() {
  const { t } = useTranslation(['profile', 'common']);
  const headingId = useId();
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    confirm: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [done, setDone] = useState(false);
  const change = useChangePasswordMutation();
  const apiError = change.error;
  const apiField = apiFieldError(apiError);

  const set = (field: Field) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((x) => ({ ...x, [field]: undefined }));
    setDone(false);
    if (change.isError) change.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const required = t('common:problems.isNotEmpty');
    const problems: Partial<Record<Field, string>> = {
      currentPassword: values.currentPassword ? undefined : required,
      newPassword: values.newPassword ? undefined : required,
      confirm: !values.confirm
        ? required
        : values.confirm !== values.newPassword
          ? t('password.mismatch')
          : undefined,
    };
    setErrors(problems);
    if (Object.values(problems).some(Boolean)) return;
    change.mutate(
      { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } },
      {
        onSuccess: () => {
          setValues({ currentPassword: '', newPassword: '', confirm: '' });
          setDone(true);
        },
      },
    );
  };

  // PasswordInput describes its error but does not mark the input invalid by itself.
  const errorOf = (field: Field) =>
    errors[field] ?? (apiField?.field === field ? apiField.text : undefined);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        {t('password.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('password.rules')}
      </Text>
      <div role="status">
        {done && (
          <Alert color="teal" variant="light" mb="sm">
            {t('password.changed')}
          </Alert>
        )}
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {apiError && !apiField && <ApiErrorAlert error={apiError} title={t('password.failed')} />}
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            value={values.currentPassword}
            onChange={set('currentPassword')}
            error={errorOf('currentPassword')}
            aria-invalid={!!errorOf('currentPassword')}
            visibilityToggleButtonProps={{ 'aria-label': t('password.show') }}
          />
          <PasswordInput
            label={t('password.new')}
            autoComplete="new-password"
            value={values.newPassword}
            onChange={set('newPassword')}
            error={errorOf('newPassword')}
            aria-invalid={!!errorOf('newPassword')}
            visibilityToggleButtonProps={{ 'aria-label': t('password.show') }}
          />
          <PasswordInput
            label={t('password.confirm')}
            autoComplete="new-password"
            value={values.confirm}
            onChange={set('confirm')}
            error={errorOf('confirm')}
            aria-invalid={!!errorOf('confirm')}
            visibilityToggleButtonProps={{ 'aria-label': t('password.show') }}
          />
          <div>
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

/** The API's refusal placed beside the field it is about (its own message). */
function apiFieldError(error: unknown): { field: Field; text: string } | undefined {
  if (!isApiError(error)) return undefined;
  if (error.code === 'WRONG_CURRENT_PASSWORD')
    return { field: 'currentPassword', text: error.message };
  if (error.code === 'WEAK_PASSWORD') return { field: 'newPassword', text: error.message };
  const fields = fieldErrors(error);
  if (fields.newPassword)
    return { field: 'newPassword', text: `${error.message} ${fields.newPassword}` };
  if (fields.currentPassword)
    return { field: 'currentPassword', text: `${error.message} ${fields.currentPassword}` };
  return undefined;
}
