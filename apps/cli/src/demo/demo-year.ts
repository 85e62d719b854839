import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { EntityManager } from 'typeorm';
import {
  type BlobStorage,
  insertAppMeta,
  JobsService,
  readAppMeta,
  QUEUES,
} from '@lumbung/platform';
import {
  DEMO_OPDS,
  addDemoPerson,
  demoActiveStaffOf,
  demoCopLeadOf,
  demoInEmailOrder,
  demoOpds,
  demoOpdsOf,
  demoPersonByEmail,
  grantDemoCopLead,
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
  addDemoAsset,
  addDemoAttachment,
  computeCompleteness,
  demoAttachmentCounts,
  setDemoCompleteness,
  recordCurrentRevisions,
  normalizeTags,
  sniffFile,
  touchSearch,
} from '@lumbung/knowledge';
import {
  DEMO_COP_FOUNDED,
  addDemoAttendees,
  addDemoCop,
  addDemoMeeting,
  addDemoMeetingOutput,
  addDemoMembers,
  demoFirstCopOf,
  demoMembersOf,
} from '@lumbung/community';
import { addDemoEndorsement, addDemoReuseReport, addDemoUsageEvents } from '@lumbung/metrics';
import { addDemoAssessment, openDemoAwardYear } from '@lumbung/award';
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
  const admin = await demoPersonByEmail(m, 'admin@lumbung.test');
  const assessor = await demoPersonByEmail(m, 'assessor@lumbung.test');
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
  const rows = await demoOpds(m);
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
    opd.staff = await demoActiveStaffOf(m, opd.id);
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
      const id = await addDemoPerson(m, {
        nip,
        name,
        email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${seq}@demo.lumbung.test`,
        opdId: opd.id,
        jabatan: position.jabatan,
        kategori: position.kategori,
        birthDate: info.birthDate,
        sex: info.sex,
      });
      if (id) opd.staff.push(id);
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
    const copId = await demoFirstCopOf(m, opd.id);
    if (copId) {
      opd.copId = copId;
      opd.leadId = (await demoCopLeadOf(m, copId)) ?? opd.staff[0];
    } else if (opd.profile !== 'pasif') {
      const theme = THEMES[opd.code];
      const lead = opd.staff[0];
      opd.copId = await addDemoCop(m, {
        name: `Komunitas Praktik ${theme.name}`,
        theme: theme.name,
        opdId: opd.id,
        description: `Pegawai ${theme.unit} dan bidang terkait di ${opd.name} berbagi pengalaman tentang ${lower(theme.name)}: ${theme.tags.slice(0, 3).join(', ')}.`,
        skReference: `Keputusan ${signatoryOf(opd.name)} Nomor ${10 + Math.floor(rand() * 80)} Tahun 2024`,
        createdBy: lead,
        createdAt: DEMO_COP_FOUNDED,
      });
      opd.leadId = lead;
      await grantDemoCopLead(m, lead, opd.copId);
    }
    if (!opd.copId) continue;
    const members = opd.staff.filter(() => rand() < 0.8);
    await addDemoMembers(
      m,
      opd.copId,
      [...new Set([opd.leadId as string, ...members])],
      DEMO_COP_FOUNDED,
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
      assets.push(await addAsset(m, rand, text, opds, opd, i, subjects));
    }
  }
  return assets;
}

/** The OPD's `i`-th published asset of the year, about one of its theme's subjects. */
async function addAsset(
  m: EntityManager,
  rand: () => number,
  text: () => number,
  opds: Opd[],
  opd: Opd,
  i: number,
  subjects: string[],
): Promise<Asset> {
  const types = ASSET_TYPE_TEMPLATES.map((t) => t.type);
  // Set by addAssets before the OPD's first asset.
  const titles = opd.titles as Set<string>;
  const type = types[(i + opd.code.length) % types.length];
  const authors = [pick(rand, opd.staff)];
  if (rand() < 0.3) authors.push(pick(rand, opd.staff));
  if (rand() < 0.1) authors.push(pick(rand, pick(rand, opds).staff));
  const unique = [...new Set(authors.filter(Boolean))];
  const skipLast = opd.profile === 'sedang' && rand() < 0.5;
  const draft = draftOf(text, opd, type, subjects[i % subjects.length], titles, skipLast);
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
  return {
    id,
    opd,
    type,
    visibility,
    authors: unique,
    publishedAt,
    popularity: 1 / (1 + i) ** 0.8,
    draft,
    narasumber,
  };
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
  return addDemoAsset(m, {
    type: draft.type,
    title: draft.title,
    summary: draft.summary,
    sections: draft.sections,
    tags: draft.tags,
    opdId: opd.id,
    copId: opd.copId ?? null,
    authorIds: a.authors,
    narasumberId: a.narasumber,
    visibility: a.visibility,
    status: a.status,
    created: a.created.toISOString(),
    submitted: a.submitted.toISOString(),
    published: a.published?.toISOString() ?? null,
    reviewDue: a.reviewDue ?? null,
  });
}

/** Completeness as the API computes it, once the files are attached. */
async function scoreCompleteness(m: EntityManager, assets: Asset[]): Promise<void> {
  const files = await demoAttachmentCounts(
    m,
    assets.map((a) => a.id),
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
    await setDemoCompleteness(m, a.id, score);
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
    const lead = await demoPersonByEmail(m, `asn.${opd.code.toLowerCase()}@lumbung.test`);
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
  const attachmentId = await addDemoAttachment(m, {
    assetId: a.id,
    storageKey: key,
    displayName: `${fileNameOf(a.draft.title)}.${kind}`,
    kind: sniffed.kind,
    mime: sniffed.mime,
    sizeBytes: bytes.length,
    sha256,
    uploadedBy: a.authors[0],
    createdAt: new Date(a.publishedAt.getTime() - 3 * 86_400_000).toISOString(),
  });
  await new JobsService(m.connection).enqueue(m, QUEUES.attachmentExtract, { attachmentId });
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

/** The `k`-th meeting of the OPD's CoP in Triwulan `q`, as the demo writer takes it. */
function meetingOf(
  rand: () => number,
  text: () => number,
  opd: Opd,
  copId: string,
  q: number,
  k: number,
): { heldAt: Date; meeting: Parameters<typeof addDemoMeeting>[1] } {
  const theme = THEMES[opd.code];
  const day = 8 + Math.floor(rand() * 15);
  const heldAt = workingDay(
    new Date(Date.UTC(DEMO_YEAR, (q - 1) * 3 + k, day, MEETING_HOURS_UTC[(day + q + k) % 4])),
  );
  const documented = rand() < (opd.profile === 'unggul' ? 0.95 : 0.6);
  const subject = theme.meetings[(q + k) % theme.meetings.length];
  const topic = `${subject} (TW ${['I', 'II', 'III', 'IV'][q - 1]})`;
  const topicOf: Topic = { theme, subject, opdName: opd.name };
  // The arguments in the order the draws were always made (the demo's numbers stay).
  const meeting = {
    copId,
    heldAt: heldAt.toISOString(),
    year: DEMO_YEAR,
    quarter: q,
    mode: pick(rand, ['luring', 'daring', 'hibrida']),
    topic,
    agenda: `Pembukaan; paparan ${lower(subject)}; berbagi pengalaman antarunit; rencana tindak lanjut.`,
    minutes: documented ? minutesFor(text, subject, topicOf) : '',
    durationMinutes: 60 + 30 * Math.floor(rand() * 4),
    minutesVisibility: rand() < 0.5 ? 'internal' : 'cop',
    createdBy: opd.leadId as string,
    minutesAt: documented
      ? new Date(heldAt.getTime() + (1 + Math.floor(rand() * 10)) * 86_400_000).toISOString()
      : null,
  };
  return { heldAt, meeting };
}

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
    const members = await demoInEmailOrder(m, await demoMembersOf(m, opd.copId));
    for (let q = 1; q <= 4; q++) {
      const n = lo + Math.floor(rand() * (hi - lo + 1));
      for (let k = 0; k < n; k++) {
        const { heldAt, meeting } = meetingOf(rand, text, opd, opd.copId, q, k);
        const meetingId = await addDemoMeeting(m, meeting);
        if (!meetingId) continue;
        const attendees = members.filter(() => rand() < 0.7);
        if (rand() < 0.35) attendees.push(pick(rand, pick(rand, opds).staff));
        const present = [...new Set([opd.leadId as string, ...attendees])];
        const opdOf = await demoOpdsOf(m, present);
        await addDemoAttendees(
          m,
          meetingId,
          present.flatMap((userId) => {
            const opdId = opdOf.get(userId);
            return opdId ? [{ userId, opdId }] : [];
          }),
        );
        const output = assets.find(
          (a) =>
            a.opd === opd && Math.abs(a.publishedAt.getTime() - heldAt.getTime()) < 12 * 86_400_000,
        );
        if (output) await addDemoMeetingOutput(m, meetingId, output.id);
      }
    }
  }
}

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
function makeEvents(rand: () => number, opds: Opd[], assets: Asset[]): Ev[] {
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

async function insertEvents(m: EntityManager, events: Ev[]): Promise<void> {
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

async function openAwardYear(
  m: EntityManager,
  adminId: string,
  assessorId: string,
  opds: Opd[],
): Promise<void> {
  await openDemoAwardYear(m, DEMO_YEAR, adminId);
  // Assessors have visited the leaders so far: relevance and impact scored, the rest provisional.
  const scored = opds.filter((o) => o.profile === 'unggul');
  for (const [i, opd] of scored.entries()) {
    for (const [aspect, base] of [
      ['relevansi', 70],
      ['manfaat', 65],
    ] as const)
      await addDemoAssessment(m, {
        year: DEMO_YEAR,
        opdId: opd.id,
        aspect,
        score: base + ((i * 7) % 25),
        justification:
          aspect === 'relevansi'
            ? `Tema komunitas ${opd.name} selaras dengan prioritas daerah dan didukung notula pertemuan.`
            : `Laporan penerapan menunjukkan perubahan layanan yang nyata di ${opd.name}.`,
        assessorId,
      });
  }
}
