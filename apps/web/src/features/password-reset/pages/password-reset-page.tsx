import { Paper, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/page-header';
import { PasswordResetForm } from '../components/password-reset-form';
import classes from './password-reset-page.module.css';

const route = getRouteApi('/atur-ulang-sandi');

/** For a person whose admin started a password reset and handed them a one-time code. */
export function PasswordResetPage() {
  const { t } = useTranslation('password-reset');
  const { kode } = route.useSearch();
  return (
    <div className={classes.wrap}>
      <PageHeader title={t('title')} />
      <Paper withBorder p="lg" radius="md">
        <Text size="sm" mb="md">
          {t('intro')}
        </Text>
        <PasswordResetForm initialCode={kode ?? ''} />
      </Paper>
    </div>
  );
}
