import { Badge, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { checklistOf } from './checklist';
import classes from './template-checklist.module.css';

type Asset = Schemas['AssetResponseDto'];
type AssetType = Schemas['AssetTypeDto'];

/** The checklist beside a submission, with the completeness the API computed. */
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
