import { Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageState } from '@/components/page-state';
import type { Schemas } from '@/lib/api/types';
import { currentLanguage } from '@/i18n';
import { useRevisionQuery } from '../queries/asset-queries';
import { compareRevisions, type DiffPart, type FieldSpec } from '../revision-diff';
import classes from './revision-changes.module.css';

type Revision = Schemas['RevisionDto'];

interface RevisionChangesProps {
  assetId: string;
  from: number;
  to: number;
  types: Schemas['AssetTypeDto'][];
}

/**
 * What changed from one revision to another, field by field: added words underlined, removed
 * words struck through, each also announced in words ("[ditambahkan: …]") so the difference
 * never rests on colour.
 */
export function RevisionChanges({ assetId, from, to, types }: RevisionChangesProps) {
  const { t } = useTranslation('assets');
  const before = useRevisionQuery(assetId, from);
  const after = useRevisionQuery(assetId, to);
  const fields = useFieldSpecs(types, after.data?.type);
  if (before.isError || after.isError) {
    return (
      <PageState
        kind="error"
        error={before.error ?? after.error}
        onRetry={() => void (before.isError ? before.refetch() : after.refetch())}
      />
    );
  }
  if (before.isPending || after.isPending) return <PageState kind="loading" />;
  const { changed, unchanged } = compareRevisions(before.data, after.data, fields);
  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">
          {t('revisions.changes', { from, to })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('revisions.legend')}
        </Text>
      </div>
      {changed.length === 0 && <Text>{t('revisions.noChanges')}</Text>}
      {changed.map((change) => (
        <section key={change.key} aria-label={change.label}>
          <Title order={3} size="h4" mb={4}>
            {change.label}
          </Title>
          <DiffText parts={change.parts} />
        </section>
      ))}
      {unchanged.length > 0 && changed.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('revisions.unchanged', { fields: unchanged.join(', ') })}
        </Text>
      )}
    </Stack>
  );
}

function DiffText({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation('assets');
  return (
    <p className={classes.diff}>
      {parts.map((part, i) => {
        if (part.kind === 'same') return <span key={i}>{part.text}</span>;
        const Mark = part.kind === 'added' ? 'ins' : 'del';
        return (
          <Mark key={i} className={part.kind === 'added' ? classes.added : classes.removed}>
            <VisuallyHidden component="span">
              {t(part.kind === 'added' ? 'revisions.addedStart' : 'revisions.removedStart')}
            </VisuallyHidden>
            {part.text}
            <VisuallyHidden component="span">{t('revisions.markEnd')}</VisuallyHidden>
          </Mark>
        );
      })}
    </p>
  );
}

/** The fields people compare, as text with labels: title, summary, each section, notes, tags… */
function useFieldSpecs(
  types: Schemas['AssetTypeDto'][],
  type: string | undefined,
): FieldSpec<Revision>[] {
  const { t } = useTranslation('assets');
  const lang = currentLanguage();
  const typeLabel = (value: string) => types.find((x) => x.type === value)?.label[lang] ?? value;
  const sections = (types.find((x) => x.type === type)?.sections ?? []).filter(
    (s) => s.kind === 'text',
  );
  return [
    { key: 'title', label: t('revisions.fields.title'), text: (r) => r.title },
    { key: 'type', label: t('revisions.fields.type'), text: (r) => typeLabel(r.type) },
    { key: 'summary', label: t('revisions.fields.summary'), text: (r) => r.summary },
    ...sections.map((s) => ({
      key: `section:${s.key}`,
      label: s.label[lang],
      text: (r: Revision) => r.sections[s.key] ?? '',
    })),
    { key: 'body', label: t('revisions.fields.body'), text: (r) => r.body },
    { key: 'tags', label: t('revisions.fields.tags'), text: (r) => r.tags.join(', ') },
    {
      key: 'visibility',
      label: t('revisions.fields.visibility'),
      text: (r) => t(`visibility.${r.visibility}` as 'visibility.publik'),
    },
    {
      key: 'seciMode',
      label: t('revisions.fields.seciMode'),
      text: (r) => (r.seciMode ? t(`seci.${r.seciMode}` as 'seci.sosialisasi') : ''),
    },
  ];
}
