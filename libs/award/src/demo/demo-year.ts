import type { EntityManager } from 'typeorm';
import {
  DEMO_POSITIONS,
  isNipInfo,
  makeName,
  makeNip,
  parseNip,
  pick,
  prng,
} from '@lumbung/identity';
import {
  ASSET_TYPE_TEMPLATES,
  type AssetType,
  computeCompleteness,
  recordCurrentRevisions,
  normalizeTags,
  touchSearch,
} from '@lumbung/knowledge';
import { insertRubric } from '../award-years.service';
import { DEFAULT_RUBRIC } from '../scoring';
import { THEMES, sentence, storyOf } from './demo-text';

const MARKER = 'demo_seed_year_2025';
export const DEMO_YEAR = 2025;
/** The rollups the demo year needs (2024-Q4 gives the spike check a history). */
export const DEMO_USAGE_RANGE = { from: '2024-10-01', to: '2025-12-31' } as const;

type Profile = 'unggul' | 'aktif' | 'sedang' | 'pasif';
const PROFILE_SHAPE: Record<
  Profile,
  { staff: number; assets: [number, number]; meetings: [number, number]; reach: number }
> = {
  unggul: { staff: 18, assets: [8, 12], meetings: [2, 3], reach: 1.6 },
  aktif: { staff: 14, assets: [4, 7], meetings: [1, 2], reach: 1 },
  sedang: { staff: 10, assets: [1, 3], meetings: [0, 1], reach: 0.5 },
  pasif: { staff: 6, assets: [0, 0], meetings: [0, 0], reach: 0 },
};

interface Opd {
  id: string;
  code: string;
  name: string;
  profile: Profile;
  staff: string[];
  copId?: string;
  leadId?: string;
}

interface Asset {
  id: string;
  opd: Opd;
  type: AssetType;
  visibility: string;
  authors: string[];
  publishedAt: Date;
  popularity: number;
}

interface Ev {
  type: string;
  at: Date;
  user: string | null;
  key: string;
  userOpd: string | null;
  asset: Asset;
  object?: string;
  excluded?: string;
}

/**
 * A believable 2025 across all 51 OPD for `npm start` (issue #7): staff, a CoP per OPD, assets of
 * every type, meetings each Triwulan with attendees and minutes, and a year of usage with the
 * counting rules' edge cases (double clicks, self-views, anonymous readers, a spike, one account
 * dominating an asset), endorsements and reuse reports, and the 2025 award year with some
 * assessor scores. Deterministic; seeded once. The caller rebuilds the usage rollups afterwards.
 */
export async function seedDemoYear(m: EntityManager): Promise<boolean> {
  const done = await m.query<unknown[]>(`SELECT 1 FROM app_meta WHERE key = $1`, [MARKER]);
  if (done.length > 0) return false;
  const rand = prng(DEMO_YEAR);
  const [admin] = await m.query<{ id: string }[]>(
    `SELECT id FROM users WHERE email = 'admin@lumbung.test'`,
  );
  const [assessor] = await m.query<{ id: string }[]>(
    `SELECT id FROM users WHERE email = 'assessor@lumbung.test'`,
  );
  if (!admin || !assessor) return false;
  const opds = await loadOpds(m, rand);
  await addStaff(m, rand, opds);
  await ensureCops(m, rand, opds);
  const assets = await addAssets(m, rand, opds);
  await recordCurrentRevisions(
    m,
    assets.map((a) => a.id),
  );
  await addMeetings(m, rand, opds, assets);
  const events = makeEvents(rand, opds, assets);
  await addEngagement(m, rand, events);
  await insertEvents(m, events);
  await touchSearch(
    m,
    assets.map((a) => a.id),
  );
  await openAwardYear(m, admin.id, assessor.id, opds);
  await m.query(`INSERT INTO app_meta (key, value) VALUES ($1, $2)`, [
    MARKER,
    JSON.stringify({ assets: assets.length, events: events.length }),
  ]);
  return true;
}

