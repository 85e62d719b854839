import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { isApiError } from '@/lib/api/errors';
import type { Schemas } from '@/lib/api/types';
import { useCurrentUser } from '@/lib/auth/use-session';
import { formatWib } from '@/lib/format/wib';
import { AttachmentList } from '../components/attachment-list';
import { ReviewDecision } from '../components/review-decision';
import { TemplateChecklist } from '../components/template-checklist';
import { useAssetTypesQuery, useReviewAssetQuery } from '../queries/review-queries';
import classes from './review-asset-page.module.css';

const route = getRouteApi('/tinjauan/$id');

type Asset = Schemas['AssetResponseDto'];
type AssetType = Schemas['AssetTypeDto'];

/** A submission beside its template checklist, with "Setujui" and "Tolak" and the field "Catatan". */
export function ReviewAssetPage() {
  const { t } = useTranslation('review');
  const { id } = route.useParams();
  const asset = useReviewAssetQuery(id);
  const types = useAssetTypesQuery();
  const user = useCurrentUser();
  if (asset.isPending) {
    return (
      <>
        <PageHeader title={t('view.documentTitle')} />
        <PageState kind="loading" />
      </>
    );
  }
  if (asset.isError) {
    const missing = isApiError(asset.error) && asset.error.status === 404;
    return (
      <>
        <PageHeader title={t('view.documentTitle')} />
        {missing ? (
          <PageState kind="empty" action={<AnchorLink to="/tinjauan">{t('view.back')}</AnchorLink>}>
            {t('view.notFound')}
          </PageState>
        ) : (
          <PageState kind="error" error={asset.error} onRetry={() => void asset.refetch()} />
        )}
      </>
    );
  }
  const template = types.data?.find((x) => x.type === asset.data.type);
  const byCaller = !!user && asset.data.authors.some((a) => a.id === user.id);
  return (
    <>
      <AnchorLink to="/tinjauan" size="sm" className={classes.back}>
        ← {t('view.back')}
      </AnchorLink>
      <PageHeader title={asset.data.title} documentTitle={t('view.documentTitle')} />
      <div className={classes.layout}>
        <div className={classes.content}>
          <AssetFacts asset={asset.data} />
          <AssetContent asset={asset.data} template={template} />
        </div>
        <aside className={classes.aside}>
          <Paper withBorder p="md">
            {types.isError ? (
              <PageState kind="error" error={types.error} onRetry={() => void types.refetch()} />
            ) : (
              <TemplateChecklist asset={asset.data} template={template} />
            )}
          </Paper>
          <Paper withBorder p="md">
            <ReviewDecision asset={asset.data} byCaller={byCaller} />
          </Paper>
        </aside>
      </div>
    </>
  );
}

function AssetFacts({ asset }: { asset: Asset }) {
  const { t } = useTranslation(['review', 'assets']);
  const lang = currentLanguage();
  const headingId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('view.meta')}
      </Title>
      <dl className={classes.facts}>
        <dt>{t('view.type')}</dt>
        <dd>{t(`assets:types.${asset.type as 'pelajaran'}`)}</dd>
        <dt>{t('view.opd')}</dt>
        <dd>{asset.opdCode}</dd>
        <dt>{t('view.authors')}</dt>
        <dd>{asset.authors.map((a) => `${a.name} (${a.opdCode})`).join(', ')}</dd>
        {asset.narasumber && (
          <>
            <dt>{t('view.narasumber')}</dt>
            <dd>{asset.narasumber.name}</dd>
          </>
        )}
        <dt>{t('view.submittedAt')}</dt>
        <dd>{formatWib(asset.submittedAt, lang) || '—'}</dd>
        <dt>{t('view.visibility')}</dt>
        <dd>{t(`visibility.${asset.visibility as 'internal'}`)}</dd>
        <dt>{t('view.seciMode')}</dt>
        <dd>{asset.seciMode ? t(`seci.${asset.seciMode as 'kombinasi'}`) : '—'}</dd>
        <dt>{t('view.tags')}</dt>
        <dd>
          {asset.tags.length === 0 ? (
            '—'
          ) : (
            <Group gap={6}>
              {asset.tags.map((tag) => (
                <Badge key={tag} variant="outline" size="sm" color="gray.8">
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
        </dd>
      </dl>
    </Paper>
  );
}

/**
 * The text as the authors wrote it, section by section in the template's order. Markdown is shown
 * as written (plain text, never as HTML): the reviewer sees exactly what was submitted.
 */
function AssetContent({ asset, template }: { asset: Asset; template?: AssetType }) {
  const { t } = useTranslation('review');
  const lang = currentLanguage();
  const headingId = useId();
  const textSections = (template?.sections ?? []).filter((s) => s.kind === 'text');
  const block = (key: string, label: string, text: string, optional = false) => (
    <div key={key} className={classes.block}>
      <Title order={3} size="h5">
        {label}
        {optional && (
          <Text span c="dimmed" size="sm" fw={400}>
            {' '}
            ({t('view.optional')})
          </Text>
        )}
      </Title>
      {text.trim() ? (
        <Text className={classes.text}>{text}</Text>
      ) : (
        <Text c="dimmed" fs="italic" size="sm">
          {t('view.emptySection')}
        </Text>
      )}
    </div>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('view.content')}
      </Title>
      <Stack gap="lg">
        {block('summary', t('view.summary'), asset.summary)}
        {textSections.map((s) =>
          block(s.key, s.label[lang], asset.sections[s.key] ?? '', !s.required),
        )}
        {asset.body.trim() && block('body', t('view.body'), asset.body)}
        <div className={classes.block}>
          <AttachmentList attachments={asset.attachments} />
        </div>
      </Stack>
    </Paper>
  );
}
