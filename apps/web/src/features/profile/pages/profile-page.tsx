import { Badge, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/language-switch';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { useMeQuery } from '../queries/profile-queries';
import classes from './profile-page.module.css';

/** The account as the API knows it and the language choice; assets and activity come later. */
export function ProfilePage() {
  const { t } = useTranslation('profile');
  const me = useMeQuery();
  return (
    <>
      <PageHeader title={t('title')} />
      <Stack gap="lg">
        {me.isPending ? (
          <PageState kind="loading" />
        ) : me.isError ? (
          <PageState kind="error" error={me.error} onRetry={() => void me.refetch()} />
        ) : (
          <Paper withBorder p="lg" component="section" aria-labelledby="profile-account">
            <Title order={2} size="h3" id="profile-account" mb="md">
              {t('account')}
            </Title>
            <dl className={classes.facts}>
              <dt>{t('name')}</dt>
              <dd>{me.data.name}</dd>
              <dt>{t('nip')}</dt>
              <dd>{me.data.nip}</dd>
              <dt>{t('email')}</dt>
              <dd>{me.data.email}</dd>
              <dt>{t('opd')}</dt>
              <dd>{me.data.opdCode}</dd>
              <dt>{t('roles')}</dt>
              <dd>
                <Group gap={6}>
                  {me.data.roles.map((role) => (
                    <Badge key={role} variant="light">
                      {t(`roleNames.${role as 'asn'}`)}
                    </Badge>
                  ))}
                </Group>
              </dd>
            </dl>
          </Paper>
        )}
        <Paper withBorder p="lg" component="section" aria-labelledby="profile-language">
          <Title order={2} size="h3" id="profile-language" mb="md">
            {t('language')}
          </Title>
          <LanguageSwitch size="sm" />
        </Paper>
        <PageState kind="empty">{t('placeholder')}</PageState>
      </Stack>
    </>
  );
}
