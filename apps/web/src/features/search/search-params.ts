export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * The search's state lives in the URL (shareable, Back works): `/cari?q=…` plus the filters, the
 * sort, the page and the tab ("narasumber" for people).
 */
export interface SearchParams {
  q?: string;
  type?: string;
  opd?: string;
  tag?: string;
  cop?: string;
  sort?: SearchSort;
  page?: number;
  tab?: 'narasumber';
}

const text = (value: unknown, max: number): string | undefined => {
  const s = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  return s ? s.slice(0, max) : undefined;
};

/** Only what the API takes, in its bounds; anything else is dropped, never an error page. */
export function parseSearchParams(search: Record<string, unknown>): SearchParams {
  const page = Number(search.page);
  const sort = SEARCH_SORTS.find((s) => s === search.sort);
  const out: SearchParams = {
    q: text(search.q, 200),
    type: text(search.type, 40),
    opd: text(search.opd, 40),
    tag: text(search.tag, 60),
    cop: text(search.cop, 60),
    sort: sort && sort !== 'relevance' ? sort : undefined,
    page: Number.isInteger(page) && page > 1 && page <= 50 ? page : undefined,
    tab: search.tab === 'narasumber' ? 'narasumber' : undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
