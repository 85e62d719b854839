/**
 * Dates and times as people in Jakarta read them: always in WIB (Asia/Jakarta, UTC+7), whatever
 * the browser's own time zone, with id-ID formats ("3 Des 2026 16.07 WIB"); English on demand
 * ("3 Dec 2026 16:07 WIB"). Use these everywhere instead of toLocaleString.
 */
export type DisplayLanguage = 'id' | 'en';

export const WIB_TIME_ZONE = 'Asia/Jakarta';

const LOCALES: Record<DisplayLanguage, string> = { id: 'id-ID', en: 'en-GB' };
const formatters = new Map<string, Intl.DateTimeFormat>();

type DateInput = Date | string | number;

/** The instant, or undefined for a missing or invalid value (shown as ''). */
function toDate(value: DateInput | null | undefined): Date | undefined {
  if (value == null) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function formatter(lang: DisplayLanguage, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: WIB_TIME_ZONE,
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

function parts(date: Date, lang: DisplayLanguage, withTime: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(lang, withTime).formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** "3 Des 2026 16.07 WIB" (en: "3 Dec 2026 16:07 WIB"); '' for a missing or invalid value. */
export function formatWib(
  value: DateInput | null | undefined,
  lang: DisplayLanguage = 'id',
): string {
  const date = toDate(value);
  if (!date) return '';
  const p = parts(date, lang, true);
  return `${p.day} ${p.month} ${p.year} ${clock(p, lang)} WIB`;
}

/** "16.07" (en: "16:07"): the WIB time of day, e.g. when a draft was last saved today. */
export function formatWibTime(
  value: DateInput | null | undefined,
  lang: DisplayLanguage = 'id',
): string {
  const date = toDate(value);
  if (!date) return '';
  return clock(parts(date, lang, true), lang);
}

/** "16.07" (en: "16:07") from a date's parts. */
function clock(p: Record<string, string>, lang: DisplayLanguage): string {
  return `${p.hour}${lang === 'id' ? '.' : ':'}${p.minute}`;
}

/** "3 Des 2026" (en: "3 Dec 2026"): the WIB calendar day; '' for a missing or invalid value. */
export function formatWibDate(
  value: DateInput | null | undefined,
  lang: DisplayLanguage = 'id',
): string {
  const date = toDate(value);
  if (!date) return '';
  const p = parts(date, lang, false);
  return `${p.day} ${p.month} ${p.year}`;
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/**
 * "5 menit yang lalu", "kemarin", "dalam 2 jam" for moments within a week of `now`; older or
 * later moments fall back to formatWib's absolute form, which stays unambiguous.
 */
export function formatWibRelative(
  value: DateInput | null | undefined,
  lang: DisplayLanguage = 'id',
  now: Date = new Date(),
): string {
  const date = toDate(value);
  if (!date) return '';
  let amount = (date.getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return rtf.format(Math.round(amount), unit);
    amount /= size;
  }
  return formatWib(date, lang);
}
