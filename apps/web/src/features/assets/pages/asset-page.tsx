import { Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { useCurrentUser } from '@/lib/auth/use-session';
import { MarkdownContent } from '@/lib/markdown/markdown-content';
import { currentLanguage } from '@/i18n';
import { mayEdit } from '../asset-roles';
import { AssetMeta } from '../components/asset-meta';
import { assetPageState } from '../components/asset-page-state';
import { AttachmentList } from '../components/attachment-list';
import { EngagementPanel } from '../components/engagement-panel';
import { RelatedAssets } from '../components/related-assets';
import { ReuseReports } from '../components/reuse-reports';
import {
  type Asset,
  type AssetType,
  useAssetQuery,
  useAssetTypesQuery,
  useOpdQuery,
} from '../queries/asset-queries';
import classes from './asset-page.module.css';

const route = getRouteApi('/aset/$id');

/**
 * One asset: its title as the h1, what it is and who stands behind it, its sections (Markdown
 * through the one sanitiser), files with a PDF preview, what readers do with it, its revisions
 * and related assets. Missing and not readable look the same: the portal's "not found" page.
 */
export function AssetPage() {
  const { id } = route.useParams();
  // A new asset is a new page: focus, title and local state start over.
  return <AssetView key={id} id={id} />;
}

function AssetView({ id }: { id: string }) {
  const { t } = useTranslation('assets');
  const asset = useAssetQuery(id);
  const types = useAssetTypesQuery();
  const state = assetPageState(t('title'), [asset, types]);
  if (state !== undefined || !asset.data || !types.data) return state;
  return <AssetContent asset={asset.data} types={types.data} />;
}

function AssetContent({ asset, types }: { asset: Asset; types: AssetType[] }) {
  const { t } = useTranslation('assets');
  const user = useCurrentUser();
  const opd = useOpdQuery(asset.opdCode);
  const lang = currentLanguage();
  const template = types.find((x) => x.type === asset.type);
  const typeLabel = (type: string) => {
    const found = types.find((x) => x.type === type);
    return found ? found.label[lang] : type;
  };
  const editable = mayEdit(asset, user);
  const isAuthorOrVerifier =
    !!user &&
    (asset.authors.some((a) => a.id === user.id) ||
      user.grants.some((g) => g.role === 'verifier' && g.opdCode === asset.opdCode));
  const published = asset.status === 'published';

  return (
    <>
      <PageHeader
        title={asset.title}
        actions={
          editable && (
            <ButtonLink to="/aset/$id/ubah" params={{ id: asset.id }} variant="default">
              {t('edit')}
            </ButtonLink>
          )
        }
      />
      <div className={classes.layout}>
        <div className={classes.info}>
          <Stack gap="lg">
            <AssetMeta
              asset={asset}
              typeLabel={typeLabel(asset.type)}
              opdName={opd.data?.name}
              showStatus={isAuthorOrVerifier}
            />
            {published && <EngagementPanel asset={asset} />}
          </Stack>
        </div>
        <article className={classes.content}>
          <Stack gap="xl">
            <ContentSections asset={asset} template={template} />
            <AttachmentList attachments={asset.attachments} />
            {published && <ReuseReports assetId={asset.id} />}
            {asset.revision >= 1 && (
              <AnchorLink to="/aset/$id/revisi" params={{ id: asset.id }} fw={600}>
                {t('revisions.link', { count: asset.revision })}
              </AnchorLink>
            )}
          </Stack>
        </article>
        <aside className={classes.related}>
          <RelatedAssets assetId={asset.id} typeLabel={typeLabel} />
        </aside>
      </div>
    </>
  );
}

/** Summary, then each template section that has content, then any other notes. */
function ContentSections({ asset, template }: { asset: Asset; template: AssetType | undefined }) {
  const { t } = useTranslation('assets');
  const lang = currentLanguage();
  const known = (template?.sections ?? []).filter((s) => s.kind === 'text');
  // Keys the template does not know (an older template's), under their own key; a `user`
  // section (the narasumber) is in the facts, not here.
  const extra = Object.keys(asset.sections).filter(
    (k) => !template?.sections.some((s) => s.key === k),
  );
  const sections = [
    ...known.map((s) => ({ key: s.key, label: s.label[lang] })),
    ...extra.map((key) => ({ key, label: key })),
  ].filter((s) => asset.sections[s.key]?.trim());
  const empty = !asset.summary.trim() && sections.length === 0 && !asset.body.trim();
  if (empty) return <Text c="dimmed">{t('noContent')}</Text>;
  return (
    <>
      {asset.summary.trim() && (
        <Section title={t('summary')}>
          <Text className={classes.summary}>{asset.summary}</Text>
        </Section>
      )}
      {sections.map((s) => (
        <Section key={s.key} title={s.label}>
          <MarkdownContent markdown={asset.sections[s.key] ?? ''} />
        </Section>
      ))}
      {asset.body.trim() && (
        <Section title={t('body')}>
          <MarkdownContent markdown={asset.body} />
        </Section>
      )}
    </>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}
