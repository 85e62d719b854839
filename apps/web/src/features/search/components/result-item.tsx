import { Badge, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatWibDate } from '@/lib/format/wib';
import { HighlightedText } from './highlighted-text';
import classes from './search-results.module.css';

type Hit = Schemas['SearchHitDto'];

interface ResultItemProps {
  hit: Hit;
  typeLabel: string;
  /** The hit was opened (reported against the search with its 1-based position). */
  onOpen: () => void;
}

/**
 * One result: its title as a link named by the title (matched words marked), type, OPD and date,
 * and the passage that matched. Meeting minutes have no page of their own yet: title as text.
 */
export function ResultItem({ hit, typeLabel, onOpen }: ResultItemProps) {
  const { t } = useTranslation('search');
  const title = hit.highlights.find((h) => h.field === 'title');
  const snippet =
    hit.highlights.find((h) => h.field === 'text') ??
    hit.highlights.find((h) => h.field === 'summary');
  const titleText = <HighlightedText text={title?.text ?? hit.title} marks={title?.marks} />;
  const date =
    typeof hit.publishedAt === 'string' ? formatWibDate(hit.publishedAt, currentLanguage()) : null;
  return (
    <li className={classes.item}>
      <Title order={3} size="h4" className={classes.title}>
        {hit.kind === 'asset' ? (
          <AnchorLink to="/aset/$id" params={{ id: hit.id }} onClick={onOpen}>
            {titleText}
          </AnchorLink>
        ) : (
          titleText
        )}
      </Title>
      <Group gap="xs" mt={4}>
        <Badge variant="light" size="sm">
          {typeLabel}
        </Badge>
        <Text size="xs" c="dimmed">
          {hit.opdCode}
          {date
            ? ` · ${hit.kind === 'meeting' ? t('result.held', { when: date }) : t('result.published', { when: date })}`
            : ''}
        </Text>
      </Group>
      {snippet ? (
        <Text size="sm" mt={6} className={classes.snippet}>
          <HighlightedText text={snippet.text} marks={snippet.marks} />
        </Text>
      ) : hit.summary ? (
        <Text size="sm" mt={6} lineClamp={3} className={classes.snippet}>
          {hit.summary}
        </Text>
      ) : null}
    </li>
  );
}
