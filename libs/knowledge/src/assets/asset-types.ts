import type { LocalizedText } from '@lumbung/platform';

export const ASSET_TYPES = [
  'praktik_baik',
  'pelajaran',
  'panduan',
  'wawancara_pengetahuan',
  'inovasi',
  'dokumen',
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export const VISIBILITIES = ['publik', 'internal', 'opd', 'cop'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const ASSET_STATUSES = ['draft', 'submitted', 'published', 'archived'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const SECI_MODES = ['sosialisasi', 'eksternalisasi', 'kombinasi', 'internalisasi'] as const;
export type SeciMode = (typeof SECI_MODES)[number];

/** Tacit-capture types (the award's "share of tacit types"). */
export const TACIT_TYPES: readonly AssetType[] = [
  'pelajaran',
  'wawancara_pengetahuan',
  'praktik_baik',
];

export interface SectionTemplate {
  key: string;
  label: LocalizedText;
  required: boolean;
  /** `user`: filled by a user reference (the interviewed expert), not by text. */
  kind: 'text' | 'user';
}

export interface AssetTypeTemplate {
  type: AssetType;
  label: LocalizedText;
  sections: readonly SectionTemplate[];
  /** The type needs at least one attachment (counted in completeness and checked on submit). */
  requiresAttachment: boolean;
}

const text = (key: string, id: string, en: string, required = true): SectionTemplate => ({
  key,
  label: { id, en },
  required,
  kind: 'text',
});

/** The templates of domain.md §3: the sections each type asks its authors to fill. */
export const ASSET_TYPE_TEMPLATES: readonly AssetTypeTemplate[] = [
  {
    type: 'praktik_baik',
    label: { id: 'Praktik Baik', en: 'Best practice' },
    requiresAttachment: false,
    sections: [
      text('latar_belakang', 'Latar belakang', 'Background'),
      text('langkah', 'Langkah yang dilakukan', 'Steps taken'),
      text('hasil', 'Hasil', 'Results'),
      text('faktor_kunci', 'Faktor kunci keberhasilan', 'Key success factors'),
      text('cara_mereplikasi', 'Cara mereplikasi', 'How to replicate'),
    ],
  },
  {
    type: 'pelajaran',
    label: { id: 'Pelajaran (After Action Review)', en: 'Lesson learned (after-action review)' },
    requiresAttachment: false,
    sections: [
      text('rencana', 'Apa yang direncanakan', 'What was planned'),
      text('yang_terjadi', 'Apa yang terjadi', 'What happened'),
      text('mengapa_berbeda', 'Mengapa berbeda', 'Why it differed'),
      text('lain_kali', 'Apa yang dilakukan lain kali', 'What to do next time'),
    ],
  },
  {
    type: 'panduan',
    label: { id: 'Panduan', en: 'How-to guide' },
    requiresAttachment: false,
    sections: [
      text('tujuan', 'Tujuan', 'Purpose'),
      text('prasyarat', 'Prasyarat', 'Prerequisites'),
      text('langkah_langkah', 'Langkah-langkah', 'Steps'),
      text('kesalahan_umum', 'Kesalahan umum', 'Common mistakes'),
      text('rujukan', 'Rujukan', 'References', false),
    ],
  },
  {
    type: 'wawancara_pengetahuan',
    label: { id: 'Wawancara Pengetahuan', en: 'Knowledge interview' },
    requiresAttachment: false,
    sections: [
      {
        key: 'narasumber',
        label: { id: 'Narasumber', en: 'Interviewed expert' },
        required: true,
        kind: 'user',
      },
      text('topik', 'Topik', 'Topic'),
      text('keputusan_kunci', 'Keputusan kunci', 'Key decisions'),
      text('aturan_praktis', 'Aturan praktis', 'Rules of thumb'),
      text('jejaring_kontak', 'Jejaring & kontak', 'Network & contacts'),
      text('jebakan', 'Jebakan yang perlu dihindari', 'Pitfalls to avoid'),
      text('saran_penerus', 'Saran bagi penerus', 'Advice for successors'),
    ],
  },
  {
    type: 'inovasi',
    label: { id: 'Inovasi', en: 'Service innovation' },
    requiresAttachment: false,
    sections: [
      text('masalah', 'Masalah', 'Problem'),
      text('solusi', 'Solusi', 'Solution'),
      text('dampak', 'Dampak', 'Impact'),
      text('sumber_daya', 'Sumber daya', 'Resources'),
      text('status_replikasi', 'Status replikasi', 'Replication status'),
    ],
  },
  {
    type: 'dokumen',
    label: { id: 'Dokumen', en: 'Reference document' },
    requiresAttachment: true,
    sections: [text('ringkasan', 'Ringkasan', 'Summary of the document')],
  },
];

const BY_TYPE = new Map(ASSET_TYPE_TEMPLATES.map((t) => [t.type, t]));

export function templateOf(type: AssetType): AssetTypeTemplate {
  return BY_TYPE.get(type)!;
}

/** Section keys that take text for this type (the `user` section is a field of its own). */
export function textSectionKeys(type: AssetType): string[] {
  return templateOf(type)
    .sections.filter((s) => s.kind === 'text')
    .map((s) => s.key);
}
