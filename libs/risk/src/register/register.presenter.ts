import { addMonths } from '@lumbung/platform';
import type { UserSummary } from '@lumbung/identity';
import type { PersonRefDto } from '@lumbung/knowledge';
import { monthsUntil } from '../departure/departure';
import { topicsOf, type PersonEvidence } from '../expertise/expertise-scoring';
import { isOverdue } from '../plans/plan-state';
import type { RetentionPlan } from '../plans/retention-plans.repository';
import { criticalTopics, topicCriticality } from '../scoring/risk-formula';
import type { RegisterQueryDto } from './dto/register-query.dto';
import type { PlanSummaryDto } from './dto/plan-summary.dto';
import type { RegisterItemDto } from './dto/register-item.dto';
import type { RegisterSummaryDto } from './dto/register-summary.dto';
import type { TimelineMonthDto } from './dto/timeline-month.dto';
import type { PersonAssessment } from './risk-assessor.service';

/** `{ id, name, opdCode }` of a user looked up with the others of a response. */
export function personRef(names: ReadonlyMap<string, UserSummary>, id: string): PersonRefDto {
  const user = names.get(id);
  return { id, name: user?.name ?? '', opdCode: user?.opdCode ?? '' };
}

export function presentPlan(
  plan: RetentionPlan,
  departureDate: string,
  today: string,
  names: ReadonlyMap<string, UserSummary>,
): PlanSummaryDto {
  return {
    id: plan.id,
    state: plan.state,
    interviewer: personRef(names, plan.interviewerId),
    targetDate: plan.targetDate,
    overdue: isOverdue(plan, departureDate, today),
    interviewedOn: plan.interviewedOn,
    assetId: plan.assetId,
    assetPublishedAt: plan.assetPublishedAt?.toISOString() ?? null,
    updatedAt: plan.updatedAt.toISOString(),
  };
}

/**
 * One register row for a reader: the numbers come from the full evidence (the same for every
 * reader); the topics shown are those the reader's visible evidence supports, so a tag of an
 * asset they may not read never appears.
 */
export function presentItem(
  pa: PersonAssessment,
  visible: PersonEvidence,
  plan: RetentionPlan | undefined,
  today: string,
  names: ReadonlyMap<string, UserSummary>,
): RegisterItemDto {
  const shown = new Map(topicsOf(visible).map((t) => [t.topic, t.score]));
  const standings = criticalTopics(pa.standings).filter((s) => shown.has(s.topic));
  const documented = standings.filter((s) => s.publishedAssets > 0).length;
  return {
    userId: pa.person.id,
    name: pa.person.name,
    jabatan: pa.person.jabatan,
    jabatanKategori: pa.person.jabatanKategori,
    departureMonth: pa.departure.month,
    departureKind: pa.departure.kind,
    departureReason: pa.departure.reason,
    monthsToDeparture: monthsUntil(today, pa.departure.date),
    attrition: pa.risk.attrition,
    criticality: pa.risk.criticality,
    criticalityComputed: pa.risk.criticalityComputed,
    criticalityOverride: pa.override
      ? {
          value: pa.override.value as number,
          reason: pa.override.reason,
          setBy: personRef(names, pa.override.setById),
          setAt: pa.override.setAt.toISOString(),
        }
      : null,
    risk: pa.risk.risk,
    high: pa.risk.high,
    topics: standings.map((s) => s.topic),
    topicDetails: standings.map((s) => ({
      topic: s.topic,
      score: shown.get(s.topic) ?? 0,
      othersInOpd: s.othersWithTopic,
      publishedAssets: s.publishedAssets,
      criticality: topicCriticality(s),
    })),
    documentedShare:
      standings.length > 0 ? Math.round((documented / standings.length) * 10_000) / 10_000 : null,
    plan: plan ? presentPlan(plan, pa.departure.date, today, names) : null,
  };
}

/** Applies the query's filters (in memory: the register is computed per OPD). */
export function filterItems(
  items: readonly RegisterItemDto[],
  q: RegisterQueryDto,
  today: string,
): RegisterItemDto[] {
  const horizon = q.withinMonths ? addMonths(today, q.withinMonths).slice(0, 7) : undefined;
  const topic = q.topic?.toLowerCase();
  const name = q.q?.toLowerCase();
  return items.filter(
    (i) =>
      (q.high === undefined || i.high === q.high) &&
      (!q.kind || i.departureKind === q.kind) &&
      (!q.planState || (i.plan?.state ?? 'none') === q.planState) &&
      (q.overdue === undefined || (i.plan?.overdue ?? false) === q.overdue) &&
      (!horizon || i.departureMonth <= horizon) &&
      (!topic || i.topics.some((t) => t.includes(topic))) &&
      (!name || i.name.toLowerCase().includes(name)) &&
      (!q.jabatanKategori || i.jabatanKategori === q.jabatanKategori),
  );
}

const SORT_KEYS: Record<RegisterQueryDto['sort'], (i: RegisterItemDto) => number | string> = {
  risk: (i) => i.risk,
  criticality: (i) => i.criticality,
  attrition: (i) => i.attrition,
  departure: (i) => i.departureMonth,
  name: (i) => i.name.toLowerCase(),
};
const DESCENDING_BY_DEFAULT = new Set(['risk', 'criticality', 'attrition']);

/** Sorted by the chosen key, then by departure, name and id (stable across pages). */
export function sortItems(items: RegisterItemDto[], q: RegisterQueryDto): RegisterItemDto[] {
  const key = SORT_KEYS[q.sort];
  const direction =
    (q.order ?? (DESCENDING_BY_DEFAULT.has(q.sort) ? 'desc' : 'asc')) === 'desc' ? -1 : 1;
  const compare = (a: number | string, b: number | string): number => (a < b ? -1 : a > b ? 1 : 0);
  return items.sort(
    (a, b) =>
      direction * compare(key(a), key(b)) ||
      compare(a.departureMonth, b.departureMonth) ||
      compare(a.name, b.name) ||
      compare(a.userId, b.userId),
  );
}

/** Departures month by month over the next 24 months (this month first). */
export function timelineOf(items: readonly RegisterItemDto[], today: string): TimelineMonthDto[] {
  const months = Array.from({ length: 24 }, (_, i) =>
    addMonths(`${today.slice(0, 7)}-01`, i).slice(0, 7),
  );
  const byMonth = new Map(
    months.map((month) => [
      month,
      { month, departures: 0, high: 0, bup: 0, rencana: 0, userIds: [] as string[] },
    ]),
  );
  for (const i of items) {
    const m = byMonth.get(i.departureMonth);
    if (!m) continue;
    m.departures += 1;
    if (i.high) m.high += 1;
    if (i.departureKind === 'bup') m.bup += 1;
    else m.rencana += 1;
    m.userIds.push(i.userId);
  }
  return [...byMonth.values()];
}

export function summaryOf(items: readonly RegisterItemDto[]): RegisterSummaryDto {
  const plans = { direncanakan: 0, diwawancarai: 0, aset_terbit: 0, dibatalkan: 0 };
  for (const i of items) if (i.plan) plans[i.plan.state as keyof typeof plans] += 1;
  return {
    people: items.length,
    high: items.filter((i) => i.high).length,
    highWithoutPlan: items.filter((i) => i.high && (!i.plan || i.plan.state === 'dibatalkan'))
      .length,
    overdue: items.filter((i) => i.plan?.overdue).length,
    pastDeparture: items.filter((i) => i.monthsToDeparture < 0).length,
    plans,
  };
}
