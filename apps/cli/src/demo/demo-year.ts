// The demo year `npm start` seeds. seedDemoYear calls the parts in the order their random draws
// were always made (the demo data depends on it); each part lives in a file named after what it
// generates: demo-staff, demo-assets, demo-attachments, demo-meetings, demo-usage.
import type { EntityManager } from 'typeorm';
import { type BlobStorage, insertAppMeta, readAppMeta } from '@lumbung/platform';
import { demoOpds, demoPersonByEmail, prng } from '@lumbung/identity';
import { recordCurrentRevisions, touchSearch } from '@lumbung/knowledge';
import { addDemoAssessment, openDemoAwardYear } from '@lumbung/award';
import { DEMO_YEAR, type Profile, type Opd } from './demo-year-model';
import { addStaff, ensureCops } from './demo-staff';
import { addAssets, addSubmissions } from './demo-assets';
import { addAttachments } from './demo-attachments';
import { addMeetings } from './demo-meetings';
import { makeEvents, addEngagement, insertEvents } from './demo-usage';

export { DEMO_USAGE_RANGE, DEMO_YEAR } from './demo-year-model';

const MARKER = 'demo_seed_year_2025';

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
