import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FactList } from '@/components/fact-list';
import { LanguageSwitch } from '@/components/language-switch';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { ChangePasswordForm } from '../components/change-password-form';
import { MyAssets } from '../components/my-assets';
import { MyEndorsements, MyReuseReports } from '../components/my-engagement';
import { useMeQuery } from '../queries/profile-queries';
import classes from './profile-page.module.css';

/**
 * Profil saya: the account as the API knows it, the language, a password change; beside them the
 * caller's assets by status, the assets they found useful and their reuse reports.
 */
export function ProfilePage() {
  const { t } = useTranslation('profile');
  return (
    <>
      <PageHeader title={t('title')} />
      {/* Phones read it top to bottom: who I am, my work, then settings; wide screens put the
          account and settings in a narrow column beside the lists. */}
      <div className={classes.layout}>
        <div className={classes.account}>
          <AccountDetails />
        </div>
        <Stack gap="md" className={classes.main}>
          <MyAssets />
          <MyEndorsements />
          <MyReuseReports />
        </Stack>
        <Stack gap="md" className={classes.settings}>
          <Paper withBorder p="lg" component="section" aria-labelledby="profile-language">
            <Title order={2} size="h3" id="profile-language" mb="xs">
              {t('language')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('languageHint')}
            </Text>
            <LanguageSwitch size="sm" withNames />
          </Paper>
          <ChangePasswordForm />
        </Stack>
      </div>
    </>
  );
}

function AccountDetails() {
  const { t } = useTranslation('profile');
  const me = useMeQuery();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-account">
      <Title order={2} size="h3" id="profile-account" mb="md">
        {t('account')}
      </Title>
      {me.isPending ? (
        <PageState kind="loading" />
      ) : me.isError ? (
        <PageState kind="error" error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <FactList
          facts={[
            [t('name'), me.data.name],
            [t('nip'), me.data.nip],
            [t('email'), me.data.email],
            [t('opd'), me.data.opdCode],
            [
              t('roles'),
              <Group gap={6} key="roles">
                {[
                  ...new Set(
                    me.data.grants.map((g) =>
                      [t(`roleNames.${g.role as 'asn'}`), g.opdCode].filter(Boolean).join(' · '),
                    ),
                  ),
                ].map((label) => (
                  <Badge key={label} variant="light">
                    {label}
                  </Badge>
                ))}
              </Group>,
            ],
          ]}
        />
      )}
    </Paper>
  );
}
