import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import type { SessionUser } from '@/lib/api/types';
import { session } from '@/lib/auth/session';

interface SignInFormProps {
  onSignedIn: (user: SessionUser) => void;
  defaultUsername?: string;
  /** In a modal: the field its focus trap starts on. */
  focusField?: 'username' | 'password';
}

/**
 * Email or NIP and password. The accessible names are a contract: "Email atau NIP", "Kata sandi"
 * and the button "Masuk". A refusal shows the API's own message above the fields.
 */
export function SignInForm({ onSignedIn, defaultUsername = '', focusField }: SignInFormProps) {
  const { t } = useTranslation(['auth', 'common']);
  const [username, setUsername] = useState(defaultUsername);
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const required = t('common:problems.isNotEmpty');
    const problems = {
      username: username.trim() ? undefined : required,
      password: password ? undefined : required,
    };
    setMissing(problems);
    if (problems.username || problems.password) return;
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await session.signIn(username.trim(), password));
    } catch (e) {
      setError(e);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {error !== undefined && <ApiErrorAlert error={error} title={t('failed')} />}
        <TextInput
          label={t('username')}
          description={t('usernameHint')}
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={missing.username}
          data-autofocus={focusField === 'username' || undefined}
        />
        <PasswordInput
          label={t('password')}
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={missing.password}
          data-autofocus={focusField === 'password' || undefined}
          visibilityToggleButtonProps={{ 'aria-label': t('showPassword') }}
        />
        <Button type="submit" loading={busy}>
          {t('submit')}
        </Button>
      </Stack>
    </form>
  );
}