async function loadOpds(m: EntityManager, rand: () => number): Promise<Opd[]> {
  const rows = await m.query<{ id: string; code: string; name: string }[]>(
    `SELECT id, code, name FROM opds ORDER BY code`,
  );
  // A spread like the real award: a few leaders, many active, some quiet, a handful dormant.
  const order = rows.map((r) => ({ r, k: rand() })).sort((a, b) => a.k - b.k);
  return order.map(({ r }, i) => {
    const profile: Profile =
      r.code === 'BPSDM' || r.code === 'DINKES'
        ? 'unggul'
        : i < 8
          ? 'unggul'
          : i < 28
            ? 'aktif'
            : i < 44
              ? 'sedang'
              : 'pasif';
    return { id: r.id, code: r.code, name: r.name, profile, staff: [] };
  });
}

async function addStaff(m: EntityManager, rand: () => number, opds: Opd[]): Promise<void> {
  let seq = 1000;
  for (const opd of opds) {
    const existing = await m.query<{ id: string }[]>(
      `SELECT id FROM users WHERE opd_id = $1 AND active ORDER BY email`,
      [opd.id],
    );
    opd.staff = existing.map((u) => u.id);
    const extra = Math.max(0, PROFILE_SHAPE[opd.profile].staff - opd.staff.length);
    for (let i = 0; i < extra; i++) {
      const name = makeName(rand);
      const position = pick(rand, DEMO_POSITIONS);
      seq += 1;
      const nip = makeNip(rand, seq);
      const info = parseNip(nip);
      if (!isNipInfo(info)) throw new Error(`demo NIP ${nip} is invalid: ${info}`);
      // The birth date and sex are the NIP's. They once came from draws of their own: those
      // draws still happen, so everything seeded after them stays as it was.
      for (let draw = 0; draw < 4; draw++) rand();
      const rows = await m.query<{ id: string }[]>(
        `INSERT INTO users (nip, name, email, opd_id, jabatan, jabatan_kategori, birth_date, sex)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
        [
          nip,
          name,
          `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${seq}@demo.lumbung.test`,
          opd.id,
          position.jabatan,
          position.kategori,
          info.birthDate,
          info.sex,
        ],
      );
      if (rows[0]) {
        opd.staff.push(rows[0].id);
        await m.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'asn')`, [rows[0].id]);
      }
    }
  }
}

async function ensureCops(m: EntityManager, rand: () => number, opds: Opd[]): Promise<void> {
  for (const opd of opds) {
    const [cop] = await m.query<{ id: string; lead: string | null }[]>(
      `SELECT c.id, (SELECT r.user_id FROM user_roles r WHERE r.cop_id = c.id AND r.role = 'cop_lead' LIMIT 1) AS lead
         FROM cops c WHERE c.opd_id = $1 ORDER BY c.created_at LIMIT 1`,
      [opd.id],
    );
    if (cop) {
      opd.copId = cop.id;
      opd.leadId = cop.lead ?? opd.staff[0];
    } else if (opd.profile !== 'pasif') {
      const theme = THEMES[opd.code] ?? pick(rand, Object.values(THEMES));
      const lead = opd.staff[0];
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO cops (name, theme, opd_id, description, sk_reference, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          `Komunitas Praktik ${theme.name}`,
          theme.name,
          opd.id,
          `Komunitas praktik ${opd.name} untuk berbagi pengalaman ${theme.name.toLowerCase()}.`,
          `SK Kepala ${opd.code} Nomor ${10 + Math.floor(rand() * 80)} Tahun 2025`,
          lead,
        ],
      );
      opd.copId = row.id;
      opd.leadId = lead;
      await m.query(`INSERT INTO user_roles (user_id, role, cop_id) VALUES ($1, 'cop_lead', $2)`, [
        lead,
        row.id,
      ]);
    }
    if (!opd.copId) continue;
    const members = opd.staff.filter(() => rand() < 0.8);
    await m.query(
      `INSERT INTO cop_memberships (cop_id, user_id, joined_at)
       SELECT $1, u, '2024-12-01T00:00:00+07:00' FROM unnest($2::uuid[]) u
       ON CONFLICT DO NOTHING`,
      [opd.copId, [...new Set([opd.leadId as string, ...members])]],
    );
  }
}

