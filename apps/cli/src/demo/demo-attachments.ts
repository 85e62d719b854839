// The demo year's files: generated documents stored as uploads are, and the completeness they
// bring their assets.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { EntityManager } from 'typeorm';
import { type BlobStorage, JobsService, QUEUES } from '@lumbung/platform';
import {
  ASSET_TYPE_TEMPLATES,
  addDemoAttachment,
  computeCompleteness,
  demoAttachmentCounts,
  setDemoCompleteness,
  sniffFile,
} from '@lumbung/knowledge';
import { type DemoDocument, type DemoFileKind, renderDemoFile } from './demo-files';
import { lower } from './demo-text';
import { type Asset } from './demo-year-model';

/** Completeness as the API computes it, once the files are attached. */
export async function scoreCompleteness(m: EntityManager, assets: Asset[]): Promise<void> {
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
export async function attachFile(
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

export async function addAttachments(
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
