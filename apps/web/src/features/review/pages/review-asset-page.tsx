import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FactList } from '@/components/fact-list';
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
        <Stack gap="md" className={classes.column}>
          <AssetFacts asset={asset.data} />
          <AssetContent asset={asset.data} template={template} />
        </Stack>
        <Stack gap="md" component="aside" className={`${classes.column} ${classes.aside}`}>
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
        </Stack>
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
      <FactList
        facts={[
          [t('view.type'), t(`assets:types.${asset.type as 'pelajaran'}`)],
          [t('view.opd'), asset.opdCode],
          [t('view.authors'), asset.authors.map((a) => `${a.name} (${a.opdCode})`).join(', ')],
          [t('view.narasumber'), asset.narasumber?.name],
          [t('view.submittedAt'), formatWib(asset.submittedAt, lang) || '—'],
          [t('view.visibility'), t(`visibility.${asset.visibility as 'internal'}`)],
          [t('view.seciMode'), asset.seciMode ? t(`seci.${asset.seciMode as 'kombinasi'}`) : '—'],
          [
            t('view.tags'),
            asset.tags.length === 0 ? (
              '—'
            ) : (
              <Group gap={6} key="tags">
                {asset.tags.map((tag) => (
                  <Badge key={tag} variant="outline" size="sm" color="gray.8">
                    {tag}
                  </Badge>
                ))}
              </Group>
            ),
          ],
        ]}
      />
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