async function addAssets(m: EntityManager, rand: () => number, opds: Opd[]): Promise<Asset[]> {
  const assets: Asset[] = [];
  const types = ASSET_TYPE_TEMPLATES.map((t) => t.type);
  for (const opd of opds) {
    const [lo, hi] = PROFILE_SHAPE[opd.profile].assets;
    const n = lo + Math.floor(rand() * (hi - lo + 1));
    const theme = THEMES[opd.code] ?? pick(rand, Object.values(THEMES));
    for (let i = 0; i < n; i++) {
      const type = types[(i + opd.code.length) % types.length];
      const template = ASSET_TYPE_TEMPLATES.find((t) => t.type === type)!;
      const authors = [pick(rand, opd.staff)];
      if (rand() < 0.3) authors.push(pick(rand, opd.staff));
      if (rand() < 0.1) authors.push(pick(rand, pick(rand, opds).staff));
      const unique = [...new Set(authors.filter(Boolean))];
      const sections: Record<string, string> = {};
      const skipOne = opd.profile === 'sedang' && rand() < 0.5;
      template.sections.forEach((s, k) => {
        if (s.kind === 'user') return;
        if (skipOne && k === template.sections.length - 1) return;
        sections[s.key] = sentence(rand, theme, s.label.id);
      });
      const narasumber = type === 'wawancara_pengetahuan' ? pick(rand, opd.staff) : null;
      // As the API stores them (`mutu layanan` → `mutu-layanan`): topics of the expertise map.
      const tags = normalizeTags(theme.tags.filter(() => rand() < 0.6).slice(0, 3));
      const summary = `${theme.summary} (${template.label.id.toLowerCase()}, ${opd.code}).`;
      const quarter = Math.floor(rand() * 4);
      const publishedAt = new Date(
        Date.UTC(
          DEMO_YEAR,
          quarter * 3 + Math.floor(rand() * 3),
          2 + Math.floor(rand() * 26),
          2 + Math.floor(rand() * 7),
        ),
      );
      const visibility = rand() < 0.15 ? 'opd' : rand() < 0.35 ? 'publik' : 'internal';
      const completeness = computeCompleteness({
        type,
        summary,
        sections,
        tags: tags.length ? tags : normalizeTags([theme.tags[0]]),
        seciMode: 'eksternalisasi',
        narasumberId: narasumber,
        attachmentCount: 0,
      }).score;
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO assets (type, title, summary, sections, tags, opd_id, cop_id, author_ids, narasumber_id,
                             seci_mode, visibility, status, completeness, revision, created_by, created_at,
                             updated_at, submitted_at, published_at, verified_at, review_due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'eksternalisasi', $10, 'published', $11, 1, $12,
                 $13::timestamptz - interval '5 days', $13, $13::timestamptz - interval '2 days', $13, $13,
                 $13::timestamptz + $14::interval)
         RETURNING id`,
        [
          type,
          `${template.label.id}: ${theme.titles[i % theme.titles.length]}`,
          summary,
          JSON.stringify(sections),
          tags.length ? tags : normalizeTags([theme.tags[0]]),
          opd.id,
          opd.copId ?? null,
          unique,
          narasumber,
          visibility,
          completeness,
          unique[0],
          publishedAt.toISOString(),
          rand() < 0.15 ? '6 months' : '1 year',
        ],
      );
      assets.push({
        id: row.id,
        opd,
        type,
        visibility,
        authors: unique,
        publishedAt,
        popularity: 1 / (1 + i) ** 0.8,
      });
    }
  }
  return assets;
}

async function addMeetings(
  m: EntityManager,
  rand: () => number,
  opds: Opd[],
  assets: Asset[],
): Promise<void> {
  for (const opd of opds) {
    if (!opd.copId) continue;
    const [lo, hi] = PROFILE_SHAPE[opd.profile].meetings;
    const theme = THEMES[opd.code] ?? pick(rand, Object.values(THEMES));
    const members = await m.query<{ user_id: string }[]>(
      `SELECT user_id FROM cop_memberships WHERE cop_id = $1 AND left_at IS NULL`,
      [opd.copId],
    );
    for (let q = 1; q <= 4; q++) {
      const n = lo + Math.floor(rand() * (hi - lo + 1));
      for (let k = 0; k < n; k++) {
        const heldAt = new Date(
          Date.UTC(DEMO_YEAR, (q - 1) * 3 + k, 8 + Math.floor(rand() * 15), 2),
        );
        const documented = rand() < (opd.profile === 'unggul' ? 0.95 : 0.6);
        const topic = `${theme.meetings[(q + k) % theme.meetings.length]} (TW ${['I', 'II', 'III', 'IV'][q - 1]})`;
        const [row] = await m.query<{ id: string }[]>(
          `INSERT INTO meetings (cop_id, held_at, held_date_wib, year, quarter, mode, topic, topic_norm, agenda,
                                 minutes, duration_minutes, seci_mode, minutes_visibility, created_by, minutes_at)
           VALUES ($1, $2, ($2::timestamptz AT TIME ZONE 'Asia/Jakarta')::date, $3, $4, $5, $6::text, lower($6::text), $7,
                   $8, $9, 'sosialisasi', $10, $11, $12)
           ON CONFLICT DO NOTHING RETURNING id`,
          [
            opd.copId,
            heldAt.toISOString(),
            DEMO_YEAR,
            q,
            pick(rand, ['luring', 'daring', 'hibrida']),
            topic,
            `Pembukaan; berbagi pengalaman ${theme.name.toLowerCase()}; rencana tindak lanjut.`,
            documented ? `Notula: ${sentence(rand, theme, 'Hasil diskusi')}` : '',
            60 + 30 * Math.floor(rand() * 4),
            rand() < 0.5 ? 'internal' : 'cop',
            opd.leadId,
            documented
              ? new Date(
                  heldAt.getTime() + (1 + Math.floor(rand() * 10)) * 86_400_000,
                ).toISOString()
              : null,
          ],
        );
        if (!row) continue;
        const attendees = members.filter(() => rand() < 0.7).map((x) => x.user_id);
        if (rand() < 0.35) attendees.push(pick(rand, pick(rand, opds).staff));
        await m.query(
          `INSERT INTO meeting_attendees (meeting_id, user_id, opd_id)
           SELECT $1, u.id, u.opd_id FROM users u WHERE u.id = ANY($2::uuid[]) ON CONFLICT DO NOTHING`,
          [row.id, [...new Set([opd.leadId as string, ...attendees])]],
        );
        const output = assets.find(
          (a) =>
            a.opd === opd && Math.abs(a.publishedAt.getTime() - heldAt.getTime()) < 12 * 86_400_000,
        );
        if (output)
          await m.query(
            `INSERT INTO meeting_outputs (meeting_id, asset_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
            [row.id, output.id],
          );
      }
    }
  }
}

