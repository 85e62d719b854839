import {
  Button,
  CloseButton,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Tabs,
  Text,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { getRouteApi, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { useCurrentUser } from '@/lib/auth/use-session';
import { PeopleResults } from '../components/people-results';
import { ResultItem } from '../components/result-item';
import { SearchBox, type Suggestion } from '../components/search-box';
import { type FacetKey, SearchFacets } from '../components/search-facets';
import { DidYouMean, NoResults } from '../components/search-help';
import { PAGE_SIZE, reportClick, useSearchResultsQuery } from '../queries/search-queries';
import type { SearchParams, SearchSort } from '../search-params';
import classes from './search-page.module.css';
import resultClasses from '../components/search-results.module.css';

const route = getRouteApi('/cari');
/** Typing settles this long before the results follow it (stale answers are never shown). */
const DEBOUNCE_MS = 150;

/**
 * Cari: results as you type, with the query, filters, sort, page and tab in the URL. Typing
 * replaces the current history entry after the first keystroke of a burst; filters, pages and
 * Enter add one, so Back steps through searches, not letters.
 */
export function SearchPage() {
  const { t } = useTranslation(['search', 'assets']);
  const params = route.useSearch();
  const navigate = useNavigate({ from: '/cari' });
  const here = useRouterState({ select: (s) => s.location.href });
  const user = useCurrentUser();
  const wide = useMediaQuery('(min-width: 48em)');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const q = params.q ?? '';
  /** The box's text once typing settled (the box itself re-renders alone on every key). */
  const [settled, setSettled] = useState(q);
  /** Text the box is told to show when the URL changes from outside (Back, a link, a pick). */
  const [boxReset, setBoxReset] = useState({ text: q });
  /** The text this page last put in the URL, and whether the current history entry is typing's. */
  const written = useRef(q);
  const typing = useRef(false);

  const go = (next: Partial<SearchParams>, options: { replace?: boolean } = {}) => {
    if (!options.replace) typing.current = false;
    void navigate({
      search: (prev) => clean({ ...prev, page: undefined, ...next }),
      replace: options.replace,
    });
  };

  // The box and the list follow the URL when it changes from outside (Back, a suggestion, a link).
  useEffect(() => {
    if (q !== written.current) {
      written.current = q;
      typing.current = false;
      setBoxReset({ text: q });
      setSettled(q);
    }
  }, [q]);
  // The URL follows the box once typing settles.
  useEffect(() => {
    if (settled === written.current.trim()) return;
    written.current = settled;
    const replace = typing.current;
    typing.current = true;
    void navigate({
      search: (prev) => clean({ ...prev, q: settled || undefined, page: undefined }),
      replace,
    });
  }, [settled, navigate]);

  const submit = (text: string) => {
    written.current = text.trim();
    setSettled(text.trim());
    go({ q: text.trim() || undefined });
  };
  const pick = (item: Suggestion) => {
    if (item.kind === 'asset' && item.id) {
      void navigate({ to: '/aset/$id', params: { id: item.id } });
      return;
    }
    written.current = item.kind === 'person' ? item.label : '';
    setBoxReset({ text: written.current });
    setSettled(written.current);
    if (item.kind === 'tag') go({ q: undefined, tag: item.label, tab: undefined });
    else if (item.kind === 'cop') go({ q: undefined, cop: item.id, tab: undefined });
    else go({ q: item.label, tab: 'narasumber' });
  };
  const labelOf = (key: FacetKey, value: string): string =>
    key === 'type' ? typeLabel(value) : value;
  const typeLabel = (type: string): string =>
    type === 'meeting' ? t('search:types.meeting') : t(`assets:types.${type as 'pelajaran'}`, type);
  // The list follows the settled text at once, without waiting for the URL to catch up (a
  // router round trip).
  const listParams: SearchParams =
    settled === q ? params : { ...params, q: settled || undefined, page: undefined };
  const filtered = Boolean(params.type || params.opd || params.tag || params.cop);
  const clearFilters = () =>
    go({ type: undefined, opd: undefined, tag: undefined, cop: undefined });

  return (
    <>
      <PageHeader title={t('title')} documentTitle={q ? t('documentTitle', { q }) : t('title')} />
      <Stack gap="lg">
        <SearchField reset={boxReset} onSettle={setSettled} onSubmit={submit} onPick={pick} />
        <Tabs
          value={params.tab ?? 'aset'}
          onChange={(value) => go({ tab: value === 'narasumber' ? 'narasumber' : undefined })}
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="aset">{t('tabs.assets')}</Tabs.Tab>
            <Tabs.Tab value="narasumber">{t('tabs.people')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="aset" pt="md">
            <AssetResults
              params={listParams}
              signedIn={Boolean(user)}
              filtered={filtered}
              wide={wide !== false}
              filtersOpen={filtersOpen}
              onToggleFilters={() => setFiltersOpen((v) => !v)}
              onFilter={(key, value) => go(filterParam(key, value))}
              onClearFilters={clearFilters}
              onSort={(sort) => go({ sort: sort === 'relevance' ? undefined : sort })}
              onPage={(page) => go({ page: page > 1 ? page : undefined })}
              labelOf={labelOf}
              typeLabel={typeLabel}
            />
          </Tabs.Panel>
          <Tabs.Panel value="narasumber" pt="md">
            <PeopleResults query={q} signedIn={Boolean(user)} here={here} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}

/**
 * The box with its own text state, so that a keystroke re-renders the box alone; the page hears
 * of the text once typing settles (DEBOUNCE_MS). `reset` puts a new text in it (a new object each
 * time the URL changed from outside).
 */
function SearchField(props: {
  reset: { text: string };
  onSettle: (text: string) => void;
  onSubmit: (text: string) => void;
  onPick: (item: Suggestion) => void;
}) {
  const [text, setText] = useState(props.reset.text);
  const [debounced] = useDebouncedValue(text, DEBOUNCE_MS);
  const { onSettle } = props;
  const [lastReset, setLastReset] = useState(props.reset);
  if (props.reset !== lastReset) {
    setLastReset(props.reset);
    setText(props.reset.text);
  }
  useEffect(() => onSettle(debounced.trim()), [debounced, onSettle]);
  return (
    <SearchBox
      value={text}
      onChange={setText}
      onSubmit={() => props.onSubmit(text)}
      onPick={props.onPick}
    />
  );
}

interface AssetResultsProps {
  params: SearchParams;
  signedIn: boolean;
  filtered: boolean;
  wide: boolean;
  filtersOpen: boolean;
  onToggleFilters: () => void;
  onFilter: (key: FilterKey, value: string | undefined) => void;
  onClearFilters: () => void;
  onSort: (sort: SearchSort) => void;
  onPage: (page: number) => void;
  labelOf: (key: FacetKey, value: string) => string;
  typeLabel: (type: string) => string;
}

function AssetResults(props: AssetResultsProps) {
  const { t } = useTranslation('search');
  const { params } = props;
  const results = useSearchResultsQuery(params);
  const q = params.q ?? '';
  const page = params.page ?? 1;
  const number = new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'id-ID');

  if (results.isPending) return <PageState kind="loading" />;
  if (results.isError)
    return <PageState kind="error" error={results.error} onRetry={() => void results.refetch()} />;
  const data = results.data;
  const pages = Math.min(50, Math.ceil(data.total / PAGE_SIZE));
  const chips: { key: FilterKey; label: string }[] = [
    ...(params.type
      ? [
          {
            key: 'type' as const,
            label: t('filters.type', { value: props.typeLabel(params.type.toLowerCase()) }),
          },
        ]
      : []),
    ...(params.opd
      ? [{ key: 'opd' as const, label: t('filters.opd', { value: params.opd.toUpperCase() }) }]
      : []),
    ...(params.tag
      ? [{ key: 'tag' as const, label: t('filters.tag', { value: params.tag }) }]
      : []),
    ...(params.cop ? [{ key: 'cop' as const, label: t('filters.cop') }] : []),
  ];

  const facets = (
    <SearchFacets
      facets={data.facets}
      selected={{ type: params.type, opd: params.opd?.toUpperCase(), tag: params.tag }}
      onToggle={props.onFilter}
      labelOf={props.labelOf}
    />
  );
  return (
    <div className={classes.layout}>
      {data.total > 0 &&
        (props.wide ? (
          <aside className={classes.facets} aria-label={t('facets.label')}>
            {facets}
          </aside>
        ) : (
          <div className={classes.facets}>
            <Button
              variant="default"
              size="sm"
              onClick={props.onToggleFilters}
              aria-expanded={props.filtersOpen}
            >
              {props.filtersOpen ? t('facets.hide') : t('facets.show')}
            </Button>
            {props.filtersOpen && (
              <aside aria-label={t('facets.label')} className={classes.facetsBox}>
                {facets}
              </aside>
            )}
          </div>
        ))}
      <section className={classes.results} aria-label={t('results.label')}>
        {data.total > 0 && (
          <div className={resultClasses.status}>
            <Text role="status" aria-live="polite" fw={600}>
              {data.totalIsEstimate
                ? t('results.countEstimate', {
                    count: data.total,
                    formatted: number.format(data.total),
                  })
                : t('results.count', { count: data.total, formatted: number.format(data.total) })}
            </Text>
            <NativeSelect
              size="xs"
              label={t('sort.label')}
              value={params.sort ?? (q ? 'relevance' : 'newest')}
              onChange={(e) => props.onSort(e.currentTarget.value as SearchSort)}
              data={[
                { value: 'relevance', label: t('sort.relevance') },
                { value: 'newest', label: t('sort.newest') },
                { value: 'oldest', label: t('sort.oldest') },
              ]}
              className={classes.sort}
            />
          </div>
        )}
        {chips.length > 0 && (
          <Group gap="xs" mt="xs" aria-label={t('filters.label')} role="group">
            {chips.map((c) => (
              <span key={c.key} className={classes.chip}>
                {c.label}
                <CloseButton
                  size="xs"
                  aria-label={t('filters.remove', { filter: c.label })}
                  onClick={() => props.onFilter(c.key, undefined)}
                />
              </span>
            ))}
          </Group>
        )}
        {data.engine === 'postgres' && (
          <Text size="sm" c="dimmed" mt="xs" data-testid="fallback-notice">
            {t('results.fallback')}
          </Text>
        )}
        {data.total > 0 && data.suggestions?.correctedQuery && (
          <div className={classes.hint}>
            <DidYouMean corrected={data.suggestions.correctedQuery} />
          </div>
        )}
        {data.total === 0 ? (
          <div className={classes.hint}>
            <NoResults
              query={q}
              suggestions={data.suggestions}
              signedIn={props.signedIn}
              filtered={props.filtered}
              onClearFilters={props.onClearFilters}
            />
          </div>
        ) : (
          <ol
            className={resultClasses.list}
            aria-label={t('results.listLabel')}
            aria-busy={results.isPlaceholderData}
            data-query={data.query}
            start={(page - 1) * PAGE_SIZE + 1}
          >
            {data.hits.map((hit, i) => (
              <ResultItem
                key={`${hit.kind}-${hit.id}`}
                hit={hit}
                typeLabel={props.typeLabel(hit.type)}
                onOpen={() => reportClick(data.searchId, hit.id, (page - 1) * PAGE_SIZE + i + 1)}
              />
            ))}
          </ol>
        )}
        {pages > 1 && (
          <nav aria-label={t('pages.label')} className={classes.pages}>
            <Pagination
              total={pages}
              value={Math.min(page, pages)}
              onChange={props.onPage}
              size="sm"
              siblings={1}
              boundaries={1}
              getItemProps={(n) => ({ 'aria-label': t('pages.page', { page: n }) })}
              getControlProps={(control) =>
                control === 'previous'
                  ? { 'aria-label': t('pages.previous') }
                  : control === 'next'
                    ? { 'aria-label': t('pages.next') }
                    : {}
              }
              withEdges={false}
            />
          </nav>
        )}
      </section>
    </div>
  );
}

type FilterKey = FacetKey | 'cop';

/** One filter of the URL set (or removed, with undefined). */
function filterParam(key: FilterKey, value: string | undefined): Partial<SearchParams> {
  switch (key) {
    case 'type':
      return { type: value };
    case 'opd':
      return { opd: value };
    case 'tag':
      return { tag: value };
    case 'cop':
      return { cop: value };
  }
}

/** Drops empty values so URLs stay short. */
function clean(params: SearchParams): SearchParams {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));
}
