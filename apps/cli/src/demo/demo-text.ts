import { pick } from '@lumbung/identity';
import type { AssetType } from '@lumbung/knowledge';
import type { Theme } from './demo-themes';

export { THEMES, type Theme } from './demo-themes';

/** What one demo asset is about: its OPD's theme and the topic (a title of that theme). */
export interface Topic {
  theme: Theme;
  /** The theme title the asset is about, as written in the theme. */
  subject: string;
  opdName: string;
}

/** "Penertiban parkir liar" → "penertiban parkir liar"; "PPDB zonasi…" stays as it is. */
export function lower(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

const fill = (rand: () => number, text: string, t: Topic): string =>
  text
    .replace(/\{s\}/g, lower(t.subject))
    .replace(/\{u\}/g, t.theme.unit)
    .replace(/\{p\}/g, t.theme.people)
    .replace(/\{S\}/g, t.subject)
    .replace(/\{n\}/g, lower(t.theme.name))
    .replace(/\{o\}/g, t.opdName)
    .replace(/\{tag\}/g, () => pick(rand, t.theme.tags))
    .replace(/\{k\}/g, () => String(2 + Math.floor(rand() * 9)))
    .replace(/\{pct\}/g, () => String(15 + Math.floor(rand() * 50)));

/** The title an asset of `type` gets for its topic (documents and guides read like what they are). */
export function titleFor(rand: () => number, type: AssetType, subject: string): string {
  const forms: Record<AssetType, string[]> = {
    praktik_baik: ['{S}', '{S}', 'Cara kami menjalankan {s}'],
    pelajaran: ['Pelajaran dari {s}', '{S}: yang tidak berjalan sesuai rencana', 'Evaluasi {s}'],
    panduan: ['Panduan {s}', 'Langkah-langkah {s}', '{S}: petunjuk praktis'],
    wawancara_pengetahuan: ['Belajar dari senior: {s}', 'Pengalaman panjang dalam {s}'],
    inovasi: ['{S}', 'Inovasi {s}'],
    dokumen: ['SOP {s}', 'Petunjuk teknis {s}', 'Standar pelayanan {s}', 'Pedoman {s}'],
  };
  return pick(rand, forms[type]).replace('{S}', subject).replace('{s}', lower(subject));
}

const SUMMARIES: Record<AssetType, string[]> = {
  praktik_baik: [
    'Cara {u} menjalankan {s} sehingga {p} terlayani lebih cepat, dan apa yang perlu disiapkan bila unit lain ingin menirunya.',
    'Kami menata ulang {s}. Hasilnya terasa dalam beberapa bulan: keluhan {p} berkurang dan pekerjaan petugas lebih tertib.',
    'Ringkasan praktik {s} yang sudah berjalan setahun di {u}, lengkap dengan angka sebelum dan sesudah.',
  ],
  pelajaran: [
    'Catatan tim setelah {s}: apa yang kami rencanakan, apa yang meleset di lapangan, dan apa yang kami ubah sesudahnya.',
    'Tidak semua berjalan mulus dalam {s}. Kami tulis agar tim berikutnya tidak mengulang kesalahan yang sama.',
    'Kaji ulang setelah kegiatan: {s} ternyata butuh koordinasi lebih awal daripada yang kami kira.',
  ],
  panduan: [
    'Langkah demi langkah {s}, dengan syarat yang harus disiapkan dan kesalahan yang paling sering terjadi.',
    'Panduan singkat untuk petugas baru di {u} yang harus menangani {s}.',
    'Urutan kerja {s} seperti yang kami jalankan sehari-hari, ditulis supaya bisa diikuti tanpa harus bertanya.',
  ],
  wawancara_pengetahuan: [
    'Wawancara dengan pegawai senior {u} tentang {s}: keputusan penting, aturan praktis, dan siapa yang perlu dihubungi.',
    'Pengetahuan yang selama ini hanya ada di kepala satu orang tentang {s}, direkam sebelum narasumber pindah tugas.',
  ],
  inovasi: [
    'Inovasi {o} untuk {s}: masalah yang mendorongnya, cara kerjanya, dan dampaknya bagi {p}.',
    'Kami mencoba cara baru dalam {s}. Setelah uji coba di beberapa lokasi, hasilnya cukup baik untuk diperluas.',
  ],
  dokumen: [
    'Dokumen acuan {s} yang dipakai {u}; berkas lengkapnya ada di lampiran.',
    'Naskah resmi tentang {s} beserta formulir dan alur kerjanya, terlampir sebagai berkas.',
    'Rujukan kerja untuk {s}. Lampiran memuat isi lengkap, tabel, dan daftar periksa.',
  ],
};

export function summaryFor(rand: () => number, type: AssetType, t: Topic): string {
  return fill(rand, pick(rand, SUMMARIES[type]), t);
}

/** Sentences per template section; one to three are used, so lengths vary. */
const SECTIONS: Record<string, string[]> = {
  latar_belakang: [
    'Sebelum ini, {s} dikerjakan dengan cara lama dan {p} sering harus datang lebih dari sekali.',
    'Keluhan yang masuk ke {u} sepanjang tahun lalu sebagian besar menyangkut {tag}.',
    'Pimpinan meminta agar waktu penyelesaian dipangkas tanpa menambah pegawai.',
    'Data kami menunjukkan sekitar {pct} persen pekerjaan tertunda karena berkas tidak lengkap.',
  ],
  langkah: [
    'Kami memetakan alur kerja bersama petugas lapangan dan membuang tahapan yang tidak perlu.',
    'Setiap pagi koordinator membagi tugas berdasarkan daftar yang diperbarui semalam sebelumnya.',
    'Formulir kertas diganti isian daring, dan petugas mendapat pelatihan singkat selama {k} hari.',
    'Kami menyepakati satu kanal koordinasi dengan bidang lain supaya permintaan tidak tercecer.',
  ],
  hasil: [
    'Dalam enam bulan waktu penyelesaian turun sekitar {pct} persen.',
    'Jumlah aduan {p} tentang {tag} berkurang nyata, dan petugas tidak lagi lembur setiap akhir bulan.',
    'Laporan bulanan kini bisa disusun dalam {k} hari, bukan dua minggu seperti sebelumnya.',
  ],
  faktor_kunci: [
    'Dukungan kepala unit sejak awal membuat perubahan ini diterima petugas.',
    'Data yang rapi dan diperbarui setiap hari menjadi dasar semua keputusan.',
    'Petugas lapangan dilibatkan sejak perencanaan, bukan hanya diberi instruksi.',
  ],
  cara_mereplikasi: [
    'Mulailah dari satu lokasi percontohan selama {k} minggu sebelum diperluas.',
    'Siapkan satu orang penanggung jawab data dan jadwalkan evaluasi singkat setiap bulan.',
    'Templat formulir dan daftar periksa kami dapat dipakai ulang dengan sedikit penyesuaian.',
  ],
  rencana: [
    'Rencananya {s} selesai dalam {k} minggu dengan melibatkan dua bidang.',
    'Kami menargetkan seluruh {p} di wilayah percontohan terlayani sebelum akhir triwulan.',
    'Anggaran dan jadwal sudah disetujui, dan pembagian tugas tertulis dalam surat tugas.',
  ],
  yang_terjadi: [
    'Di lapangan jadwal mundur karena data awal tidak sesuai kondisi sebenarnya.',
    'Koordinasi dengan unit lain baru berjalan setelah pertemuan ketiga.',
    'Sebagian petugas belum memahami alur baru sehingga pekerjaan sempat menumpuk.',
    'Cuaca dan agenda pimpinan yang berubah mendadak menggeser beberapa kegiatan.',
  ],
  mengapa_berbeda: [
    'Kami terlalu yakin pada data lama dan tidak memeriksa ulang ke lapangan.',
    'Peran tiap bidang tidak ditulis jelas sejak awal, sehingga masing-masing menunggu.',
    'Waktu sosialisasi kepada {p} terlalu singkat.',
  ],
  lain_kali: [
    'Lain kali kami akan memverifikasi data sebelum menyusun jadwal.',
    'Pertemuan koordinasi pertama harus dilakukan sebelum kegiatan dimulai, bukan sesudahnya.',
    'Kami akan menyiapkan petugas cadangan dan rencana jika kegiatan tertunda.',
  ],
  tujuan: [
    'Panduan ini membantu petugas {u} menyelesaikan {s} dengan benar sejak percobaan pertama.',
    'Tujuannya agar setiap petugas, termasuk pegawai baru, bekerja dengan urutan yang sama.',
  ],
  prasyarat: [
    'Siapkan akun aplikasi, daftar {p} yang akan dilayani, dan surat tugas dari kepala unit.',
    'Petugas perlu memahami ketentuan tentang {tag} dan memiliki akses ke data terbaru.',
  ],
  langkah_langkah: [
    '1. Periksa kelengkapan berkas. 2. Catat permohonan di aplikasi. 3. Lakukan verifikasi lapangan bila perlu. 4. Sampaikan hasil kepada {p} paling lambat {k} hari kerja.',
    '1. Terima permintaan dan beri nomor antrean. 2. Teruskan ke petugas teknis. 3. Kendalikan mutu sebelum hasil diserahkan. 4. Arsipkan dokumen.',
  ],
  kesalahan_umum: [
    'Berkas diterima tanpa diperiksa, lalu dikembalikan setelah beberapa hari.',
    'Data tidak diperbarui setelah pekerjaan selesai, sehingga laporan bulanan keliru.',
    'Petugas lupa memberi kabar kepada {p} ketika ada keterlambatan.',
  ],
  rujukan: [
    'Peraturan Gubernur yang berlaku tentang {n} dan SOP internal {u}.',
    'Standar pelayanan {o} dan surat edaran kepala OPD tahun 2024.',
  ],
  topik: [
    'Pengalaman narasumber selama lebih dari {k} tahun menangani {s}.',
    'Cara kerja {u} dalam {s}, terutama pada situasi yang tidak tertulis di SOP.',
  ],
  keputusan_kunci: [
    'Narasumber memutuskan untuk memprioritaskan {p} yang paling terdampak, meski berarti menunda pekerjaan lain.',
    'Ia memilih membagi wilayah kerja menjadi beberapa tim kecil agar keputusan bisa diambil di lapangan.',
  ],
  aturan_praktis: [
    'Jangan menunggu semua data lengkap; mulai dari yang ada lalu perbaiki sambil jalan.',
    'Selalu hubungi ketua RT atau pengurus setempat sebelum turun ke lapangan.',
    'Catat setiap kejadian di hari yang sama, karena besoknya detailnya sudah terlupa.',
  ],
  jejaring_kontak: [
    'Kontak penting ada di bidang teknis, kecamatan, dan mitra di luar pemerintah daerah.',
    'Narasumber menyebut beberapa koordinator wilayah yang paling cepat merespons.',
  ],
  jebakan: [
    'Jangan menjanjikan waktu penyelesaian kepada {p} sebelum verifikasi selesai.',
    'Hati-hati dengan data ganda yang sering muncul pada akhir tahun anggaran.',
  ],
  saran_penerus: [
    'Luangkan waktu bulan pertama untuk berkenalan dengan petugas lapangan.',
    'Pelajari arsip kegiatan tiga tahun terakhir sebelum mengubah apa pun.',
  ],
  masalah: [
    '{S} selama ini lambat dan sulit dipantau, sehingga {p} tidak tahu sampai mana urusannya.',
    'Petugas {u} kewalahan karena permintaan naik sekitar {pct} persen dalam dua tahun.',
  ],
  solusi: [
    'Kami membuat alur baru yang memadukan formulir daring, jadwal petugas, dan pemantauan harian.',
    'Tim menyiapkan dasbor sederhana sehingga pimpinan dan petugas melihat data yang sama.',
  ],
  dampak: [
    'Waktu layanan turun sekitar {pct} persen, dan {p} dapat memantau statusnya sendiri.',
    'Beban kerja petugas lebih merata dan laporan tersedia setiap minggu.',
  ],
  sumber_daya: [
    'Dua petugas data, satu koordinator, dan aplikasi yang sudah dimiliki pemerintah daerah; tidak ada anggaran tambahan.',
    'Biaya terbesar adalah pelatihan petugas selama {k} hari.',
  ],
  status_replikasi: [
    'Sudah diterapkan di {k} lokasi dan sedang dipelajari oleh unit lain.',
    'Masih uji coba; replikasi direncanakan tahun depan setelah evaluasi.',
  ],
  ringkasan: [
    'Dokumen ini mengatur {s} di lingkungan {o}.',
    'Isinya meliputi ruang lingkup, pihak yang terlibat, alur kerja, dan formulir yang dipakai.',
    'Berlaku sejak ditetapkan dan ditinjau kembali setiap tahun.',
  ],
};

/** A section's text: one to three sentences from its pool, in order. */
export function sectionText(rand: () => number, key: string, t: Topic): string {
  const pool = SECTIONS[key] ?? SECTIONS.ringkasan;
  const count = 1 + Math.floor(rand() * Math.min(3, pool.length));
  const start = Math.floor(rand() * pool.length);
  const chosen = Array.from({ length: count }, (_, i) => pool[(start + i) % pool.length]);
  return chosen
    .map((s) => fill(rand, s, t))
    .map((s) => s[0].toUpperCase() + s.slice(1))
    .join(' ');
}

/** Minutes of a CoP meeting about one of the theme's meeting topics. */
export function minutesFor(rand: () => number, topic: string, t: Topic): string {
  const points = [
    `Peserta membahas ${lower(topic)} dan pengalaman masing-masing unit.`,
    fill(rand, 'Koordinator {u} memaparkan data terbaru tentang {tag}.', t),
    'Disepakati pembagian tugas untuk bulan depan dan siapa yang menyusun laporannya.',
    fill(rand, 'Satu praktik dari peserta akan ditulis sebagai aset pengetahuan.', t),
    'Kendala yang belum selesai dicatat untuk dibahas pada pertemuan berikutnya.',
  ];
  const n = 2 + Math.floor(rand() * 3);
  return points
    .slice(0, n)
    .map((p) => `- ${p}`)
    .join('\n');
}

/** A reuse report: how a reader applied an asset (one draw). */
export function storyOf(rand: () => number, type: string): string {
  const stories: Record<string, string> = {
    praktik_baik:
      'Kami menerapkan langkah-langkah ini di unit kami; waktu layanan turun hampir setengahnya.',
    pelajaran:
      'Pelajaran ini membantu tim kami menghindari kesalahan yang sama pada kegiatan tahun ini.',
    panduan: 'Urutan kerja dari panduan ini kami pakai untuk menyusun SOP baru di bidang kami.',
    wawancara_pengetahuan:
      'Saran narasumber kami pakai saat menyiapkan serah terima tugas di seksi kami.',
    inovasi:
      'Kami mereplikasi inovasi ini di kecamatan lain dengan penyesuaian kecil pada alur kerja.',
    dokumen:
      'Formulir dan daftar periksa di lampiran kami pakai langsung dalam pekerjaan sehari-hari.',
  };
  const closing = [
    '',
    ' Terima kasih untuk timnya.',
    ' Petugas kami juga lebih percaya diri.',
    ' Kami akan melaporkan hasilnya bulan depan.',
  ];
  return `${stories[type] ?? stories.praktik_baik}${pick(rand, closing)}`;
}