/** Reads over the year, with the counting rules' edge cases on purpose. */
function makeEvents(rand: () => number, opds: Opd[], assets: Asset[]): Ev[] {
  const events: Ev[] = [];
  const opdOf = new Map(opds.flatMap((o) => o.staff.map((s) => [s, o])));
  const end = Date.UTC(DEMO_YEAR, 11, 31, 9);
  const officeHour = (t: number): Date => {
    const d = new Date(t);
    d.setUTCHours(1 + Math.floor(rand() * 8), Math.floor(rand() * 60), Math.floor(rand() * 60));
    return d;
  };
  for (const a of assets) {
    const reach = PROFILE_SHAPE[a.opd.profile].reach;
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
  // A spike (August, one DISHUB asset) and one account dominating an asset in a day: both flagged.
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
  return events
    .filter((e) => e.at.getTime() <= end)
    .sort((x, y) => x.at.getTime() - y.at.getTime());
}

/** Endorsements and reuse reports by readers (reuse only after a view), as rows and events. */
async function addEngagement(m: EntityManager, rand: () => number, events: Ev[]): Promise<void> {
  const seen = new Set<string>();
  const extra: Ev[] = [];
  for (const e of events) {
    if (e.type !== 'view' || !e.user || e.excluded) continue;
    const pair = `${e.asset.id}|${e.user}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const later = new Date(e.at.getTime() + 3_600_000);
    if (rand() < 0.12) {
      await m.query(
        `INSERT INTO asset_endorsements (asset_id, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [e.asset.id, e.user, later.toISOString()],
      );
      extra.push({ ...e, type: 'endorse', at: later });
    }
    if (rand() < 0.04) {
      const at = new Date(later.getTime() + 86_400_000 * 7);
      await m.query(
        `INSERT INTO asset_reuse_reports (asset_id, user_id, user_opd_id, story, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [e.asset.id, e.user, e.userOpd, storyOf(rand, e.asset.type), at.toISOString()],
      );
      extra.push({ ...e, type: 'reuse_report', at });
    }
  }
  events.push(...extra.filter((x) => x.at.getTime() <= Date.UTC(DEMO_YEAR, 11, 31, 16)));
}

async function insertEvents(m: EntityManager, events: Ev[]): Promise<void> {
  for (let i = 0; i < events.length; i += 5000) {
    const batch = events.slice(i, i + 5000);
    await m.query(
      `INSERT INTO usage_events (type, occurred_at, occurred_on, actor_user_id, actor_key, actor_opd_id,
                                 asset_id, asset_opd_id, object_id, excluded)
       SELECT t, at, (at AT TIME ZONE 'Asia/Jakarta')::date, u, k, uo, a, ao, o, x
         FROM unnest($1::text[], $2::timestamptz[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[],
                     $8::uuid[], $9::text[]) AS e(t, at, u, k, uo, a, ao, o, x)
        ORDER BY at`,
      [
        batch.map((e) => e.type),
        batch.map((e) => e.at.toISOString()),
        batch.map((e) => e.user),
        batch.map((e) => e.key),
        batch.map((e) => e.userOpd),
        batch.map((e) => e.asset.id),
        batch.map((e) => e.asset.opd.id),
        batch.map((e) => e.object ?? null),
        batch.map((e) => e.excluded ?? null),
      ],
    );
  }
}

async function openAwardYear(
  m: EntityManager,
  adminId: string,
  assessorId: string,
  opds: Opd[],
): Promise<void> {
  await m.query(
    `INSERT INTO award_years (year, created_by) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [DEMO_YEAR, adminId],
  );
  await insertRubric(m, DEMO_YEAR, 1, DEFAULT_RUBRIC, adminId);
  // Assessors have visited the leaders so far: relevance and impact scored, the rest provisional.
  const scored = opds.filter((o) => o.profile === 'unggul');
  for (const [i, opd] of scored.entries()) {
    for (const [aspect, base] of [
      ['relevansi', 70],
      ['manfaat', 65],
    ] as const)
      await m.query(
        `INSERT INTO award_assessments (year, opd_id, aspect, score, justification, assessor_id)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          DEMO_YEAR,
          opd.id,
          aspect,
          base + ((i * 7) % 25),
          aspect === 'relevansi'
            ? `Tema komunitas ${opd.name} selaras dengan prioritas daerah dan didukung notula pertemuan.`
            : `Laporan penerapan menunjukkan perubahan layanan yang nyata di ${opd.name}.`,
          assessorId,
        ],
      );
  }
}
