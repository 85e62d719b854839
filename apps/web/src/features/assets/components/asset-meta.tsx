import { Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWib } from '@/lib/format/wib';
import { currentLanguage } from '@/i18n';
import type { Asset } from '../queries/asset-queries';
import classes from './asset-meta.module.css';

interface AssetMetaProps {
  asset: Asset;
  typeLabel: string;
  opdName: string | undefined;
  /** Authors and verifiers see where a draft or submission stands. */
  showStatus: boolean;
}

/** Type, status, OPD, people, verification and tags, as a description list. */
export function AssetMeta({ asset, typeLabel, opdName, showStatus }: AssetMetaProps) {
  const { t } = useTranslation('assets');
  const lang = currentLanguage();
  const people = (list: Asset['authors']) =>
    list.map((p) => `${p.name}${p.opdCode ? ` (${p.opdCode})` : ''}`).join(', ');
  const verified = asset.verifiedAt
    ? asset.verifiedBy?.name
      ? t('meta.verifiedBy', {
          when: formatWib(asset.verifiedAt, lang),
          name: asset.verifiedBy.name,
        })
      : t('meta.verified', { when: formatWib(asset.verifiedAt, lang) })
    : t('meta.notVerified');
  const rejection = lastRejection(asset);

  return (
    <div>
      <Group gap="xs" mb="sm">
        <Badge variant="light">{typeLabel}</Badge>
        {(showStatus || asset.status === 'archived') && asset.status !== 'published' && (
          <Badge color="gray" variant="outline">
            {t(`status.${asset.status}`)}
          </Badge>
        )}
        {asset.needsReview && (
          <Badge color="orange" variant="filled" className={classes.reviewBadge}>
            {t('meta.needsReview')}
          </Badge>
        )}
      </Group>
      {asset.needsReview && (
        <Text size="sm" mb="sm">
          {t('meta.needsReviewHint')}
        </Text>
      )}
      {rejection && showStatus && (
        <Text size="sm" mb="sm" className={classes.note}>
          {t('meta.reviewerNote', {
            when: formatWib(rejection.at, lang),
            comment: rejection.comment,
          })}
        </Text>
      )}
      <VisuallyHidden component="h2">{t('meta.label')}</VisuallyHidden>
      <dl className={classes.list}>
        {showStatus && <Item term={t('meta.status')}>{t(`status.${asset.status}`)}</Item>}
        <Item term={t('meta.opd')}>
          {opdName ? `${opdName} (${asset.opdCode})` : asset.opdCode}
        </Item>
        <Item term={t('meta.authors')}>{people(asset.authors)}</Item>
        {asset.narasumber && <Item term={t('meta.narasumber')}>{people([asset.narasumber])}</Item>}
        <Item term={t('meta.verification')}>{verified}</Item>
        <Item term={t('meta.visibility')}>{t(`visibility.${asset.visibility}`)}</Item>
        {asset.tags.length > 0 && (
          <Item term={t('meta.tags')}>
            <Group gap={6} component="span">
              {asset.tags.map((tag) => (
                <Badge key={tag} variant="outline" color="gray" size="sm" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          </Item>
        )}
      </dl>
    </div>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className={classes.item}>
      <dt className={classes.term}>{term}</dt>
      <dd className={classes.value}>{children}</dd>
    </div>
  );
}

/** The verifier's comment when the asset was last sent back to its authors. */
function lastRejection(asset: Asset): { at: string; comment: string } | undefined {
  const last = asset.transitions.at(-1);
  return last?.action === 'reject' && last.comment
    ? { at: last.at, comment: last.comment }
    : undefined;
}
