import type { EntityManager } from 'typeorm';
import { addMonths, insertAppMeta, readAppMeta, wibDay } from '@lumbung/platform';
import {
  deactivateDemoPerson,
  demoNipTaken,
  demoOpdsWithStaff,
  demoPersonByEmail,
  isNipInfo,
  type JabatanCategory,
  parseNip,
  pick,
  planDemoTransfer,
  prng,
  setDemoNip,
} from '@lumbung/identity';
import {
  addDemoInterview,
  computeCompleteness,
  demoEvidenceCounts,
  recordCurrentRevisions,
  touchSearch,
} from '@lumbung/knowledge';
import {
  addDemoPlan,
  addDemoPlanEvent,
  BUP_YEARS,
  declareDemoExpertise,
  overrideDemoCriticality,
  type PlanState,
  statutoryRetirement,
} from '@lumbung/risk';

const MARKER = 'demo_seed_risk';

/** Topics only one person in the OPD holds (tacit, undocumented): what the register is for. */
const EXPERT_TOPICS: Record<string, string[]> = {
  BPSDM: [
    'kurikulum-kepemimpinan',
    'penilaian-kompetensi-manajerial',
    'coaching-pejabat-fungsional',
    'akreditasi-lembaga-diklat',
    'rancangan-e-learning',
    'evaluasi-pasca-diklat',
  ],
  DINKES: [
    'surveilans-dbd',
    'rujukan-pasien-kronis',
    'akreditasi-puskesmas',
    'logistik-vaksin',
    'sistem-informasi-puskesmas',
    'klaim-bpjs-kesehatan',
  ],
};
const GENERAL_TOPICS = [
  'pengadaan-barang-jasa',
  'penyusunan-anggaran',
  'arsip-inaktif',
  'aplikasi-kepegawaian-lama',
  'hibah-bansos',
  'rekonsiliasi-aset',
  'pemeriksaan-bpk',
  'sengketa-lahan',
  'perizinan-bangunan',
  'sistem-informasi-geografis',
  'penanganan-pengaduan',
  'standar-pelayanan',
  'kontrak-payung',
  'jaringan-kelurahan',
];

/** Months from today to each retiring person's departure (before a jitter of 0–2). */
const MONTHS_AHEAD = [2, 8, 15, 28];

interface Staff {
  id: string;
  name: string;
  sex: string;
  kategori: JabatanCategory;
  birthDate: string;
  /** Generated staff (not a demo login): the ones who may be made to retire. */
  generated: boolean;
}

interface Opd {
  id: string;
  code: string;
  /** Active staff, those with the least evidence (assets written or given as narasumber) first. */
  staff: Staff[];
  adminId: string;
}

/** Nobody but the chosen few retires within this many months of the day the demo is seeded. */
const OTHERS_STAY_MONTHS = 40;

interface Ctx {
  m: EntityManager;
  rand: () => number;
  today: string;
  systemAdmin: string;
  /** Plans seeded so far (their states rotate across OPD). */
  turn: number;
  /** Experts retired in 2025 so far (every other one was interviewed in time). */
  retired: number;
}

/** The demo logins' OPDs show every state; the others take turns. */
const FIXED_STATES: Record<string, (PlanState | 'overdue')[]> = {
  BPSDM: ['aset_terbit', 'direncanakan', 'diwawancarai'],
  DINKES: ['overdue', 'dibatalkan', 'direncanakan'],
};
const STATE_CYCLE: (PlanState | 'overdue')[] = [
  'aset_terbit',
  'direncanakan',
  'diwawancarai',
  'overdue',
  'dibatalkan',
];

