import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import type { Schemas } from '@/lib/api/types';
import { replaceTerm } from '../highlight';

type Suggestions = Schemas['SearchSuggestionsDto'];

/** "Mungkin maksud Anda …" as a link to the corrected search (also above a short result list). */
export function DidYouMean({ corrected }: { corrected: string }) {
  const { t } = useTranslation('search');
  return (
    <Text>
      {t('help.didYouMean')}{' '}
      <AnchorLink to="/cari" search={{ q: corrected }} fw={700}>
        {corrected}
      </AnchorLink>
      ?
    </Text>
  );
}

interface NoResultsProps {
  query: string;
  suggestions: Suggestions | undefined;
  signedIn: boolean;
  filtered: boolean;
  onClearFilters: () => void;
}

/**
 * The empty state: what was not found, and a next step from the API's suggestions (a corrected
 * query, synonyms to try, popular searches), plus removing filters when there are any.
 */
export function NoResults({
  query,
  suggestions,
  signedIn,
  filtered,
  onClearFilters,
}: NoResultsProps) {
  const { t } = useTranslation('search');
  const alternatives = (suggestions?.synonyms ?? []).flatMap((set) => {
    const lower = ` ${query.toLowerCase()} `;
    const present = set.find((member) => lower.includes(` ${member} `)) ?? set[0] ?? '';
    return set
      .filter((member) => member !== present)
      .map((member) => ({ member, q: replaceTerm(query, present, member) }));
  });
  return (
    <Alert
      variant="light"
      color="gray"
      role="status"
      title={query ? t('empty.titleFor', { q: query }) : t('empty.title')}
    >
      <Stack gap="sm" align="flex-start">
        {suggestions?.correctedQuery && <DidYouMean corrected={suggestions.correctedQuery} />}
        {alternatives.length > 0 && (
          <LinkRow
            label={t('help.synonyms')}
            links={alternatives.map((a) => ({ key: a.member, label: a.member, q: a.q }))}
          />
        )}
        {suggestions?.popular && suggestions.popular.length > 0 && (
          <LinkRow
            label={signedIn ? t('help.popularOpd') : t('help.popular')}
            links={suggestions.popular.map((p) => ({ key: p, label: p, q: p }))}
          />
        )}
        <Text size="sm">{t('empty.tips')}</Text>
        {filtered && (
          <Button variant="default" size="xs" onClick={onClearFilters}>
            {t('filters.clearAll')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

function LinkRow({
  label,
  links,
}: {
  label: string;
  links: { key: string; label: string; q: string }[];
}) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {links.map((l) => (
          <li key={l.key}>
            <AnchorLink to="/cari" search={{ q: l.q }} size="sm">
              {l.label}
            </AnchorLink>
          </li>
        ))}
      </Group>
    </div>
  );
}
