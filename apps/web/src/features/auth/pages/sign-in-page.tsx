import { Divider, Paper, Stack, Text } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { SignInForm } from '../components/sign-in-form';
import { SsoButton, SsoFinish, SsoRefusal } from '../components/sso-sign-in';
import { useSignInOptionsQuery } from '../queries/auth-queries';
import classes from './sign-in-page.module.css';

const route = getRouteApi('/masuk');

export function SignInPage() {
  const { t } = useTranslation(['auth', 'password-reset']);
  const { kembali, sso } = route.useSearch();
  const navigate = useNavigate();
  const options = useSignInOptionsQuery();
  const done = useCallback(() => void navigate({ href: kembali ?? '/' }), [navigate, kembali]);
  // If the options cannot be read, the password form is still offered (the API says if it is off).
  const localLogin = options.data?.localLogin ?? true;
  const ssoOn = options.data?.sso ?? false;
  return (
    <div className={classes.wrap}>
      <PageHeader title={t('title')} documentTitle={t('documentTitle')} />
      <Paper withBorder p="lg" radius="md">
        {sso === 'ok' ? (
          <SsoFinish onSignedIn={done} />
        ) : options.isPending ? (
          <PageState kind="loading" />
        ) : (
          <Stack gap="md">
            {sso && <SsoRefusal code={sso} />}
            {ssoOn && (
              <>
                <Text size="sm">{t('sso.intro')}</Text>
                <SsoButton kembali={kembali} />
              </>
            )}
            {ssoOn && localLogin && <Divider label={t('sso.or')} labelPosition="center" />}
            {localLogin && (
              <>
                <Text size="sm">{t('intro')}</Text>
                <SignInForm onSignedIn={done} />
              </>
            )}
          </Stack>
        )}
      </Paper>
      {localLogin && (
        <Text size="sm" mt="md">
          {t('password-reset:fromSignIn')}{' '}
          <AnchorLink to="/atur-ulang-sandi" search={{}}>
            {t('password-reset:fromSignInLink')}
          </AnchorLink>
        </Text>
      )}
    </div>
  );
}
