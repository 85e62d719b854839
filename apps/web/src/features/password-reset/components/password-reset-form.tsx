import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { AnchorLink } from '@/components/links';
import { isApiError } from '@/lib/api/errors';
import { fieldErrors } from '@/lib/api/field-errors';
import { useCompletePasswordResetMutation } from '../queries/password-reset-queries';

type Field = 'token' | 'newPassword' | 'confirm';

/**
 * The code and the new password twice. The API decides: a wrong, used or expired code and a weak
 * password come back with its message beside that field; only empty fields and two different new
 * passwords are checked here first.
 */
export function PasswordResetForm({ initialCode }: { initialCode: string }) {
  const { t } = useTranslation(['password-reset', 'common']);
  const [values, setValues] = useState<Record<Field, string>>({
    token: initialCode,
    newPassword: '',
    confirm: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const reset = useCompletePasswordResetMutation();
  const apiField = apiFieldError(reset.error);

  const set = (field: Field) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((x) => ({ ...x, [field]: undefined }));
    if (reset.isError) reset.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const required = t('common:problems.isNotEmpty');
    const problems: Partial<Record<Field, string>> = {
      token: values.token.trim() ? undefined : required,
      newPassword: values.newPassword ? undefined : required,
      confirm: !values.confirm
        ? required
        : values.confirm !== values.newPassword
          ? t('mismatch')
          : undefined,
    };
    setErrors(problems);
    if (Object.values(problems).some(Boolean)) return;
    reset.mutate({ body: { token: values.token.trim(), newPassword: values.newPassword } });
  };

  if (reset.isSuccess) {
    return (
      <div role="status">
        <Alert color="teal" variant="light" title={t('done.title')}>
          {t('done.body')}{' '}
          <AnchorLink to="/masuk" search={{}}>
            {t('done.signIn')}
          </AnchorLink>
        </Alert>
      </div>
    );
  }

  // PasswordInput describes its error but does not mark the input invalid by itself.
  const errorOf = (field: Field) =>
    errors[field] ?? (apiField?.field === field ? apiField.text : undefined);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {reset.error && !apiField && <ApiErrorAlert error={reset.error} title={t('failed')} />}
        <TextInput
          label={t('code')}
          description={t('codeHint')}
          autoComplete="one-time-code"
          spellCheck={false}
          value={values.token}
          onChange={set('token')}
          error={errorOf('token')}
          aria-invalid={!!errorOf('token')}
        />
        <PasswordInput
          label={t('new')}
          description={t('rules')}
          autoComplete="new-password"
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errorOf('newPassword')}
          aria-invalid={!!errorOf('newPassword')}
          visibilityToggleButtonProps={{ 'aria-label': t('show') }}
        />
        <PasswordInput
          label={t('confirm')}
          autoComplete="new-password"
          value={values.confirm}
          onChange={set('confirm')}
          error={errorOf('confirm')}
          aria-invalid={!!errorOf('confirm')}
          visibilityToggleButtonProps={{ 'aria-label': t('show') }}
        />
        <div>
          <Button type="submit" loading={reset.isPending}>
            {t('submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** The API's refusal placed beside the field it is about (its own message). */
function apiFieldError(error: unknown): { field: Field; text: string } | undefined {
  if (!isApiError(error)) return undefined;
  if (error.code === 'PASSWORD_RESET_INVALID') return { field: 'token', text: error.message };
  if (error.code === 'WEAK_PASSWORD') return { field: 'newPassword', text: error.message };
  const fields = fieldErrors(error);
  if (fields.token) return { field: 'token', text: `${error.message} ${fields.token}` };
  if (fields.newPassword)
    return { field: 'newPassword', text: `${error.message} ${fields.newPassword}` };
  return undefined;
}
