/** Reference list of Jakarta provincial agencies (OPD); seeded when missing, never overwriting admin edits. */
export interface OpdSeed {
  /** Short upper-case code, A–Z and digits only, 2–16 chars, e.g. BPSDM. */
  readonly code: string;
  /** Official Indonesian name. */
  readonly name: string;
  /** Approximate number of ASN (civil servants); admins correct it later. */
  readonly headcount: number;
}

export const OPD_DIRECTORY: readonly OpdSeed[] = [
  { code: 'BAPENDA', name: 'Badan Pendapatan Daerah', headcount: 1950 },
  { code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah', headcount: 320 },
  { code: 'BINAMARGA', name: 'Dinas Bina Marga', headcount: 2100 },
  { code: 'BIRODIKMENTAL', name: 'Biro Pendidikan dan Mental Spiritual', headcount: 70 },
  { code: 'BIROEKKEU', name: 'Biro Perekonomian dan Keuangan', headcount: 95 },
  { code: 'BIROHUKUM', name: 'Biro Hukum', headcount: 110 },
  { code: 'BIROKESOS', name: 'Biro Kesejahteraan Sosial', headcount: 75 },
  { code: 'BIROKSD', name: 'Biro Kerja Sama Daerah', headcount: 65 },
  { code: 'BIROORTALA', name: 'Biro Organisasi dan Reformasi Birokrasi', headcount: 90 },
  { code: 'BIROPEM', name: 'Biro Pemerintahan', headcount: 100 },
  { code: 'BIROPLH', name: 'Biro Pembangunan dan Lingkungan Hidup', headcount: 80 },
  { code: 'BIROUAP', name: 'Biro Umum dan Administrasi Pimpinan', headcount: 150 },
  { code: 'BKD', name: 'Badan Kepegawaian Daerah', headcount: 260 },
  { code: 'BPAD', name: 'Badan Pengelola Aset Daerah', headcount: 420 },
  { code: 'BPBD', name: 'Badan Penanggulangan Bencana Daerah', headcount: 240 },
  { code: 'BPBUMD', name: 'Badan Pembinaan Badan Usaha Milik Daerah', headcount: 90 },
  { code: 'BPKD', name: 'Badan Pengelola Keuangan Daerah', headcount: 700 },
  { code: 'BPPBJ', name: 'Badan Pelayanan Pengadaan Barang/Jasa', headcount: 260 },
  { code: 'BPSDM', name: 'Badan Pengembangan Sumber Daya Manusia', headcount: 180 },
  { code: 'DCKTRP', name: 'Dinas Cipta Karya, Tata Ruang dan Pertanahan', headcount: 1300 },
  { code: 'DINKES', name: 'Dinas Kesehatan', headcount: 9500 },
  { code: 'DINSOS', name: 'Dinas Sosial', headcount: 1500 },
  { code: 'DISBUD', name: 'Dinas Kebudayaan', headcount: 650 },
  { code: 'DISDIK', name: 'Dinas Pendidikan', headcount: 28000 },
  { code: 'DISHUB', name: 'Dinas Perhubungan', headcount: 4200 },
  { code: 'DISKOMINFOTIK', name: 'Dinas Komunikasi, Informatika dan Statistik', headcount: 420 },
  { code: 'DISNAKERTRANSGI', name: 'Dinas Tenaga Kerja, Transmigrasi dan Energi', headcount: 650 },
  { code: 'DISPAREKRAF', name: 'Dinas Pariwisata dan Ekonomi Kreatif', headcount: 450 },
  { code: 'DISPORA', name: 'Dinas Pemuda dan Olahraga', headcount: 600 },
  { code: 'DISPUSIP', name: 'Dinas Perpustakaan dan Kearsipan', headcount: 380 },
  { code: 'DISTAMHUT', name: 'Dinas Pertamanan dan Hutan Kota', headcount: 1600 },
  { code: 'DKPKP', name: 'Dinas Ketahanan Pangan, Kelautan dan Pertanian', headcount: 1100 },
  { code: 'DLH', name: 'Dinas Lingkungan Hidup', headcount: 3800 },
  {
    code: 'DPMPTSP',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    headcount: 1700,
  },
  {
    code: 'DPPAPP',
    name: 'Dinas Pemberdayaan, Perlindungan Anak dan Pengendalian Penduduk',
    headcount: 520,
  },
  {
    code: 'DPPKUKM',
    name: 'Dinas Perindustrian, Perdagangan, Koperasi, Usaha Kecil dan Menengah',
    headcount: 750,
  },
  { code: 'DPRKP', name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman', headcount: 900 },
  { code: 'DSDA', name: 'Dinas Sumber Daya Air', headcount: 2400 },
  { code: 'DUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', headcount: 1300 },
  { code: 'GULKARMAT', name: 'Dinas Penanggulangan Kebakaran dan Penyelamatan', headcount: 4600 },
  { code: 'INSPEKTORAT', name: 'Inspektorat', headcount: 520 },
  { code: 'JAKBAR', name: 'Kota Administrasi Jakarta Barat', headcount: 3900 },
  { code: 'JAKPUS', name: 'Kota Administrasi Jakarta Pusat', headcount: 3600 },
  { code: 'JAKSEL', name: 'Kota Administrasi Jakarta Selatan', headcount: 4100 },
  { code: 'JAKTIM', name: 'Kota Administrasi Jakarta Timur', headcount: 4500 },
  { code: 'JAKUT', name: 'Kota Administrasi Jakarta Utara', headcount: 3500 },
  { code: 'KEPSERIBU', name: 'Kabupaten Administrasi Kepulauan Seribu', headcount: 850 },
  { code: 'KESBANGPOL', name: 'Badan Kesatuan Bangsa dan Politik', headcount: 150 },
  { code: 'SATPOLPP', name: 'Satuan Polisi Pamong Praja', headcount: 4800 },
  { code: 'SETDA', name: 'Sekretariat Daerah', headcount: 350 },
  { code: 'SETWAN', name: 'Sekretariat Dewan Perwakilan Rakyat Daerah', headcount: 280 },
];
