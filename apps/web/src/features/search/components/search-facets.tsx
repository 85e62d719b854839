import { Button, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/types';
import classes from './search-facets.module.css';

type Facets = Schemas['SearchFacetsDto'];
export type FacetKey = 'type' | 'opd' | 'tag';

interface SearchFacetsProps {
  facets: Facets;
  /** The filters in force (URL values). */
  selected: Partial<Record<FacetKey, string>>;
  onToggle: (key: FacetKey, value: string | undefined) => void;
  /** A value's label (types are shown by name). */
  labelOf: (key: FacetKey, value: string) => string;
}

const SHOWN = 8;

/**
 * Facets with counts over the current results: type, OPD and tags. Each value is a toggle button
 * (aria-pressed); choosing one filters by it, choosing it again removes the filter.
 */
export function SearchFacets({ facets, selected, onToggle, labelOf }: SearchFacetsProps) {
  const { t } = useTranslation('search');
  const groups: { key: FacetKey; title: string; counts: Record<string, number> }[] = [
    { key: 'type', title: t('facets.type'), counts: facets.type },
    { key: 'opd', title: t('facets.opd'), counts: facets.opdCode },
    { key: 'tag', title: t('facets.tag'), counts: facets.tags },
  ];
  return (
    <Stack gap="md">
      {groups.map((g) => (
        <FacetGroup
          key={g.key}
          title={g.title}
          counts={g.counts}
          selected={selected[g.key]}
          onToggle={(value) => onToggle(g.key, value)}
          labelOf={(value) => labelOf(g.key, value)}
        />
      ))}
    </Stack>
  );
}

function FacetGroup(props: {
  title: string;
  counts: Record<string, number>;
  selected: string | undefined;
  onToggle: (value: string | undefined) => void;
  labelOf: (value: string) => string;
}) {
  const { t } = useTranslation('search');
  const [all, setAll] = useState(false);
  const entries = Object.entries(props.counts).sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  );
  if (entries.length === 0) return null;
  const shown = all ? entries : entries.slice(0, SHOWN);
  return (
    <section aria-label={props.title}>
      <Title order={3} size="h6" mb={6}>
        {props.title}
      </Title>
      <ul className={classes.values}>
        {shown.map(([value, count]) => {
          const pressed = props.selected?.toLowerCase() === value.toLowerCase();
          return (
            <li key={value}>
              <UnstyledButton
                className={classes.value}
                aria-pressed={pressed}
                data-pressed={pressed || undefined}
                onClick={() => props.onToggle(pressed ? undefined : value)}
              >
                <span className={classes.name}>{props.labelOf(value)}</span>
                <Text span size="sm" c="dimmed">
                  {count}
                </Text>
              </UnstyledButton>
            </li>
          );
        })}
      </ul>
      {entries.length > SHOWN && (
        <Button variant="subtle" size="compact-sm" mt={4} onClick={() => setAll((v) => !v)}>
          {all ? t('facets.fewer') : t('facets.more', { count: entries.length - SHOWN })}
        </Button>
      )}
    </section>
  );
}
