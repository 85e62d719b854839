import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { EntityManager } from 'typeorm';
import { type BlobStorage, insertAppMeta, JobsService, readAppMeta } from '@lumbung/platform';
import {
  DEMO_OPDS,
  isNipInfo,
  makeName,
  makeNip,
  parseNip,
  pick,
  positionsFor,
  prng,
} from '@lumbung/identity';
import {
  ASSET_TYPE_TEMPLATES,
  type AssetType,
  EXTRACT_QUEUE,
  computeCompleteness,
  recordCurrentRevisions,
  normalizeTags,
  sniffFile,
  touchSearch,
} from '@lumbung/knowledge';
import { DEMO_COP_FOUNDED } from '@lumbung/community';
import { insertRubric } from '../award-years.service';
import { DEFAULT_RUBRIC } from '../scoring';
import { type DemoDocument, type DemoFileKind, renderDemoFile } from './demo-files';
import {
  THEMES,
  type Topic,
  lower,
  minutesFor,
  sectionText,
  storyOf,
  summaryFor,
  titleFor,
} from './demo-text';

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
  /** Titles used so far (unique within the OPD). */
  titles?: Set<string>;
}

interface Asset {
  id: string;
  opd: Opd;
  type: AssetType;
  visibility: string;
  authors: string[];
  publishedAt: Date;
  popularity: number;
  draft: Draft;
  narasumber: string | null;
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
export async function seedDemoYear(m: EntityManager, storage?: BlobStorage): Promise<boolean> {
  if ((await readAppMeta(m, MARKER)) !== undefined) return false;
  const rand = prng(DEMO_YEAR);
  // Words come from their own stream, so rewording the demo never moves its numbers.
  const text = prng(DEMO_YEAR + 1);
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
  const assets = await addAssets(m, rand, text, opds);
  await addAttachments(m, storage, assets);
  await recordCurrentRevisions(
    m,
    assets.map((a) => a.id),
  );
  await addMeetings(m, rand, text, opds, assets);
  const events = makeEvents(rand, opds, assets);
  await addEngagement(m, rand, events);
  await insertEvents(m, events);
  await touchSearch(
    m,
    assets.map((a) => a.id),
  );
  await openAwardYear(m, admin.id, assessor.id, opds);
  await addSubmissions(m, text, opds, storage);
  await insertAppMeta(m, MARKER, { assets: assets.length, events: events.length });
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
      const position = pick(rand, positionsFor(opd.name, opd.code));
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

/** Who signs an OPD's decrees: the head's title follows the agency type. */
function signatoryOf(name: string): string {
  if (name.startsWith('Kota Administrasi ')) return `Wali Kota ${name.slice(18)}`;
  if (name.startsWith('Kabupaten Administrasi ')) return `Bupati ${name.slice(23)}`;
  if (name === 'Inspektorat') return 'Inspektur';
  if (name === 'Sekretariat Daerah') return 'Sekretaris Daerah';
  if (name.startsWith('Sekretariat ')) return `Sekretaris ${name.slice(12)}`;
  return `Kepala ${name}`;
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
      const theme = THEMES[opd.code];
      const lead = opd.staff[0];
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO cops (name, theme, opd_id, description, sk_reference, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          `Komunitas Praktik ${theme.name}`,
          theme.name,
          opd.id,
          `Pegawai ${theme.unit} dan bidang terkait di ${opd.name} berbagi pengalaman tentang ${lower(theme.name)}: ${theme.tags.slice(0, 3).join(', ')}.`,
          `Keputusan ${signatoryOf(opd.name)} Nomor ${10 + Math.floor(rand() * 80)} Tahun 2024`,
          lead,
          DEMO_COP_FOUNDED,
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
       SELECT $1, u, $3 FROM unnest($2::uuid[]) u
       ON CONFLICT DO NOTHING`,
      [opd.copId, [...new Set([opd.leadId as string, ...members])], DEMO_COP_FOUNDED],
    );
  }
}

/** A working day at or after `d` (Saturday and Sunday move to Monday). */
function workingDay(d: Date): Date {
  const shift = [1, 0, 0, 0, 0, 0, 2][d.getUTCDay()];
  return new Date(d.getTime() + shift * 86_400_000);
}

/** Review due dates count from the day the demo is seeded: most ahead, a few already past. */
function reviewDue(text: () => number, overdue: boolean): string {
  const days = overdue ? -(5 + Math.floor(text() * 60)) : 45 + Math.floor(text() * 300);
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

interface Draft {
  type: AssetType;
  title: string;
  summary: string;
  sections: Record<string, string>;
  tags: string[];
  topic: Topic;
}

/** Title, summary, sections and tags of one asset of `type` about a topic of its OPD's theme. */
function draftOf(
  text: () => number,
  opd: Opd,
  type: AssetType,
  subject: string,
  used: Set<string>,
  skipLast: boolean,
): Draft {
  const theme = THEMES[opd.code];
  const topic: Topic = { theme, subject, opdName: opd.name };
  let title = titleFor(text, type, subject);
  if (used.has(title)) title = `${title} di ${theme.unit}`;
  for (let n = 2; used.has(title); n++) title = `${titleFor(text, type, subject)} (bagian ${n})`;
  used.add(title);
  const template = ASSET_TYPE_TEMPLATES.find((t) => t.type === type)!;
  const sections: Record<string, string> = {};
  template.sections.forEach((sec, k) => {
    if (sec.kind === 'user') return;
    // A quieter OPD leaves its last section empty (never a document's only one).
    if (skipLast && k > 0 && k === template.sections.length - 1) return;
    sections[sec.key] = sectionText(text, sec.key, topic);
  });
  const chosen = theme.tags.filter(() => text() < 0.5).slice(0, 3);
  return {
    type,
    title,
    summary: summaryFor(text, type, topic),
    sections,
    // As the API stores them (`mutu layanan` → `mutu-layanan`): topics of the expertise map.
    tags: normalizeTags(chosen.length ? chosen : [theme.tags[0]]),
    topic,
  };
}

async function addAssets(
  m: EntityManager,
  rand: () => number,
  text: () => number,
  opds: Opd[],
): Promise<Asset[]> {
  const assets: Asset[] = [];
  const types = ASSET_TYPE_TEMPLATES.map((t) => t.type);
  for (const opd of opds) {
    const [lo, hi] = PROFILE_SHAPE[opd.profile].assets;
    const n = lo + Math.floor(rand() * (hi - lo + 1));
    const theme = THEMES[opd.code];
    // Each OPD takes its theme's subjects in its own order, so no two OPD read alike.
    const subjects = theme.titles
      .map((t) => ({ t, k: text() }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.t);
    opd.titles = new Set();
    for (let i = 0; i < n; i++) {
      const type = types[(i + opd.code.length) % types.length];
      const authors = [pick(rand, opd.staff)];
      if (rand() < 0.3) authors.push(pick(rand, opd.staff));
      if (rand() < 0.1) authors.push(pick(rand, pick(rand, opds).staff));
      const unique = [...new Set(authors.filter(Boolean))];
      const skipLast = opd.profile === 'sedang' && rand() < 0.5;
      const draft = draftOf(text, opd, type, subjects[i % subjects.length], opd.titles, skipLast);
      const narasumber = type === 'wawancara_pengetahuan' ? pick(rand, opd.staff) : null;
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
      const day = 86_400_000;
      const id = await insertAsset(m, opd, draft, {
        authors: unique,
        narasumber,
        visibility,
        status: 'published',
        created: new Date(publishedAt.getTime() - 5 * day),
        submitted: new Date(publishedAt.getTime() - 2 * day),
        published: publishedAt,
        reviewDue: reviewDue(text, rand() < 0.08),
      });
      assets.push({
        id,
        opd,
        type,
        visibility,
        authors: unique,
        publishedAt,
        popularity: 1 / (1 + i) ** 0.8,
        draft,
        narasumber,
      });
    }
  }
  return assets;
}

/** One asset row; completeness follows once its files are attached ({@link scoreCompleteness}). */
async function insertAsset(
  m: EntityManager,
  opd: Opd,
  draft: Draft,
  a: {
    authors: string[];
    narasumber: string | null;
    visibility: string;
    status: 'published' | 'submitted';
    created: Date;
    submitted: Date;
    published?: Date;
    reviewDue?: string;
  },
): Promise<string> {
  const published = a.published?.toISOString() ?? null;
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO assets (type, title, summary, sections, tags, opd_id, cop_id, author_ids, narasumber_id,
                         seci_mode, visibility, status, completeness, revision, created_by, created_at,
                         updated_at, submitted_at, published_at, verified_at, review_due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'eksternalisasi', $10, $11, 0, $12, $13, $14::timestamptz,
             COALESCE($16::timestamptz, $15::timestamptz), $15::timestamptz, $16::timestamptz,
             $16::timestamptz, $17::timestamptz)
     RETURNING id`,
    [
      draft.type,
      draft.title,
      draft.summary,
      JSON.stringify(draft.sections),
      draft.tags,
      opd.id,
      opd.copId ?? null,
      a.authors,
      a.narasumber,
      a.visibility,
      a.status,
      a.status === 'published' ? 1 : 0,
      a.authors[0],
      a.created.toISOString(),
      a.submitted.toISOString(),
      published,
      a.reviewDue ?? null,
    ],
  );
  return row.id;
}

/** Completeness as the API computes it, once the files are attached. */
async function scoreCompleteness(m: EntityManager, assets: Asset[]): Promise<void> {
  const files = new Map(
    (
      await m.query<{ asset_id: string; n: number }[]>(
        `SELECT asset_id, count(*)::int AS n FROM attachments WHERE asset_id = ANY($1::uuid[]) GROUP BY asset_id`,
        [assets.map((a) => a.id)],
      )
    ).map((r) => [r.asset_id, r.n]),
  );
  for (const a of assets) {
    const { score } = computeCompleteness({
      type: a.type,
      summary: a.draft.summary,
      sections: a.draft.sections,
      tags: a.draft.tags,
      seciMode: 'eksternalisasi',
      narasumberId: a.narasumber,
      attachmentCount: files.get(a.id) ?? 0,
    });
    await m.query(`UPDATE assets SET completeness = $2 WHERE id = $1`, [a.id, score]);
  }
}

/**
 * Work waiting for each demo verifier (BPSDM, DINKES): a few assets their colleagues submitted in
 * the last days, so the review queue shows what a verifier's day looks like.
 */
async function addSubmissions(
  m: EntityManager,
  text: () => number,
  opds: Opd[],
  storage: BlobStorage | undefined,
): Promise<void> {
  const types: AssetType[] = ['praktik_baik', 'panduan', 'pelajaran', 'dokumen'];
  for (const opd of opds.filter((o) => DEMO_OPDS.includes(o.code as never))) {
    const theme = THEMES[opd.code];
    const [lead] = await m.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [
      `asn.${opd.code.toLowerCase()}@lumbung.test`,
    ]);
    const authors = [lead?.id, ...opd.staff.slice(-3)].filter((x): x is string => !!x);
    for (const [i, type] of types.entries()) {
      const subject = theme.titles[theme.titles.length - 1 - i];
      const draft = draftOf(text, opd, type, subject, opd.titles ?? new Set(), false);
      const author = authors[i % authors.length];
      const submitted = new Date(Date.now() - (1 + i * 2) * 86_400_000 - 3 * 3_600_000);
      const id = await insertAsset(m, opd, draft, {
        authors: [author],
        narasumber: null,
        visibility: 'internal',
        status: 'submitted',
        created: new Date(submitted.getTime() - 3 * 86_400_000),
        submitted,
      });
      const asset: Asset = {
        id,
        opd,
        type,
        visibility: 'internal',
        authors: [author],
        publishedAt: submitted,
        popularity: 0,
        draft,
        narasumber: null,
      };
      if (storage) await attachFile(m, storage, asset, i);
      await scoreCompleteness(m, [asset]);
    }
  }
}

/** Which demo assets carry a file, and of which kind: every `dokumen`, some others. */
function fileKindOf(a: Asset, i: number): DemoFileKind | undefined {
  // PDFs are parsed in a worker thread each: a quarter of the documents keeps the first start light.
  if (a.type === 'dokumen') return i % 4 === 0 ? 'pdf' : 'docx';
  if (i % 3 !== 0) return undefined;
  if (a.type === 'praktik_baik' || a.type === 'inovasi') return 'pptx';
  if (a.type === 'pelajaran') return 'xlsx';
  if (a.type === 'panduan') return 'docx';
  return undefined;
}

/**
 * A generated file stored as an upload stores it: bytes into the blob store under a fresh key,
 * type sniffed from the content, SHA-256 and size recorded, and text extraction queued for the
 * worker, which then puts the text into search with its asset.
 */
async function attachFile(
  m: EntityManager,
  storage: BlobStorage,
  a: Asset,
  i: number,
): Promise<void> {
  const kind = fileKindOf(a, i);
  if (!kind) return;
  const bytes = await renderDemoFile(kind, documentOf(a, kind));
  const tmp = await storage.tempPath();
  await writeFile(tmp, bytes);
  const sniffed = await sniffFile(tmp);
  if (sniffed?.kind !== kind) throw new Error(`demo ${kind} file sniffed as ${sniffed?.kind}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = await storage.adopt(tmp, { sha256 });
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO attachments (asset_id, storage_key, display_name, kind, mime, size_bytes, sha256,
                              scan_status, text_status, uploaded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'not_scanned', 'pending', $8, $9) RETURNING id`,
    [
      a.id,
      key,
      `${fileNameOf(a.draft.title)}.${kind}`,
      sniffed.kind,
      sniffed.mime,
      bytes.length,
      sha256,
      a.authors[0],
      new Date(a.publishedAt.getTime() - 3 * 86_400_000).toISOString(),
    ],
  );
  await new JobsService(m.connection).enqueue(m, EXTRACT_QUEUE, { attachmentId: row.id });
}

const fileNameOf = (title: string): string =>
  title
    .replace(/[^A-Za-z0-9 -]+/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60);

/** The file's text: the asset's own, plus what only a file holds (a checklist, a table). */
function documentOf(a: Asset, kind: DemoFileKind): DemoDocument {
  const template = ASSET_TYPE_TEMPLATES.find((t) => t.type === a.type)!;
  const { theme, subject } = a.draft.topic;
  const sections = template.sections
    .filter((s) => a.draft.sections[s.key])
    .map((s) => ({ heading: s.label.id, paragraphs: [a.draft.sections[s.key]] }));
  const checklist = [
    ['No', 'Kegiatan', 'Penanggung jawab', 'Keterangan'],
    ['1', 'Pemeriksaan kelengkapan berkas', `Petugas ${theme.unit}`, 'Setiap hari kerja'],
    ['2', `Rekapitulasi ${lower(subject)}`, 'Pengelola data', 'Mingguan'],
    ['3', 'Penandatanganan berita acara', 'Kepala seksi', 'Setelah verifikasi'],
    ['4', `Pelaporan kepada pimpinan ${a.opd.name}`, 'Subbagian program', 'Bulanan'],
  ];
  return {
    title: a.draft.title,
    sections: [
      { heading: kind === 'xlsx' ? 'Ringkasan' : a.opd.name, paragraphs: [a.draft.summary] },
      ...sections,
      {
        heading: 'Lampiran: daftar periksa',
        paragraphs: [
          `Daftar periksa ini disusun oleh tim ${theme.unit} sebagai lampiran kerja dan diperbarui setiap triwulan.`,
        ],
      },
    ],
    table: checklist,
  };
}

async function addAttachments(
  m: EntityManager,
  storage: BlobStorage | undefined,
  assets: Asset[],
): Promise<void> {
  if (storage) {
    const seen = new Map<string, number>();
    for (const a of assets) {
      const i = (seen.get(a.type) ?? 0) + 1;
      seen.set(a.type, i);
      await attachFile(m, storage, a, i);
    }
  }
  await scoreCompleteness(m, assets);
}

/** Meeting start times, WIB: mornings and early afternoons of a working day. */
const MEETING_HOURS_UTC = [2, 3, 6, 7];

async function addMeetings(
  m: EntityManager,
  rand: () => number,
  text: () => number,
  opds: Opd[],
  assets: Asset[],
): Promise<void> {
  for (const opd of opds) {
    if (!opd.copId) continue;
    const [lo, hi] = PROFILE_SHAPE[opd.profile].meetings;
    const theme = THEMES[opd.code];
    const members = await m.query<{ user_id: string }[]>(
      `SELECT user_id FROM cop_memberships WHERE cop_id = $1 AND left_at IS NULL`,
      [opd.copId],
    );
    for (let q = 1; q <= 4; q++) {
      const n = lo + Math.floor(rand() * (hi - lo + 1));
      for (let k = 0; k < n; k++) {
        const day = 8 + Math.floor(rand() * 15);
        const heldAt = workingDay(
          new Date(Date.UTC(DEMO_YEAR, (q - 1) * 3 + k, day, MEETING_HOURS_UTC[(day + q + k) % 4])),
        );
        const documented = rand() < (opd.profile === 'unggul' ? 0.95 : 0.6);
        const subject = theme.meetings[(q + k) % theme.meetings.length];
        const topic = `${subject} (TW ${['I', 'II', 'III', 'IV'][q - 1]})`;
        const topicOf: Topic = { theme, subject, opdName: opd.name };
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
            `Pembukaan; paparan ${lower(subject)}; berbagi pengalaman antarunit; rencana tindak lanjut.`,
            documented ? minutesFor(text, subject, topicOf) : '',
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
