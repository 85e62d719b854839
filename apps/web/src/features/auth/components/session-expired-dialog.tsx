import { Button, Modal, Stack, Text } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { session } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/api/types';
import { queryClient } from '@/lib/query/query-client';
import { useSignInOptionsQuery } from '../queries/auth-queries';
import { SignInForm } from './sign-in-form';
import { SsoButton } from './sso-sign-in';

/** The sign-in dialog over the page once the session expired (loaded only then). */
export function SessionExpiredDialog({ expired }: { expired: SessionUser }) {
  const { t } = useTranslation('auth');
  const options = useSignInOptionsQuery();
  const here = useRouterState({ select: (s) => s.location.href });
  return (
    <Modal
      opened
      onClose={() => session.cancelReauth()}
      title={t('expired.title')}
      closeButtonProps={{ 'aria-label': t('expired.cancel') }}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{t('expired.body')}</Text>
        {/* Single sign-on leaves the page for the provider and comes back to it. */}
        {options.data?.sso && <SsoButton kembali={here} />}
        {options.data?.localLogin !== false && (
          <SignInForm
            defaultUsername={expired.email}
            focusField="password"
            onSignedIn={(user) => {
              // Someone else signed in: nothing cached for the previous user may show.
              if (user.id !== expired.id) queryClient.clear();
            }}
          />
        )}
        <Button variant="subtle" onClick={() => session.cancelReauth()}>
          {t('expired.cancel')}
        </Button>
      </Stack>
    </Modal>
  );
}