function shuffled<T>(rand: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The demo register (issue #17): in every OPD a believable handful of people retire within the
 * next one to three years (their NIPs, and so their birth dates, are set relative to the day the
 * demo is seeded), a few are rotated out early (mutasi), the experts among them hold topics nobody
 * else in the OPD does, some criticalities are overridden with a reason, and their retention
 * plans stand in every state (one overdue). Leading OPD also had an expert retire in 2025, with
 * or without a published interview, so the demo award year's coverage has something to show.
 * Deterministic for a given day; seeded once (marked in app_meta).
 */
export async function seedDemoRisk(m: EntityManager, now: Date = new Date()): Promise<boolean> {
  if ((await readAppMeta(m, MARKER)) !== undefined) return false;
  const admin = await demoPersonByEmail(m, 'admin@lumbung.test');
  if (!admin) return false;
  const ctx: Ctx = {
    m,
    rand: prng(17),
    today: wibDay(now),
    systemAdmin: admin.id,
    turn: 0,
    retired: 0,
  };
  const opds = await loadOpds(ctx);
  let people = 0;
  for (const [index, opd] of opds.entries()) people += await seedOpd(ctx, opd, index);
  await insertAppMeta(m, MARKER, { people, seededOn: ctx.today });
  return true;
}

/** Every OPD with its staff, those with the least evidence first (then by email). */
async function loadOpds(ctx: Ctx): Promise<Opd[]> {
  const rows = await demoOpdsWithStaff(ctx.m);
  const evidence = await demoEvidenceCounts(
    ctx.m,
    rows.flatMap((r) => r.staff.map((p) => p.id)),
  );
  const count = (p: Staff): number => evidence.get(p.id) ?? 0;
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    // A stable sort: the staff come by email, so equal counts stay in email order.
    staff: [...r.staff].sort((a, b) => count(a) - count(b)),
    adminId: r.adminId ?? ctx.systemAdmin,
  }));
}

/**
 * One OPD: the generated staff who wrote least retire (they hold knowledge the portal has not
 * captured) and the one with most evidence interviews them. Two of the retiring hold topics
 * nobody else does (so they are high-risk); the third is known to the OPD admin better than the
 * evidence shows (criticality overridden); the fourth retires later with nothing rare. Everyone
 * else stays in post for years.
 */
async function seedOpd(ctx: Ctx, opd: Opd, index: number): Promise<number> {
  const generated = opd.staff.filter((p) => p.generated);
  if (generated.length < 3) return 0;
  const topics = [
    ...shuffled(ctx.rand, EXPERT_TOPICS[opd.code] ?? []),
    ...shuffled(ctx.rand, GENERAL_TOPICS),
  ];
  const interviewer = generated[generated.length - 1];
  const retiring = generated.slice(0, Math.min(4, Math.max(1, Math.floor(generated.length / 4))));
  for (const person of opd.staff) {
    if (!retiring.includes(person)) await keepInPost(ctx, person);
  }
  for (const [k, person] of retiring.entries()) {
    const months = MONTHS_AHEAD[k] + Math.floor(ctx.rand() * 3);
    await retireIn(ctx, person, addMonths(`${ctx.today.slice(0, 7)}-01`, months));
    if (k === 3) continue;
    const mine = topics.splice(0, k === 2 ? 2 : 3);
    await declare(ctx, opd, person, mine);
    if (k === 2) await override(ctx, opd, person, 4);
    await plan(ctx, opd, person, interviewer, mine, k);
  }
  let seeded = retiring.length;
  const rest = generated.slice(retiring.length, -1);
  if (index % 3 === 0 && rest.length > 0) {
    // Rotated out early: a planned departure (mutasi) overrides the BUP.
    const moving = rest[0];
    await planDemoTransfer(ctx.m, moving.id, addMonths(ctx.today, 4 + Math.floor(ctx.rand() * 3)));
    await declare(ctx, opd, moving, topics.splice(0, 2));
    seeded += 1;
  }
  const retiredBefore = opd.code in FIXED_STATES || index % 4 === 1;
  if (retiredBefore && rest.length > 1) {
    seeded += await retiredIn2025(ctx, opd, rest[1], topics, interviewer);
  }
  return seeded;
}

/** Moves a birth date later, whole years at a time, until the BUP is years away. */
async function keepInPost(ctx: Ctx, person: Staff): Promise<void> {
  const stay = addMonths(ctx.today, OTHERS_STAY_MONTHS);
  let birth = person.birthDate;
  while (statutoryRetirement(birth, person.kategori) < stay) {
    const year = Number(birth.slice(0, 4)) + 1;
    const day = birth.slice(5) === '02-29' ? '02-28' : birth.slice(5);
    birth = `${year}-${day}`;
  }
  if (birth !== person.birthDate) await setBirthDate(ctx, person, birth);
}

/** Gives the person a birth date that makes their BUP take effect on `departure`. */
async function retireIn(ctx: Ctx, person: Staff, departure: string): Promise<void> {
  const birthMonth = addMonths(departure, -1);
  const year = Number(birthMonth.slice(0, 4)) - BUP_YEARS[person.kategori];
  const day = String(1 + Math.floor(ctx.rand() * 28)).padStart(2, '0');
  await setBirthDate(ctx, person, `${year}-${birthMonth.slice(5, 7)}-${day}`);
}

