import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { session } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/api/types';
import { queryClient } from '@/lib/query/query-client';
import { SignInForm } from './sign-in-form';

/** The sign-in dialog over the page once the session expired (loaded only then). */
export function SessionExpiredDialog({ expired }: { expired: SessionUser }) {
  const { t } = useTranslation('auth');
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
        <SignInForm
          defaultUsername={expired.email}
          focusField="password"
          onSignedIn={(user) => {
            // Someone else signed in: nothing cached for the previous user may show.
            if (user.id !== expired.id) queryClient.clear();
          }}
        />
        <Button variant="subtle" onClick={() => session.cancelReauth()}>
          {t('expired.cancel')}
        </Button>
      </Stack>
    </Modal>
  );
}
