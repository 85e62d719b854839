// Synthetic usage data for the usage-metrics benchmark: ASN users spread over the OPD by headcount,
// published assets, and a calendar year of raw usage events in WIB, written as COPY text rows in
// time order (the append-only log's natural order). Deterministic per seed.
import { randomUUID } from 'node:crypto';

/** Small seeded PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative weights, ready for `sample`. */
function cumulative(weights) {
  const cum = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) cum[i] = total += weights[i];
  return cum;
}

/** Index i with probability weight[i] / total (binary search over the cumulative weights). */
function sample(cum, r) {
  const x = r * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function shuffled(n, rand) {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Zipf(s) weights over n items whose popularity rank is a random permutation. */
function zipfWeights(n, s, rand) {
  const rank = shuffled(n, rand);
  return rank.map((r) => 1 / Math.pow(r + 1, s));
}

const ASSET_TYPES = [
  'praktik_baik',
  'pelajaran',
  'panduan',
  'wawancara_pengetahuan',
  'inovasi',
  'dokumen',
];
const VISIBILITIES = ['publik', 'internal', 'internal', 'opd'];
const CATS = [
  'administrasi',
  'pimpinan_tinggi',
  'fungsional_ahli_madya',
  'fungsional_ahli_utama',
  'fungsional_lain',
];

/**
 * `count` users with valid, unique NIPs (none of `takenNips`) and unique e-mails; each user's OPD is
 * drawn in proportion to the OPD's headcount.
 */
export function makeUsers(opds, count, { makeNip, makeName }, takenNips, seed = 7) {
  const rand = prng(seed);
  const cum = cumulative(opds.map((o) => Math.max(1, o.headcount)));
  const seen = new Set(takenNips);
  const users = [];
  for (let i = 0; users.length < count; i++) {
    const nip = makeNip(rand, i);
    if (seen.has(nip)) continue;
    seen.add(nip);
    users.push({
      id: randomUUID(),
      nip,
      name: makeName(rand),
      email: `bench.u${users.length}.${nip.slice(14)}@jakarta.go.id`,
      opd: sample(cum, rand()),
      cat: CATS[Math.floor(rand() * CATS.length)],
    });
  }
  return users;
}

/**
 * `count` published assets over every OPD (headcount^0.75, at least 20 per OPD), each by one
 * author of its own OPD, published between 2023 and the end of 2025 (WIB).
 */
export function makeAssets(opds, users, count, seed = 11) {
  const rand = prng(seed);
  const byOpd = opds.map(() => []);
  users.forEach((u, i) => byOpd[u.opd].push(i));
  const weight = opds.map((o) => Math.pow(Math.max(1, o.headcount), 0.75));
  const total = weight.reduce((a, b) => a + b, 0);
  const spare = count - 20 * opds.length;
  const perOpd = weight.map((w) => 20 + Math.floor((spare * w) / total));
  for (let k = 0; perOpd.reduce((a, b) => a + b, 0) < count; k++) perOpd[k % opds.length] += 1;
  const from = Date.parse('2023-01-01T00:00:00+07:00');
  const to = Date.parse('2026-01-01T00:00:00+07:00');
  const assets = [];
  perOpd.forEach((n, opd) => {
    const staff = byOpd[opd];
    for (let j = 0; j < n; j++) {
      const published = new Date(from + Math.floor(rand() * (to - from)));
      assets.push({
        id: randomUUID(),
        objectId: randomUUID(),
        opd,
        author: staff.length > 0 ? staff[Math.floor(rand() * staff.length)] : 0,
        type: ASSET_TYPES[Math.floor(rand() * ASSET_TYPES.length)],
        visibility: VISIBILITIES[Math.floor(rand() * VISIBILITIES.length)],
        title: `Aset uji ${opds[opd].code} ${j + 1}`,
        completeness: (0.5 + rand() * 0.5).toFixed(3),
        publishedAt: published.toISOString(),
        reviewDueAt: new Date(published.getTime() + 365 * 86_400_000).toISOString(),
      });
    }
  });
  return assets;
}

/** Weekday weight 1, weekend 0.3. */
function dayWeight(day) {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6 ? 0.3 : 1;
}

/** WIB hour-of-day weights: an office-hours peak, a lunch dip, a quiet night. */
const HOUR_WEIGHTS = [
  0.02, 0.01, 0.01, 0.01, 0.02, 0.05, 0.12, 0.35, 0.9, 1.2, 1.2, 1.1, 0.6, 1.0, 1.1, 1.0, 0.65, 0.3,
  0.18, 0.15, 0.14, 0.1, 0.06, 0.04,
];

export function yearDays(year = 2025) {
  const days = [];
  for (
    let t = Date.UTC(year, 0, 1);
    t < Date.UTC(year + 1, 0, 1);
    t += 86_400_000 // UTC arithmetic on calendar dates only
  )
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Events per day for `total` events: proportional to the day weights, summing exactly. */
export function eventsPerDay(total, days) {
  const cum = cumulative(days.map(dayWeight));
  const all = cum[cum.length - 1];
  let before = 0;
  return days.map((_, i) => {
    const upTo = Math.round((total * cum[i]) / all);
    const n = upTo - before;
    before = upTo;
    return n;
  });
}

const pad2 = (n) => (n < 10 ? `0${n}` : String(n));
const CLOCK = Array.from(
  { length: 86_400 },
  (_, s) => `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`,
);
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hexOf(rand, bytes) {
  let s = '';
  for (let i = 0; i < bytes; i++) s += HEX[Math.floor(rand() * 256)];
  return s;
}

/** A v4-shaped id from the PRNG (search ids for search_click events). */
function fakeUuid(rand) {
  const h = hexOf(rand, 16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const COPY_COLUMNS =
  'type, occurred_at, occurred_on, actor_user_id, actor_key, actor_opd_id, asset_id, asset_opd_id, object_id, excluded';

/**
 * Yields COPY text chunks (about `chunkRows` rows each) of exactly `total` events over the year,
 * day by day in time order. Mix: view 70%, download 15%, search_click 5%, share 5%, endorse 3%,
 * reuse_report 2%. Users Zipf(0.8), assets Zipf(1.0); 35% of reads go to the reader's own OPD;
 * 5% of events are repeated by the same actor within 1–25 s (double clicks); 2% of views are the
 * author's own (excluded='author'); 1% of views are anonymous. Also returns stats via `stats`.
 */
export function* eventChunks({ opds, users, assets, total, seed = 2025, chunkRows = 4000, stats }) {
  const rand = prng(seed);
  const userCum = cumulative(zipfWeights(users.length, 0.8, rand));
  const assetW = zipfWeights(assets.length, 1.0, rand);
  const assetCum = cumulative(assetW);
  const opdAssets = opds.map(() => []);
  assets.forEach((a, i) => opdAssets[a.opd].push(i));
  const opdCum = opdAssets.map((list) =>
    list.length ? cumulative(list.map((i) => assetW[i])) : null,
  );
  const hourCum = cumulative(HOUR_WEIGHTS);
  const anonKeys = Array.from({ length: 20_000 }, () => `anon:${hexOf(rand, 16)}`);
  const opdIds = opds.map((o) => o.id);
  const days = yearDays(2025);
  const perDay = eventsPerDay(total, days);
  const s = stats ?? {};
  Object.assign(s, { rows: 0, repeats: 0, anonymous: 0, author: 0, ownOpdReads: 0, reads: 0 });

  const otherOpdAsset = (opd) => {
    for (let tries = 0; tries < 50; tries++) {
      const a = sample(assetCum, rand());
      if (assets[a].opd !== opd) return a;
    }
    return sample(assetCum, rand());
  };

  let buf = [];
  for (let d = 0; d < days.length; d++) {
    const day = days[d];
    const n = perDay[d];
    const secs = new Int32Array(n);
    for (let i = 0; i < n; i++)
      secs[i] = sample(hourCum, rand()) * 3600 + Math.floor(rand() * 3600);
    secs.sort();
    let last = '';
    let lastSec = 0;
    for (let i = 0; i < n; i++) {
      if (last !== '' && rand() < 0.05) {
        // A double click: the previous event again, 1–25 s later (same WIB day).
        const t = Math.min(86_399, lastSec + 1 + Math.floor(rand() * 25));
        buf.push(`${last[0]}\t${day} ${CLOCK[t]}+07\t${day}\t${last[1]}`);
        s.repeats += 1;
        last = '';
        continue;
      }
      const t = secs[i];
      const r = rand();
      const type =
        r < 0.7
          ? 'view'
          : r < 0.85
            ? 'download'
            : r < 0.9
              ? 'search_click'
              : r < 0.95
                ? 'share'
                : r < 0.98
                  ? 'endorse'
                  : 'reuse_report';
      let who;
      let asset;
      let excluded = '\\N';
      const special = type === 'view' ? rand() : 1;
      if (special < 0.01) {
        asset = assets[sample(assetCum, rand())];
        who = `\\N\t${anonKeys[Math.floor(rand() * anonKeys.length)]}\t\\N`;
        s.anonymous += 1;
      } else {
        let u;
        if (special < 0.03) {
          asset = assets[sample(assetCum, rand())];
          u = asset.author;
        } else {
          u = sample(userCum, rand());
          const opd = users[u].opd;
          const own = rand() < 0.35 && opdCum[opd] !== null;
          asset = own
            ? assets[opdAssets[opd][sample(opdCum[opd], rand())]]
            : assets[otherOpdAsset(opd)];
          if (type === 'view' || type === 'download') {
            s.reads += 1;
            if (asset.opd === opd) s.ownOpdReads += 1;
          }
        }
        if (u === asset.author && type === 'view') {
          excluded = 'author';
          s.author += 1;
        }
        const id = users[u].id;
        who = `${id}\t${id}\t${opdIds[users[u].opd]}`;
      }
      const object =
        type === 'download' ? asset.objectId : type === 'search_click' ? fakeUuid(rand) : '\\N';
      const rest = `${who}\t${asset.id}\t${opdIds[asset.opd]}\t${object}\t${excluded}`;
      buf.push(`${type}\t${day} ${CLOCK[t]}+07\t${day}\t${rest}`);
      last = [type, rest];
      lastSec = t;
      if (buf.length >= chunkRows) {
        s.rows += buf.length;
        yield `${buf.join('\n')}\n`;
        buf = [];
      }
    }
  }
  if (buf.length > 0) {
    s.rows += buf.length;
    yield `${buf.join('\n')}\n`;
  }
}
