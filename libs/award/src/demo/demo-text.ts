import { pick } from '@lumbung/identity';

/** Demo content themes (Bahasa Indonesia), by OPD code; other OPD borrow one. */
export interface Theme {
  name: string;
  summary: string;
  tags: string[];
  titles: string[];
  meetings: string[];
}

const theme = (
  name: string,
  summary: string,
  tags: string[],
  titles: string[],
  meetings: string[],
): Theme => ({
  name,
  summary,
  tags,
  titles,
  meetings,
});

export const THEMES: Record<string, Theme> = {
  BPSDM: theme(
    'Manajemen Pengetahuan ASN',
    'Cara BPSDM merancang pembelajaran ASN berbasis pengalaman lapangan',
    ['pembelajaran', 'kompetensi', 'coaching'],
    [
      'Merancang pelatihan berbasis kasus',
      'Mentoring calon pejabat fungsional',
      'Evaluasi pasca pelatihan',
      'Coaching klinik untuk penyuluh',
    ],
    ['Berbagi praktik coaching', 'Kurasi aset pengetahuan', 'Bedah kasus pelatihan'],
  ),
  DINKES: theme(
    'Mutu Layanan Puskesmas',
    'Pengalaman puskesmas menurunkan waktu tunggu dan meningkatkan mutu layanan',
    ['puskesmas', 'antrean', 'mutu layanan'],
    [
      'Antrean daring puskesmas kecamatan',
      'Penanganan lonjakan kasus DBD',
      'Skrining stunting terpadu',
      'Rujukan balik pasien kronis',
    ],
    ['Evaluasi antrean puskesmas', 'Pembelajaran kasus DBD', 'Koordinasi rujukan'],
  ),
  DISHUB: theme(
    'Manajemen Lalu Lintas',
    'Pengalaman mengatur arus lalu lintas pada acara besar dan jam sibuk',
    ['lalu lintas', 'transportasi', 'parkir'],
    ['Rekayasa lalu lintas acara besar', 'Penertiban parkir liar', 'Integrasi halte dan angkutan'],
    ['Kaji ulang rekayasa lalu lintas', 'Berbagi data kepadatan'],
  ),
  DISDIK: theme(
    'Pembelajaran di Sekolah',
    'Praktik guru dan pengawas dalam pemulihan pembelajaran',
    ['sekolah', 'guru', 'kurikulum'],
    [
      'Asesmen diagnostik awal semester',
      'Pendampingan guru penggerak',
      'Penanganan anak putus sekolah',
    ],
    ['Lokakarya asesmen', 'Berbagi praktik mengajar'],
  ),
  BPBD: theme(
    'Kesiapsiagaan Bencana',
    'Pelajaran dari penanganan banjir dan kesiapsiagaan warga',
    ['banjir', 'evakuasi', 'kesiapsiagaan'],
    ['Evakuasi warga saat banjir', 'Simulasi kebencanaan di sekolah', 'Posko logistik terpadu'],
    ['Kaji cepat pasca banjir', 'Latihan gladi posko'],
  ),
  BKD: theme(
    'Manajemen ASN',
    'Pengalaman mengelola mutasi, kenaikan pangkat, dan penilaian kinerja ASN',
    ['kepegawaian', 'kinerja', 'mutasi'],
    [
      'Percepatan kenaikan pangkat',
      'Penilaian kinerja berbasis sasaran',
      'Serah terima pengetahuan saat mutasi',
    ],
    ['Diskusi penilaian kinerja', 'Berbagi pengalaman mutasi'],
  ),
  DUKCAPIL: theme(
    'Layanan Adminduk',
    'Praktik mempercepat layanan dokumen kependudukan',
    ['adminduk', 'KTP', 'layanan'],
    ['Layanan jemput bola KTP elektronik', 'Verifikasi data ganda', 'Akta kelahiran terintegrasi'],
    ['Evaluasi layanan keliling', 'Penyelesaian data ganda'],
  ),
  DLH: theme(
    'Pengelolaan Sampah',
    'Pengalaman menurunkan timbunan sampah dari sumbernya',
    ['sampah', 'bank sampah', 'lingkungan'],
    ['Bank sampah tingkat RW', 'Pemilahan sampah di pasar', 'Pengawasan pembuangan limbah'],
    ['Berbagi praktik bank sampah', 'Evaluasi pemilahan'],
  ),
  BAPPEDA: theme(
    'Perencanaan Pembangunan',
    'Cara menyusun rencana kerja yang berbasis data dan aspirasi warga',
    ['perencanaan', 'RKPD', 'musrenbang'],
    ['Musrenbang berbasis data', 'Penyusunan indikator kinerja', 'Sinkronisasi RKPD dan anggaran'],
    ['Bedah indikator kinerja', 'Refleksi musrenbang'],
  ),
  BPKD: theme(
    'Pengelolaan Keuangan Daerah',
    'Pengalaman menyusun anggaran dan laporan keuangan yang tepat waktu',
    ['anggaran', 'RKA', 'laporan keuangan'],
    ['Penyusunan RKA yang tepat waktu', 'Rekonsiliasi kas bulanan', 'Tindak lanjut temuan audit'],
    ['Klinik penyusunan RKA', 'Berbagi praktik rekonsiliasi'],
  ),
};

/** A plausible paragraph for one template section. */
export function sentence(rand: () => number, t: Theme, label: string): string {
  const openers = [
    'Berdasarkan pengalaman tim selama satu tahun,',
    'Dari pelaksanaan di lapangan,',
    'Setelah beberapa kali uji coba,',
    'Menurut catatan rapat koordinasi,',
  ];
  const endings = [
    'hal ini perlu dicatat agar tidak hilang ketika pegawai berganti tugas.',
    'langkah ini terbukti mempercepat layanan dan mudah direplikasi OPD lain.',
    'tim menyarankan penerus untuk memulai dari data yang sudah ada.',
    'koordinasi lintas bidang menjadi kunci keberhasilannya.',
  ];
  return `${label}: ${pick(rand, openers)} ${t.summary.toLowerCase()}; ${pick(rand, t.tags)} menjadi perhatian utama, dan ${pick(rand, endings)}`;
}

export function storyOf(rand: () => number, type: string): string {
  const stories = [
    'Kami menerapkan langkah-langkah pada aset ini di unit kami dan waktu layanan turun hampir setengahnya.',
    'Templat dan daftar periksa dari aset ini kami pakai untuk menyusun SOP baru di bidang kami.',
    'Pelajaran dari aset ini membantu tim kami menghindari kesalahan yang sama pada kegiatan tahun ini.',
    'Kami mereplikasi inovasi ini di kecamatan lain dengan penyesuaian kecil pada alur kerja.',
  ];
  return `${pick(rand, stories)} (${type.replace(/_/g, ' ')})`;
}
