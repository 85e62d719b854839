import { type AssetTypeTemplate, text } from './type-template';

/* Templates of the types that record explicit knowledge: guides, innovations, reference documents. */

export const PANDUAN: AssetTypeTemplate = {
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
};

export const INOVASI: AssetTypeTemplate = {
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
};

export const DOKUMEN: AssetTypeTemplate = {
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
};
