// The demo year's usage: reads with the counting rules' edge cases, a spike, endorsements and
// reuse reports.
import type { EntityManager } from 'typeorm';
import { pick } from '@lumbung/identity';
import { addDemoEndorsement, addDemoReuseReport, addDemoUsageEvents } from '@lumbung/metrics';
import { storyOf } from './demo-text';
import { DEMO_YEAR, PROFILE_SHAPE, type Opd, type Asset, type Ev } from './demo-year-model';

/** What every event generator of the year shares: the draws, the OPD, the year's end, the list. */
interface EventContext {
  rand: () => number;
  opds: Opd[];
  opdOf: Map<string, Opd>;
  end: number;
  officeHour: (t: number) => Date;
  events: Ev[];
}

/** Reads over the year, with the counting rules' edge cases on purpose. */
export function makeEvents(rand: () => number, opds: Opd[], assets: Asset[]): Ev[] {
  const events: Ev[] = [];
  const opdOf = new Map(opds.flatMap((o) => o.staff.map((s) => [s, o])));
  const end = Date.UTC(DEMO_YEAR, 11, 31, 9);
  const officeHour = (t: number): Date => {
    const d = new Date(t);
    d.setUTCHours(1 + Math.floor(rand() * 8), Math.floor(rand() * 60), Math.floor(rand() * 60));
    return d;
  };
  const ctx: EventContext = { rand, opds, opdOf, end, officeHour, events };
  for (const a of assets) {
    const reach = PROFILE_SHAPE[a.opd.profile].reach;
    addReaderEvents(ctx, a, reach);
    addAnonymousAndAuthorViews(ctx, a, reach);
  }
  addSpikeEvents(ctx, assets);
  return events
    .filter((e) => e.at.getTime() <= end)
    .sort((x, y) => x.at.getTime() - y.at.getTime());
}

/** Logged-in readers of an asset: views, some double clicks, downloads, search clicks, shares. */
function addReaderEvents(ctx: EventContext, a: Asset, reach: number): void {
  const { rand, opds, opdOf, end, officeHour, events } = ctx;
  const reads = Math.round(40 * a.popularity * reach * (0.5 + rand()));
  const start = a.publishedAt.getTime();
  for (let i = 0; i < reads; i++) {
    const own = rand() < 0.6;
    const reader = own ? pick(rand, a.opd.staff) : pick(rand, pick(rand, opds).staff);
    if (!reader) continue;
    const at = officeHour(start + rand() * (end - start));
    const base = { user: reader, key: reader, userOpd: opdOf.get(reader)?.id ?? null, asset: a };
    const excluded = a.authors.includes(reader) ? 'author' : undefined;
    events.push({ ...base, type: 'view', at, excluded });
    if (rand() < 0.05)
      events.push({ ...base, type: 'view', at: new Date(at.getTime() + 8_000), excluded });
    if (rand() < 0.25)
      events.push({
        ...base,
        type: 'download',
        at: new Date(at.getTime() + 60_000),
        object: a.id,
        excluded,
      });
    if (rand() < 0.15)
      events.push({
        ...base,
        type: 'search_click',
        at: new Date(at.getTime() - 20_000),
        excluded,
      });
    if (rand() < 0.05)
      events.push({ ...base, type: 'share', at: new Date(at.getTime() + 120_000), excluded });
  }
}

/** Anonymous views of a public asset, and its author's own views (which never count). */
function addAnonymousAndAuthorViews(ctx: EventContext, a: Asset, reach: number): void {
  const { rand, opdOf, end, officeHour, events } = ctx;
  const start = a.publishedAt.getTime();
  if (a.visibility === 'publik')
    for (let i = 0; i < Math.round(10 * a.popularity * reach); i++)
      events.push({
        type: 'view',
        at: officeHour(start + rand() * (end - start)),
        user: null,
        key: `anon:demo${Math.floor(rand() * 1e9)}`,
        userOpd: null,
        asset: a,
      });
  // Authors read their own work; it never counts.
  const author = a.authors[0];
  for (let i = 0; i < 3; i++)
    events.push({
      type: 'view',
      at: officeHour(start + rand() * (end - start)),
      user: author,
      key: author,
      userOpd: opdOf.get(author)?.id ?? null,
      asset: a,
      excluded: 'author',
    });
}

/** A spike (August, one DISHUB asset) and one account dominating an asset in a day: both flagged. */
function addSpikeEvents(ctx: EventContext, assets: Asset[]): void {
  const { rand, opds, opdOf, officeHour, events } = ctx;
  const spiky = assets.find((a) => a.opd.code === 'DISHUB') ?? assets[assets.length - 1];
  if (spiky) {
    // History: an ordinary 2024-Q4.
    for (let i = 0; i < 6; i++) {
      const reader = pick(rand, pick(rand, opds).staff);
      events.push({
        type: 'view',
        at: new Date(Date.UTC(2024, 10, 5 + i, 3)),
        user: reader,
        key: reader,
        userOpd: opdOf.get(reader)?.id ?? null,
        asset: spiky,
      });
    }
    const fan = spiky.opd.staff.find((s) => !spiky.authors.includes(s)) ?? spiky.opd.staff[0];
    for (let i = 0; i < 40; i++)
      events.push({
        type: 'view',
        at: new Date(Date.UTC(DEMO_YEAR, 7, 14, 2, i, 0)),
        user: fan,
        key: fan,
        userOpd: spiky.opd.id,
        asset: spiky,
      });
    // A campaign month: 260 readers in August, far above three times its monthly average + 100.
    for (let i = 0; i < 260; i++) {
      const reader = pick(rand, pick(rand, opds).staff);
      events.push({
        type: 'view',
        at: officeHour(Date.UTC(DEMO_YEAR, 7, 4) + rand() * 25 * 86_400_000),
        user: reader,
        key: reader,
        userOpd: opdOf.get(reader)?.id ?? null,
        asset: spiky,
      });
    }
  }
}

/** Endorsements and reuse reports by readers (reuse only after a view), as rows and events. */
export async function addEngagement(
  m: EntityManager,
  rand: () => number,
  events: Ev[],
): Promise<void> {
  const seen = new Set<string>();
  const extra: Ev[] = [];
  for (const e of events) {
    if (e.type !== 'view' || !e.user || e.excluded) continue;
    const pair = `${e.asset.id}|${e.user}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const later = new Date(e.at.getTime() + 3_600_000);
    if (rand() < 0.12) {
      await addDemoEndorsement(m, e.asset.id, e.user, later.toISOString());
      extra.push({ ...e, type: 'endorse', at: later });
    }
    if (rand() < 0.04) {
      const at = new Date(later.getTime() + 86_400_000 * 7);
      await addDemoReuseReport(m, {
        assetId: e.asset.id,
        userId: e.user,
        userOpdId: e.userOpd,
        story: storyOf(rand, e.asset.type),
        at: at.toISOString(),
      });
      extra.push({ ...e, type: 'reuse_report', at });
    }
  }
  events.push(...extra.filter((x) => x.at.getTime() <= Date.UTC(DEMO_YEAR, 11, 31, 16)));
}

export async function insertEvents(m: EntityManager, events: Ev[]): Promise<void> {
  await addDemoUsageEvents(
    m,
    events.map((e) => ({
      type: e.type,
      at: e.at.toISOString(),
      userId: e.user,
      actorKey: e.key,
      actorOpdId: e.userOpd,
      assetId: e.asset.id,
      assetOpdId: e.asset.opd.id,
      objectId: e.object ?? null,
      excluded: e.excluded ?? null,
    })),
  );
}
