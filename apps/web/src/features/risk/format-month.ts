import type { DisplayLanguage } from '@/lib/format/wib';

const formatters = new Map<DisplayLanguage, Intl.DateTimeFormat>();

/**
 * A calendar month (`2027-04`) as people read it: "Apr 2027" (id-ID; en: "Apr 2027"). A month
 * is not an instant, so it is formatted as a plain calendar value, never shifted by a zone.
 */
export function formatMonth(month: string, lang: DisplayLanguage = 'id'): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(lang, f);
  }
  return f.format(new Date(`${month}-01T00:00:00Z`));
}

/** A calendar day (`2027-04-30`) as "30 Apr 2027", without a zone shift. */
export function formatDay(day: string, lang: DisplayLanguage = 'id'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}