/** A NIP holding this birth date (and so the birth date itself: the NIP decides it). */
async function setBirthDate(ctx: Ctx, person: Staff, birthDate: string): Promise<void> {
  const year = Number(birthDate.slice(0, 4));
  const appointedYear = Math.min(
    year + 23 + Math.floor(ctx.rand() * 5),
    Number(ctx.today.slice(0, 4)),
  );
  const appointed = `${appointedYear}${String(1 + Math.floor(ctx.rand() * 12)).padStart(2, '0')}`;
  for (let seq = 990; seq > 0; seq--) {
    const nip = `${birthDate.replace(/-/g, '')}${appointed}${person.sex === 'male' ? 1 : 2}${String(seq).padStart(3, '0')}`;
    const info = parseNip(nip, new Date(`${ctx.today}T00:00:00Z`));
    if (!isNipInfo(info)) throw new Error(`demo NIP ${nip} is invalid: ${info}`);
    if (await demoNipTaken(ctx.m, nip)) continue;
    await setDemoNip(ctx.m, person.id, nip, info.birthDate);
    person.birthDate = info.birthDate;
    return;
  }
}

async function declare(ctx: Ctx, opd: Opd, person: Staff, topics: string[]): Promise<void> {
  await declareDemoExpertise(ctx.m, person.id, topics, opd.adminId);
}

async function override(ctx: Ctx, opd: Opd, person: Staff, value: number): Promise<void> {
  await overrideDemoCriticality(ctx.m, {
    userId: person.id,
    value,
    reason:
      'Satu-satunya pegawai yang memegang kontak dan riwayat keputusan bidang ini sejak awal.',
    setBy: opd.adminId,
  });
}

/** The state of the k-th plan of the OPD: every state shows up in the demo. */
function stateFor(ctx: Ctx, opd: Opd, k: number): PlanState | 'overdue' {
  const fixed = FIXED_STATES[opd.code]?.[k];
  return fixed ?? STATE_CYCLE[ctx.turn++ % STATE_CYCLE.length];
}

async function plan(
  ctx: Ctx,
  opd: Opd,
  person: Staff,
  interviewer: Staff,
  topics: string[],
  k: number,
): Promise<void> {
  const state = stateFor(ctx, opd, k);
  const created = addMonths(ctx.today, -2);
  const target = state === 'overdue' ? addMonths(ctx.today, -1) : addMonths(ctx.today, 1);
  const asset =
    state === 'aset_terbit'
      ? await interviewAsset(ctx, opd, person, interviewer, topics, addMonths(ctx.today, -1))
      : null;
  const planId = await addDemoPlan(ctx.m, {
    userId: person.id,
    opdId: opd.id,
    interviewerId: interviewer.id,
    targetDate: target,
    notes: `Wawancara tentang ${topics.join(', ').replace(/-/g, ' ')}.`,
    state: state === 'overdue' ? 'direncanakan' : state,
    interviewedOn:
      state === 'diwawancarai' || state === 'aset_terbit' ? addMonths(ctx.today, -1) : null,
    assetId: asset?.id ?? null,
    assetPublishedAt: asset?.publishedAt ?? null,
    cancelReason:
      state === 'dibatalkan'
        ? 'Narasumber dipindahtugaskan lebih awal; dijadwalkan ulang oleh penggantinya.'
        : null,
    createdBy: opd.adminId,
    // 09:00 WIB on the day the plan was made; last changed now.
    createdAt: `${created}T09:00:00+07:00`,
    updatedAt: null,
  });
  await planEvents(ctx, planId, opd.adminId, state, asset?.id ?? null);
}

async function planEvents(
  ctx: Ctx,
  planId: string,
  adminId: string,
  state: PlanState | 'overdue',
  assetId: string | null,
): Promise<void> {
  const events: [string, string | null, string, string | null, string][] = [
    ['create', null, 'direncanakan', adminId, '60 days'],
  ];
  if (state === 'diwawancarai' || state === 'aset_terbit')
    events.push(['interviewed', 'direncanakan', 'diwawancarai', adminId, '30 days']);
  if (state === 'aset_terbit')
    events.push(['published', 'diwawancarai', 'aset_terbit', null, '29 days']);
  if (state === 'dibatalkan')
    events.push(['cancel', 'direncanakan', 'dibatalkan', adminId, '10 days']);
  for (const [action, from, to, actor, ago] of events)
    await addDemoPlanEvent(ctx.m, {
      planId,
      action,
      from,
      to,
      actorId: actor,
      details: assetId && action === 'published' ? { assetId } : {},
      ago,
    });
}

