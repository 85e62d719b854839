// The demo year's knowledge assets: published ones through the year, and the submissions
// waiting for each demo verifier.
import type { EntityManager } from 'typeorm';
import { type BlobStorage } from '@lumbung/platform';
import { DEMO_OPDS, demoPersonByEmail, pick } from '@lumbung/identity';
import {
  ASSET_TYPE_TEMPLATES,
  type AssetType,
  addDemoAsset,
  normalizeTags,
} from '@lumbung/knowledge';
import { THEMES, type Topic, sectionText, summaryFor, titleFor } from './demo-text';
import { DEMO_YEAR, PROFILE_SHAPE, type Opd, type Asset, type Draft } from './demo-year-model';
import { scoreCompleteness, attachFile } from './demo-attachments';

/** Review due dates count from the day the demo is seeded: most ahead, a few already past. */
function reviewDue(text: () => number, overdue: boolean): string {
  const days = overdue ? -(5 + Math.floor(text() * 60)) : 45 + Math.floor(text() * 300);
  return new Date(Date.now() + days * 86_400_000).toISOString();
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

export async function addAssets(
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

/**
 * Work waiting for each demo verifier (BPSDM, DINKES): a few assets their colleagues submitted in
 * the last days, so the review queue shows what a verifier's day looks like.
 */
export async function addSubmissions(
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
