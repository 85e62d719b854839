/** The directory's filters and page, as kept in the URL (`/komunitas?opd=BPSDM&tema=…&q=…`). */
export interface DirectorySearch {
  opd?: string;
  tema?: string;
  q?: string;
  hal?: number;
}

/** Only values the API takes survive a hand-edited or stale link. */
export function validateDirectorySearch(search: Record<string, unknown>): DirectorySearch {
  const out: DirectorySearch = {};
  if (typeof search.opd === 'string' && /^[A-Za-z][A-Za-z0-9]{1,15}$/.test(search.opd))
    out.opd = search.opd.toUpperCase();
  if (typeof search.tema === 'string' && search.tema.trim())
    out.tema = search.tema.trim().slice(0, 200);
  if (typeof search.q === 'string' && search.q.trim()) out.q = search.q.trim().slice(0, 100);
  const hal = Number(search.hal);
  if (Number.isInteger(hal) && hal > 1 && hal <= 10_000) out.hal = hal;
  return out;
}