/** A published knowledge interview with the person as narasumber, tagged with their topics. */
async function interviewAsset(
  ctx: Ctx,
  opd: Opd,
  person: Staff,
  interviewer: Staff,
  topics: string[],
  publishedOn: string,
): Promise<{ id: string; publishedAt: string }> {
  const subject = topics[0].replace(/-/g, ' ');
  const sections = {
    topik: `Pengalaman ${person.name} menangani ${subject}.`,
    keputusan_kunci: `Keputusan penting yang pernah diambil dalam ${subject} dan alasannya.`,
    aturan_praktis: `Aturan praktis: ${pick(ctx.rand, ['cek ulang data sebelum rapat', 'libatkan kelurahan sejak awal', 'dokumentasikan setiap kesepakatan'])}.`,
    jejaring_kontak: 'Kontak kunci di OPD mitra dan kelurahan, beserta cara menghubunginya.',
    jebakan: 'Tenggat anggaran dan perubahan regulasi yang sering terlewat.',
    saran_penerus: 'Mulai dari arsip keputusan tiga tahun terakhir dan temui mitra utama.',
  };
  const publishedAt = `${publishedOn}T03:00:00.000Z`;
  const completeness = computeCompleteness({
    type: 'wawancara_pengetahuan',
    summary: 'x',
    sections,
    tags: topics,
    seciMode: 'eksternalisasi',
    narasumberId: person.id,
    attachmentCount: 0,
  }).score;
  const id = await addDemoInterview(ctx.m, {
    title: `${subject[0].toUpperCase()}${subject.slice(1)}: pengalaman ${person.name}`,
    summary: `Pengetahuan ${person.name} tentang ${subject} sebelum purnabakti, direkam untuk penerusnya.`,
    sections,
    tags: topics,
    opdId: opd.id,
    interviewerId: interviewer.id,
    narasumberId: person.id,
    completeness,
    publishedAt,
  });
  // Revision 1, as approval would have recorded it (GET /revisions lists it).
  await recordCurrentRevisions(ctx.m, [id]);
  await touchSearch(ctx.m, [id]);
  return { id, publishedAt };
}

/**
 * An expert who retired in 2025 (inactive now): every other one had their interview published
 * before leaving, so the demo year's coverage is neither empty nor full.
 */
async function retiredIn2025(
  ctx: Ctx,
  opd: Opd,
  person: Staff,
  topics: string[],
  interviewer: Staff,
): Promise<number> {
  const departure = `2025-${String(6 + Math.floor(ctx.rand() * 5)).padStart(2, '0')}-01`;
  await retireIn(ctx, person, departure);
  const mine = topics.splice(0, 3);
  if (mine.length === 0) return 0;
  await declare(ctx, opd, person, mine);
  // The demo logins' OPDs had theirs interviewed in time; elsewhere every other one.
  if (opd.code in FIXED_STATES || ctx.retired++ % 2 === 0) {
    const asset = await interviewAsset(
      ctx,
      opd,
      person,
      interviewer,
      mine,
      addMonths(departure, -2),
    );
    const planId = await addDemoPlan(ctx.m, {
      userId: person.id,
      opdId: opd.id,
      interviewerId: interviewer.id,
      targetDate: addMonths(departure, -3),
      notes: `Wawancara purnabakti tentang ${mine.join(', ').replace(/-/g, ' ')}.`,
      state: 'aset_terbit',
      interviewedOn: addMonths(departure, -3),
      assetId: asset.id,
      assetPublishedAt: asset.publishedAt,
      cancelReason: null,
      createdBy: opd.adminId,
      createdAt: `${addMonths(departure, -5)}T02:00:00Z`,
      // Last changed when its asset was published.
      updatedAt: asset.publishedAt,
    });
    await planEvents(ctx, planId, opd.adminId, 'aset_terbit', asset.id);
  }
  await deactivateDemoPerson(ctx.m, person.id);
  return 1;
}
