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
  /** What to write here, in a sentence or two (shown under the field while writing). */
  guidance: LocalizedText;
  required: boolean;
  /** `user`: filled by a user reference (the interviewed expert), not by text. */
  kind: 'text' | 'user';
}

export interface AssetTypeTemplate {
  type: AssetType;
  label: LocalizedText;
  /** What the type is for, in plain words (shown when choosing a type). */
  description: LocalizedText;
  sections: readonly SectionTemplate[];
  /** The type needs at least one attachment (counted in completeness and checked on submit). */
  requiresAttachment: boolean;
}

const text = (
  key: string,
  label: LocalizedText,
  guidance: LocalizedText,
  required = true,
): SectionTemplate => ({ key, label, guidance, required, kind: 'text' });

/** The templates: the sections each type asks its authors to fill. */
export const ASSET_TYPE_TEMPLATES: readonly AssetTypeTemplate[] = [
  {
    type: 'praktik_baik',
    label: { id: 'Praktik Baik', en: 'Best practice' },
    description: {
      id: 'Cara kerja yang terbukti berhasil dan layak ditiru unit lain.',
      en: 'A way of working that proved itself and is worth copying.',
    },
    requiresAttachment: false,
    sections: [
      text(
        'latar_belakang',
        { id: 'Latar belakang', en: 'Background' },
        {
          id: 'Masalah atau kebutuhan apa yang mendorong praktik ini? Ceritakan keadaan sebelum ada perubahan.',
          en: 'What problem or need led to this practice? Describe the situation before the change.',
        },
      ),
      text(
        'langkah',
        { id: 'Langkah yang dilakukan', en: 'Steps taken' },
        {
          id: 'Apa saja yang dilakukan, berurutan, dan siapa yang terlibat?',
          en: 'What was done, in order, and who was involved?',
        },
      ),
      text(
        'hasil',
        // Not just "Hasil", which "Faktor kunci keberhasilan" contains.
        { id: 'Hasil yang dicapai', en: 'Results' },
        {
          id: 'Apa yang berubah? Sertakan angka bila ada (waktu layanan, biaya, kepuasan).',
          en: 'What changed? Include figures where you have them (service time, cost, satisfaction).',
        },
      ),
      text(
        'faktor_kunci',
        { id: 'Faktor kunci keberhasilan', en: 'Key success factors' },
        {
          id: 'Apa yang paling menentukan keberhasilannya?',
          en: 'What mattered most for its success?',
        },
      ),
      text(
        'cara_mereplikasi',
        { id: 'Cara mereplikasi', en: 'How to replicate' },
        {
          id: 'Bagaimana unit lain dapat menerapkannya? Apa yang perlu disiapkan?',
          en: 'How can another unit apply it? What must they prepare?',
        },
      ),
    ],
  },
  {
    type: 'pelajaran',
    label: { id: 'Pelajaran', en: 'Lesson learned' },
    description: {
      id: 'Tinjauan setelah kegiatan (after action review): apa yang direncanakan, apa yang terjadi, dan apa yang dipelajari.',
      en: 'An after-action review: what was planned, what happened and what was learned.',
    },
    requiresAttachment: false,
    sections: [
      text(
        'rencana',
        { id: 'Apa yang direncanakan', en: 'What was planned' },
        {
          id: 'Apa tujuan dan rencana awal kegiatan ini?',
          en: 'What were the goal and the original plan?',
        },
      ),
      text(
        'yang_terjadi',
        { id: 'Apa yang terjadi', en: 'What happened' },
        {
          id: 'Apa yang sebenarnya terjadi? Tuliskan faktanya, bukan penilaian.',
          en: 'What actually happened? Write the facts, not judgements.',
        },
      ),
      text(
        'mengapa_berbeda',
        { id: 'Mengapa berbeda', en: 'Why it differed' },
        {
          id: 'Mengapa hasilnya berbeda dari rencana? Apa penyebab utamanya?',
          en: 'Why did the outcome differ from the plan? What were the main causes?',
        },
      ),
      text(
        'lain_kali',
        { id: 'Apa yang dilakukan lain kali', en: 'What to do next time' },
        {
          id: 'Apa yang akan dipertahankan dan apa yang akan diubah lain kali?',
          en: 'What would you keep, and what would you change next time?',
        },
      ),
    ],
  },
  {
    type: 'panduan',
    label: { id: 'Panduan', en: 'How-to guide' },
    description: {
      id: 'Penjelasan langkah demi langkah untuk menyelesaikan suatu pekerjaan atau menjalankan SOP.',
      en: 'A step-by-step explanation of how to get a task done or follow an SOP.',
    },
    requiresAttachment: false,
    sections: [
      text(
        'tujuan',
        { id: 'Tujuan', en: 'Purpose' },
        {
          id: 'Untuk apa panduan ini dan siapa pembacanya?',
          en: 'What is this guide for, and who is it for?',
        },
      ),
      text(
        'prasyarat',
        { id: 'Prasyarat', en: 'Prerequisites' },
        {
          id: 'Apa yang perlu disiapkan sebelum mulai (dokumen, akses, aplikasi)?',
          en: 'What is needed before starting (documents, access, applications)?',
        },
      ),
      text(
        'langkah_langkah',
        { id: 'Langkah-langkah', en: 'Steps' },
        {
          id: 'Tuliskan langkahnya secara berurutan, satu tindakan per langkah.',
          en: 'List the steps in order, one action per step.',
        },
      ),
      text(
        'kesalahan_umum',
        { id: 'Kesalahan umum', en: 'Common mistakes' },
        {
          id: 'Kesalahan apa yang sering terjadi dan bagaimana menghindarinya?',
          en: 'Which mistakes are common, and how to avoid them?',
        },
      ),
      text(
        'rujukan',
        { id: 'Rujukan', en: 'References' },
        {
          id: 'Peraturan, SOP, atau tautan yang menjadi dasar panduan ini.',
          en: 'Regulations, SOPs or links this guide is based on.',
        },
        false,
      ),
    ],
  },
  {
    type: 'wawancara_pengetahuan',
    label: { id: 'Wawancara Pengetahuan', en: 'Knowledge interview' },
    description: {
      id: 'Wawancara dengan ASN berpengalaman untuk menyimpan pengetahuannya sebelum ia pindah tugas atau pensiun.',
      en: 'An interview with an experienced ASN, to keep what they know before they move on or retire.',
    },
    requiresAttachment: false,
    sections: [
      {
        key: 'narasumber',
        label: { id: 'Narasumber', en: 'Interviewed expert' },
        guidance: {
          id: 'ASN yang diwawancarai. Cari dengan nama atau NIP.',
          en: 'The ASN interviewed. Search by name or NIP.',
        },
        required: true,
        kind: 'user',
      },
      text(
        'topik',
        { id: 'Topik', en: 'Topic' },
        {
          id: 'Bidang keahlian apa yang dibahas?',
          en: 'Which area of expertise does it cover?',
        },
      ),
      text(
        'keputusan_kunci',
        { id: 'Keputusan kunci', en: 'Key decisions' },
        {
          id: 'Keputusan penting apa yang pernah diambil narasumber, dan apa alasannya?',
          en: 'Which important decisions did the expert take, and why?',
        },
      ),
      text(
        'aturan_praktis',
        { id: 'Aturan praktis', en: 'Rules of thumb' },
        {
          id: 'Kebiasaan atau patokan yang dipakai narasumber dalam pekerjaan sehari-hari.',
          en: 'Habits and rules of thumb the expert relies on day to day.',
        },
      ),
      text(
        'jejaring_kontak',
        { id: 'Jejaring & kontak', en: 'Network & contacts' },
        {
          id: 'Siapa yang perlu dihubungi untuk urusan ini, di dalam maupun di luar OPD?',
          en: 'Who to contact about this, inside and outside the OPD?',
        },
      ),
      text(
        'jebakan',
        { id: 'Jebakan yang perlu dihindari', en: 'Pitfalls to avoid' },
        {
          id: 'Hal apa yang sering menjebak orang baru?',
          en: 'What tends to trip newcomers up?',
        },
      ),
      text(
        'saran_penerus',
        { id: 'Saran bagi penerus', en: 'Advice for successors' },
        {
          id: 'Pesan narasumber bagi yang akan meneruskan pekerjaannya.',
          en: 'The expert’s advice for whoever takes over.',
        },
      ),
    ],
  },
  {
    type: 'inovasi',
    label: { id: 'Inovasi', en: 'Service innovation' },
    description: {
      id: 'Perubahan cara memberikan layanan publik yang membawa hasil nyata.',
      en: 'A change in how a public service is delivered that brought real results.',
    },
    requiresAttachment: false,
    sections: [
      text(
        'masalah',
        { id: 'Masalah', en: 'Problem' },
        {
          id: 'Masalah layanan apa yang ingin diselesaikan? Siapa yang terdampak?',
          en: 'Which service problem did it set out to solve? Who was affected?',
        },
      ),
      text(
        'solusi',
        { id: 'Solusi', en: 'Solution' },
        {
          id: 'Apa inovasinya dan bagaimana cara kerjanya?',
          en: 'What is the innovation and how does it work?',
        },
      ),
      text(
        'dampak',
        { id: 'Dampak', en: 'Impact' },
        {
          id: 'Apa hasilnya bagi warga atau pegawai? Sertakan angka bila ada.',
          en: 'What did it change for residents or staff? Include figures where you have them.',
        },
      ),
      text(
        'sumber_daya',
        { id: 'Sumber daya', en: 'Resources' },
        {
          id: 'Biaya, orang, dan teknologi yang dibutuhkan.',
          en: 'The budget, people and technology it needs.',
        },
      ),
      text(
        'status_replikasi',
        { id: 'Status replikasi', en: 'Replication status' },
        {
          id: 'Apakah sudah ditiru unit atau daerah lain? Di mana?',
          en: 'Have other units or regions copied it? Where?',
        },
      ),
    ],
  },
  {
    type: 'dokumen',
    label: { id: 'Dokumen', en: 'Reference document' },
    description: {
      id: 'Dokumen rujukan seperti peraturan, SOP, atau laporan, dengan berkasnya sebagai lampiran.',
      en: 'A reference document such as a regulation, SOP or report, with its file attached.',
    },
    requiresAttachment: true,
    sections: [
      // Not "Ringkasan": that is the summary every asset has, and no field may share (or contain)
      // another's name.
      text(
        'ringkasan',
        { id: 'Pokok isi dokumen', en: 'Main points of the document' },
        {
          id: 'Ringkas isi dokumen dan kapan dokumen ini dipakai.',
          en: 'Summarise what the document says and when it applies.',
        },
      ),
    ],
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
