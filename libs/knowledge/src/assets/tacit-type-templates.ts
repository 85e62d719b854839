import { type AssetTypeTemplate, text } from './type-template';

/*
 * Templates of the tacit-capture types (TACIT_TYPES): experience put into words, by its holder
 * or in an interview.
 */

export const PRAKTIK_BAIK: AssetTypeTemplate = {
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
};

export const PELAJARAN: AssetTypeTemplate = {
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
};

export const WAWANCARA_PENGETAHUAN: AssetTypeTemplate = {
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
};
