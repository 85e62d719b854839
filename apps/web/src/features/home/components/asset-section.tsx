import { Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AssetLine } from '@/components/asset-line';
import { QuerySection } from '@/components/query-section';
import { RejectionNote } from '@/components/rejection-note';
import type { Schemas } from '@/lib/api/types';
import { formatWib, formatWibDate } from '@/lib/format/wib';
import { currentLanguage } from '@/i18n';
import classes from '@/components/plain-list.module.css';

type AssetSummary = Schemas['AssetSummaryDto'] & {
  submittedAt?: string | null;
  authors?: Schemas['PersonRefDto'][];
};

interface AssetSectionProps {
  title: string;
  emptyText: string;
  query: UseQueryResult<{ items: AssetSummary[]; total: number }, unknown>;
  /**
   * What the list is about: drafts open in the editor and show a verifier's comment, submissions
   * open in the review view with who sent them and when, published assets on their page.
   */
  kind?: 'drafts' | 'review' | 'published';
  /** e.g. a link to the whole list */
  footer?: ReactNode;
}

/** A titled list of assets on the home page, with its own loading, empty and error states. */
export function AssetSection({
  title,
  emptyText,
  query,
  kind = 'published',
  footer,
}: AssetSectionProps) {
  return (
    <QuerySection
      title={title}
      query={query}
      isEmpty={(data) => data.items.length === 0}
      empty={emptyText}
    >
      {(data) => (
        <Stack gap="sm">
          <ul className={classes.list}>
            {data.items.map((asset) => (
              <AssetItem key={asset.id} asset={asset} kind={kind} />
            ))}
          </ul>
          {footer}
        </Stack>
      )}
    </QuerySection>
  );
}

function AssetItem({ asset, kind }: { asset: AssetSummary; kind: AssetSectionProps['kind'] }) {
  const { t } = useTranslation(['home', 'assets']);
  const lang = currentLanguage();
  const when =
    kind === 'review'
      ? t('home:sections.submitted', { when: formatWib(asset.submittedAt, lang) })
      : kind === 'published' && typeof asset.publishedAt === 'string'
        ? t('home:sections.published', { when: formatWibDate(asset.publishedAt, lang) })
        : t('home:sections.updated', { when: formatWibDate(asset.updatedAt, lang) });
  return (
    <li className={classes.item}>
      <AssetLine
        id={asset.id}
        title={asset.title}
        to={
          kind === 'drafts' ? '/aset/$id/ubah' : kind === 'review' ? '/tinjauan/$id' : '/aset/$id'
        }
        typeLabel={t(`assets:types.${asset.type as 'pelajaran'}`)}
        meta={
          kind === 'review' && asset.authors?.length
            ? `${asset.authors.map((a) => a.name).join(', ')} · ${when}`
            : `${asset.opdCode} · ${when}`
        }
      />
      {kind === 'drafts' && asset.rejection && <RejectionNote rejection={asset.rejection} />}
    </li>
  );
}
