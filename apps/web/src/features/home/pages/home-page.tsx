import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/page-header';
import { hasPermission, useCurrentUser } from '@/lib/auth/use-session';
import { AssetSection } from '../components/asset-section';
import { HomeSearch } from '../components/home-search';
import {
  useAwaitingReviewQuery,
  useLatestQuery,
  useMyDraftsQuery,
  useNewInOpdQuery,
} from '../queries/home-queries';
import classes from './home-page.module.css';

export function HomePage() {
  const { t } = useTranslation(['home', 'common']);
  const user = useCurrentUser();
  const isVerifier = hasPermission(user, 'asset:verify');
  const drafts = useMyDraftsQuery(user);
  const newInOpd = useNewInOpdQuery(user);
  const latest = useLatestQuery(!user);
  const awaiting = useAwaitingReviewQuery(user, isVerifier);
  return (
    <>
      <PageHeader title={t('heading')} documentTitle={t('title')} description={t('intro')} />
      <Stack gap="xl">
        <HomeSearch />
        <div className={classes.sections}>
          {user ? (
            <>
              {isVerifier && (
                <AssetSection
                  title={t('sections.awaitingReview')}
                  emptyText={t('sections.awaitingReviewEmpty')}
                  query={awaiting}
                  dateOf="updated"
                />
              )}
              <AssetSection
                title={t('sections.drafts')}
                emptyText={t('sections.draftsEmpty')}
                query={drafts}
                dateOf="updated"
              />
              <AssetSection
                title={t('sections.newInOpd')}
                emptyText={t('sections.newInOpdEmpty')}
                query={newInOpd}
              />
              <Paper withBorder p="md" component="section" aria-labelledby="home-most-used">
                <Title order={2} size="h4" id="home-most-used" mb="sm">
                  {t('sections.mostUsed')}
                </Title>
                <Text c="dimmed" size="sm">
                  {t('common:state.comingSoon')}
                </Text>
              </Paper>
            </>
          ) : (
            <AssetSection
              title={t('sections.latest')}
              emptyText={t('sections.latestEmpty')}
              query={latest}
            />
          )}
        </div>
      </Stack>
    </>
  );
}
