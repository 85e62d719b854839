/**
 * Anomaly rules. Flags are for a person (an assessor) to review; they never change a number.
 *
 * - Spike (after COUNTER's "abnormal spike"): an asset's views in a month exceed three times its
 *   average over the previous 12 months (only months since its first use count) by more than
 *   100. The absolute margin keeps the ordinary growth of a young repository from being flagged;
 *   a first month has no baseline and is never a spike. Consecutive spiking months are one flag.
 * - Concentration: one account makes more than half of an asset's counted views of a day (with
 *   at least 20); a run of such days by the same account on the same asset is one flag.
 * - Burst: one account's counted reads of a day reach 200; a run of days is one flag.
 */
export const SPIKE_TIMES_AVERAGE = 3;
export const SPIKE_MIN_EXCESS = 100;
export const SPIKE_WINDOW_MONTHS = 12;
/** Days of the same cause at most this far apart (a weekend) are one flag. */
export const RUN_MAX_GAP_DAYS = 3;

export type Severity = 'high' | 'medium' | 'low';
export const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export interface MonthViews {
  /** YYYY-MM */
  month: string;
  views: number;
}

export interface SpikeMonth extends MonthViews {
  /** Average views a month over the baseline window. */
  average: number;
  threshold: number;
}

export interface SpikeRun {
  months: SpikeMonth[];
  /** The baseline months before the first spiking month, oldest first. */
  history: MonthViews[];
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** YYYY-MM of the month `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Zero-filled series of every month from `from` to `to`, both included. */
export function monthSeries(
  from: string,
  to: string,
  views: ReadonlyMap<string, number>,
): MonthViews[] {
  const out: MonthViews[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push({ month: m, views: views.get(m) ?? 0 });
  return out;
}

/** Pure: the spiking months of `year` in one asset's zero-filled monthly series, as runs. */
export function assetSpikes(series: MonthViews[], year: number): SpikeRun[] {
  const runs: SpikeRun[] = [];
  let current: SpikeRun | undefined;
  series.forEach((point, i) => {
    const history = series.slice(Math.max(0, i - SPIKE_WINDOW_MONTHS), i);
    const inYear = point.month.startsWith(`${year}-`);
    const average =
      history.length === 0 ? 0 : history.reduce((s, p) => s + p.views, 0) / history.length;
    const threshold = SPIKE_TIMES_AVERAGE * average + SPIKE_MIN_EXCESS;
    if (!inYear || history.length === 0 || point.views <= threshold) {
      current = undefined;
      return;
    }
    const month = { ...point, average: round2(average), threshold: round2(threshold) };
    if (current) current.months.push(month);
    else {
      current = { months: [month], history };
      runs.push(current);
    }
  });
  return runs;
}

export function spikeSeverity(run: SpikeRun): Severity {
  const worst = Math.max(...run.months.map((m) => m.views / m.threshold));
  return worst >= 2 || run.months.length > 1 ? 'high' : 'medium';
}

export interface DailyFlagRow {
  day: string;
  kind: 'concentration' | 'burst';
  assetId: string | null;
  actorUserId: string | null;
  value: number;
  total: number;
}

export interface FlagRun<T extends DailyFlagRow> {
  first: T;
  rows: T[];
  lastDay: string;
  value: number;
  total: number;
}

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * Pure: daily flags of the same kind, asset and account whose days are at most
 * RUN_MAX_GAP_DAYS apart become one run (one cause, one flag). Input in any order.
 */
export function groupRuns<T extends DailyFlagRow>(rows: T[]): FlagRun<T>[] {
  const sorted = [...rows].sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      (a.assetId ?? '').localeCompare(b.assetId ?? '') ||
      (a.actorUserId ?? '').localeCompare(b.actorUserId ?? '') ||
      a.day.localeCompare(b.day),
  );
  const runs: FlagRun<T>[] = [];
  let last: FlagRun<T> | undefined;
  for (const r of sorted) {
    const same =
      last &&
      last.first.kind === r.kind &&
      last.first.assetId === r.assetId &&
      last.first.actorUserId === r.actorUserId &&
      dayNumber(r.day) - dayNumber(last.lastDay) <= RUN_MAX_GAP_DAYS;
    if (last && same) {
      last.rows.push(r);
      last.lastDay = r.day;
      last.value += r.value;
      last.total += r.total;
    } else {
      last = { first: r, rows: [r], lastDay: r.day, value: r.value, total: r.total };
      runs.push(last);
    }
  }
  return runs.sort((a, b) => a.first.day.localeCompare(b.first.day));
}

/** Concentration: high from 80 % of the views or three days; medium from 65 %; else low. */
export function concentrationSeverity(run: FlagRun<DailyFlagRow>): Severity {
  const share = run.total > 0 ? run.value / run.total : 0;
  if (share >= 0.8 || run.rows.length >= 3) return 'high';
  return share >= 0.65 ? 'medium' : 'low';
}

/** Burst: high from twice the threshold in a day or three days; else medium. */
export function burstSeverity(run: FlagRun<DailyFlagRow>, minReads: number): Severity {
  return run.rows.length >= 3 || run.rows.some((r) => r.value >= 2 * minReads) ? 'high' : 'medium';
}

const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Agustus 2025" / "August 2025" for YYYY-MM. */
export function monthName(month: string, lang: 'id' | 'en'): string {
  const [y, m] = month.split('-').map(Number);
  return `${(lang === 'id' ? MONTHS_ID : MONTHS_EN)[m - 1]} ${y}`;
}

/** "14 Agustus 2025" / "14 August 2025" for YYYY-MM-DD (a WIB day). */
export function dayName(day: string, lang: 'id' | 'en'): string {
  return `${Number(day.slice(8, 10))} ${monthName(day.slice(0, 7), lang)}`;
}

const fmt = (x: number, lang: 'id' | 'en'): string =>
  x.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });

/** The plain-language explanation of a spike, with the numbers that triggered it. */
export function spikeMessage(run: SpikeRun, assetTitle: string | null): { id: string; en: string } {
  const top = run.months.reduce((a, b) => (b.views / b.threshold > a.views / a.threshold ? b : a));
  const what = {
    id: assetTitle ? `aset «${assetTitle}»` : 'sebuah aset yang tidak dapat Anda baca',
    en: assetTitle ? `the asset «${assetTitle}»` : 'an asset you may not read',
  };
  const span = (lang: 'id' | 'en') =>
    run.months.length === 1
      ? monthName(top.month, lang)
      : `${monthName(run.months[0].month, lang)}–${monthName(run.months.at(-1)!.month, lang)}`;
  const where = (lang: 'id' | 'en') =>
    run.months.length === 1 ? '' : ` ${lang === 'id' ? 'di' : 'in'} ${monthName(top.month, lang)}`;
  return {
    id:
      `Tayangan ${what.id} melonjak pada ${span('id')}: ${fmt(top.views, 'id')} tayangan` +
      `${where('id')}, di atas batas ${fmt(top.threshold, 'id')} (3 × rata-rata ` +
      `${fmt(top.average, 'id')} tayangan per bulan selama ${run.history.length} bulan sebelumnya, ` +
      `ditambah 100). Periksa penyebabnya sebelum menilai; angka tidak diubah otomatis.`,
    en:
      `Views of ${what.en} spiked in ${span('en')}: ${fmt(top.views, 'en')} views` +
      `${where('en')}, above the limit of ${fmt(top.threshold, 'en')} (3 × the ` +
      `average of ${fmt(top.average, 'en')} views a month over the previous ` +
      `${run.history.length} months, plus 100). Check the cause before scoring; numbers are ` +
      `never changed automatically.`,
  };
}

function daySpan(run: FlagRun<DailyFlagRow>, lang: 'id' | 'en'): string {
  if (run.rows.length === 1)
    return (lang === 'id' ? 'pada ' : 'on ') + dayName(run.first.day, lang);
  return lang === 'id'
    ? `dalam ${run.rows.length} hari antara ${dayName(run.first.day, 'id')} dan ${dayName(run.lastDay, 'id')}`
    : `on ${run.rows.length} days between ${dayName(run.first.day, 'en')} and ${dayName(run.lastDay, 'en')}`;
}

/** The plain-language explanation of a concentration or a burst. */
export function accountMessage(
  run: FlagRun<DailyFlagRow>,
  account: string,
  assetTitle: string | null,
): { id: string; en: string } {
  if (run.first.kind === 'burst')
    return {
      id: `Satu akun (${account}) membaca ${fmt(run.value, 'id')} kali ${daySpan(run, 'id')}; batasnya 200 bacaan sehari.`,
      en: `One account (${account}) made ${fmt(run.value, 'en')} counted reads ${daySpan(run, 'en')}; the limit is 200 a day.`,
    };
  const share = Math.round((run.value / Math.max(1, run.total)) * 100);
  const what = {
    id: assetTitle ? `aset «${assetTitle}»` : 'sebuah aset yang tidak dapat Anda baca',
    en: assetTitle ? `the asset «${assetTitle}»` : 'an asset you may not read',
  };
  return {
    id: `Satu akun (${account}) menghasilkan ${fmt(run.value, 'id')} dari ${fmt(run.total, 'id')} tayangan (${share} %) ${what.id} ${daySpan(run, 'id')}.`,
    en: `One account (${account}) produced ${fmt(run.value, 'en')} of the ${fmt(run.total, 'en')} views (${share} %) of ${what.en} ${daySpan(run, 'en')}.`,
  };
}
