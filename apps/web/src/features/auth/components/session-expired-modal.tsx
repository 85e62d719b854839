import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { session } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/use-session';
import { queryClient } from '@/lib/query/query-client';
import { SignInForm } from './sign-in-form';

/**
 * Over the current page when the session has expired: signing in again resumes the requests that
 * waited for it, and the page below (with whatever was typed) never unmounts. Cancelling leaves
 * the portal signed out.
 */
export function SessionExpiredModal() {
  const { t } = useTranslation('auth');
  const state = useSession();
  const expired = state.status === 'expired' ? state.user : undefined;
  return (
    <Modal
      opened={!!expired}
      onClose={() => session.cancelReauth()}
      title={t('expired.title')}
      closeButtonProps={{ 'aria-label': t('expired.cancel') }}
      centered
    >
      {expired && (
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
      )}
    </Modal>
  );
}
