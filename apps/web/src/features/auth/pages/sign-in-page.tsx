import { Paper, Text } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { SignInForm } from '../components/sign-in-form';
import classes from './sign-in-page.module.css';

const route = getRouteApi('/masuk');

export function SignInPage() {
  const { t } = useTranslation(['auth', 'password-reset']);
  const { kembali } = route.useSearch();
  const navigate = useNavigate();
  return (
    <div className={classes.wrap}>
      <PageHeader title={t('title')} documentTitle={t('documentTitle')} />
      <Paper withBorder p="lg" radius="md">
        <Text size="sm" mb="md">
          {t('intro')}
        </Text>
        <SignInForm onSignedIn={() => void navigate({ href: kembali ?? '/' })} />
      </Paper>
      <Text size="sm" mt="md">
        {t('password-reset:fromSignIn')}{' '}
        <AnchorLink to="/atur-ulang-sandi" search={{}}>
          {t('password-reset:fromSignInLink')}
        </AnchorLink>
      </Text>
    </div>
  );
}
