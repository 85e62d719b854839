import type { DisplayLanguage } from '@/lib/format/wib';

const locale = (lang: DisplayLanguage) => (lang === 'id' ? 'id-ID' : 'en-GB');

/** A score as the export shows it: two decimals ("72,35"). */
export function formatScore(value: number, lang: DisplayLanguage): string {
  return new Intl.NumberFormat(locale(lang), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** A raw input or weight: as many decimals as it needs, at most three. */
export function formatNumber(value: number, lang: DisplayLanguage): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 3 }).format(value);
}

/** A 0–1 share as a percentage ("45%"). */
export function formatShare(value: number, lang: DisplayLanguage): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent' }).format(value);
}
