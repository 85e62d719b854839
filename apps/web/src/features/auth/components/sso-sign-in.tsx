import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { session } from '@/lib/auth/session';

/** "Masuk dengan SSO": a link to the API, which sends the browser on to the provider. */
export function SsoButton({ kembali }: { kembali?: string }) {
  const { t } = useTranslation('auth');
  const href = `/api/v1/auth/oidc/login${kembali ? `?${new URLSearchParams({ kembali }).toString()}` : ''}`;
  return (
    <Button component="a" href={href} fullWidth>
      {t('sso.button')}
    </Button>
  );
}

/** Why the provider's round trip ended without a session, in the portal's language. */
export function SsoRefusal({ code }: { code: string }) {
  const { t, i18n } = useTranslation('auth');
  // Each code the API's callback sends has its text; anything else gets the general one.
  const known = /^SSO_[A-Z_]+$/.test(code) && i18n.exists(`auth:sso.refusals.${code}`);
  const key = `sso.refusals.${known ? code : 'other'}` as 'sso.refusals.other';
  return (
    <Alert color="red" variant="light" role="alert" title={t('sso.failedTitle')}>
      <Text size="sm">{t(key)}</Text>
    </Alert>
  );
}

/**
 * Back from the provider signed in (`sso=ok`): the API has set the refresh cookie, so the session
 * renews from it like on any page load, then the person goes where they were going.
 */
export function SsoFinish({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation('auth');
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void session.refresh().then((outcome) => {
      if (!live) return;
      if (outcome === 'renewed') onSignedIn();
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [onSignedIn]);
  if (failed) {
    return (
      <Alert color="red" variant="light" role="alert" title={t('sso.failedTitle')}>
        <Text size="sm">{t('sso.resumeFailed')}</Text>
      </Alert>
    );
  }
  return (
    <Center py="md" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text c="dimmed">{t('sso.finishing')}</Text>
      </Stack>
    </Center>
  );
}
