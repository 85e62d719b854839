import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { hasPermission, useCurrentUser } from '@/lib/auth/use-session';
import { AssetSection } from '../components/asset-section';
import { HomeSearch } from '../components/home-search';
import { PopularSection } from '../components/popular-section';
import {
  useAwaitingReviewQuery,
  useLatestQuery,
  useMyDraftsQuery,
  useNewInOpdQuery,
  usePopularQuery,
} from '../queries/home-queries';
import classes from './home-page.module.css';

export function HomePage() {
  const { t } = useTranslation(['home', 'common']);
  const user = useCurrentUser();
  const isVerifier = hasPermission(user, 'asset:verify');
  const drafts = useMyDraftsQuery(user);
  const newInOpd = useNewInOpdQuery(user);
  const latest = useLatestQuery(!user);
  const awaiting = useAwaitingReviewQuery(isVerifier);
  const popular = usePopularQuery(hasPermission(user, 'metrics:read'));
  const waiting = awaiting.data?.total ?? 0;
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
                  kind="review"
                  footer={
                    <AnchorLink to="/tinjauan" size="sm">
                      {t('sections.openQueue', { count: waiting })}
                    </AnchorLink>
                  }
                />
              )}
              {hasPermission(user, 'asset:contribute') && (
                <AssetSection
                  title={t('sections.drafts')}
                  emptyText={t('sections.draftsEmpty')}
                  query={drafts}
                  kind="drafts"
                  footer={
                    drafts.data && drafts.data.total > drafts.data.items.length ? (
                      <AnchorLink to="/profil" size="sm">
                        {t('sections.allDrafts', { count: drafts.data.total })}
                      </AnchorLink>
                    ) : undefined
                  }
                />
              )}
              <AssetSection
                title={t('sections.newInOpd')}
                emptyText={t('sections.newInOpdEmpty')}
                query={newInOpd}
              />
              {hasPermission(user, 'metrics:read') && <PopularSection query={popular} />}
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
