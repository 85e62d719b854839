import { Badge, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import classes from './template-checklist.module.css';

type Asset = Schemas['AssetResponseDto'];
type AssetType = Schemas['AssetTypeDto'];

export interface ChecklistItem {
  key: string;
  label: string;
  required: boolean;
  filled: boolean;
}

/**
 * What the asset's template asks for, each part filled or empty: its sections by their labels
 * (required ones from the API's `missing`, optional ones from their text), then the summary, a
 * tag, the SECI mode and, for types that need one, an attachment.
 */
export function checklistOf(
  asset: Asset,
  template: AssetType | undefined,
  lang: 'id' | 'en',
  labels: { summary: string; tags: string; seciMode: string; attachment: string },
): ChecklistItem[] {
  const missing = new Set(asset.missing);
  const sections: ChecklistItem[] = (template?.sections ?? []).map((s) => ({
    key: `section:${s.key}`,
    label: s.label[lang],
    required: s.required,
    filled: s.required
      ? !missing.has(`section:${s.key}`)
      : (asset.sections[s.key] ?? '').trim().length > 0,
  }));
  const parts: ChecklistItem[] = [
    { key: 'summary', label: labels.summary, required: true, filled: !missing.has('summary') },
    { key: 'tags', label: labels.tags, required: true, filled: !missing.has('tags') },
    { key: 'seciMode', label: labels.seciMode, required: true, filled: !missing.has('seciMode') },
  ];
  if (template?.requiresAttachment) {
    parts.push({
      key: 'attachment',
      label: labels.attachment,
      required: true,
      filled: !missing.has('attachment'),
    });
  }
  return [...sections, ...parts];
}

export function TemplateChecklist({ asset, template }: { asset: Asset; template?: AssetType }) {
  const { t } = useTranslation('review');
  const headingId = useId();
  const lang = currentLanguage();
  const items = checklistOf(asset, template, lang, {
    summary: t('checklist.summary'),
    tags: t('checklist.tags'),
    seciMode: t('checklist.seciMode'),
    attachment: t('checklist.attachment'),
  });
  const emptyRequired = items.filter((i) => i.required && !i.filled).length;
  const percent = Math.round(asset.completeness * 100);
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {t('checklist.title')}
      </Title>
      {template && (
        <Text size="sm" c="dimmed" mt={4}>
          {t('checklist.intro', { type: template.label[lang] })}
        </Text>
      )}
      <Stack gap={4} mt="sm">
        <Progress
          value={percent}
          color={emptyRequired === 0 ? 'teal.8' : 'orange.8'}
          aria-label={t('checklist.completeness', { percent })}
        />
        <Text size="sm" fw={600}>
          {t('checklist.completeness', { percent })} ·{' '}
          {emptyRequired === 0
            ? t('checklist.allFilled')
            : t('checklist.missingCount', { count: emptyRequired })}
        </Text>
      </Stack>
      <ul className={classes.list}>
        {items.map((item) => (
          <li
            key={item.key}
            className={classes.item}
            data-state={item.filled ? 'filled' : item.required ? 'missing' : 'optional'}
          >
            <span className={classes.mark} aria-hidden>
              {item.filled ? '✓' : item.required ? '!' : '–'}
            </span>
            <Group gap={6} wrap="wrap" className={classes.text}>
              <Text size="sm" span>
                {item.label}
                {!item.required && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    ({t('view.optional')})
                  </Text>
                )}
              </Text>
              <Badge
                size="sm"
                variant="filled"
                color={item.filled ? 'teal.9' : item.required ? 'red.9' : 'gray.7'}
              >
                {item.filled ? t('checklist.filled') : t('checklist.empty')}
              </Badge>
            </Group>
          </li>
        ))}
      </ul>
    </section>
  );
}
