// Deterministic synthetic Indonesian knowledge assets and queries for the search benchmarks:
// mulberry32 PRNG, Zipf-ranked vocabulary (function words, government words, Jakarta places,
// affixed forms, numbers, a long tail of pseudo-words), 22 topic clusters (70% of title words, 30%
// of summary words, 12% of body words come from the topic). Bodies are 200–600 words. Lines have
// the shape of the JSON Lines import.

export function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TOPICS = [
  'banjir genangan drainase pompa sungai tanggul normalisasi waduk sedimentasi pengerukan sumur resapan',
  'stunting gizi posyandu imunisasi vaksinasi puskesmas kesehatan anak lansia rujukan',
  'perizinan izin usaha investasi penanaman modal pelayanan terpadu daring sertifikasi standar',
  'sampah daur ulang kompos pengolahan armada truk kebersihan lingkungan limbah biopori',
  'transportasi angkutan bus koridor halte stasiun integrasi tarif penumpang sepeda',
  'kemacetan ganjil genap rambu marka kamera tilang elektronik parkir ketertiban',
  'anggaran belanja pendapatan pajak retribusi realisasi akuntabilitas audit keuangan aset',
  'pendidikan sekolah guru siswa beasiswa literasi pelatihan kompetensi keterampilan',
  'bantuan sosial kemiskinan penerima manfaat subsidi verifikasi validasi kesejahteraan',
  'aplikasi sistem elektronik jaringan server keamanan siber interoperabilitas digital transformasi',
  'kependudukan pencatatan akta kelahiran kematian perkawinan identitas dokumen',
  'kebakaran pemadam penyelamatan bencana darurat mitigasi risiko evakuasi gedung',
  'pariwisata kebudayaan betawi museum cagar festival wisata hotel kuliner kreatif',
  'koperasi pelaku pasar harga inflasi komoditas beras minyak perdagangan',
  'kepegawaian aparatur mutasi promosi jabatan fungsional tunjangan gaji pensiun kinerja',
  'tata ruang kawasan permukiman perumahan bangunan taman hutan',
  'reformasi birokrasi transparansi integritas gratifikasi korupsi pencegahan inspektorat',
  'polusi emisi kualitas pemantauan sensor iklim adaptasi energi',
  'pengaduan keluhan warga kepuasan survei partisipasi kolaborasi inovasi',
  'perempuan perlindungan pemberdayaan pemuda olahraga disabilitas',
  'pesisir pulau kepulauan kelautan perikanan pelabuhan nelayan',
  'pengadaan lelang tender kontrak penyedia konstruksi infrastruktur jembatan trotoar',
].map((t) => t.split(/\s+/));

export const PLACES =
  'Menteng Gambir Senen Kemayoran Koja Cilincing Penjaringan Cilandak Jagakarsa Tebet Setiabudi Cengkareng Kalideres Tambora Cakung Jatinegara Matraman Ciracas Cipayung Sunter Ancol Marunda'.split(
    ' ',
  );

const FUNCTION =
  'yang dan di ke dari untuk dengan dalam pada ini itu adalah oleh sebagai akan telah tidak juga atau serta secara bagi agar sehingga karena dapat harus sudah masih antara terhadap melalui tersebut setiap para seluruh lebih hal bahwa maka namun yaitu tentang hingga sampai saat sejak guna kepada atas bawah baru lain beberapa banyak semua tahun bulan hari perlu masing bersama kami kita mereka sangat cukup paling hanya jika apabila ketika selama setelah sebelum kembali terus mulai tetap pun lagi begitu demikian misalnya termasuk berbagai sejumlah utama pertama kedua ketiga'.split(
    ' ',
  );
const GOVERNMENT =
  'pelayanan publik masyarakat pemerintah provinsi daerah kota administrasi kecamatan kelurahan dinas badan kantor pegawai sipil negara kebijakan program kegiatan kesehatan rumah sakit bersih air jalan lalu lintas umum kereta terminal perhubungan ekonomi mikro kecil menengah perindustrian ketahanan pangan pertanian peternakan data informasi komunikasi statistik teknologi internet layanan portal arsip perpustakaan pengetahuan pembangunan perencanaan evaluasi pengawasan laporan target indikator capaian strategis rencana kerja tahunan regulasi peraturan gubernur keputusan instruksi surat edaran pedoman petunjuk teknis pelaksanaan kajian penelitian analisis koordinasi sinergi implementasi sosialisasi edukasi tata kelola manajemen'.split(
    ' ',
  );
const PREFIXES = ['di', 'me', 'pe', 'ber', 'ter', 'ke'];
const SUFFIXES = ['nya', 'kan', 'an', 'i', 'lah'];
const SYLLABLES =
  'ba be bi bo bu da de di do du ga gi go gu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu wa wi ya yu ja ju ca ci'.split(
    ' ',
  );
const TITLE_HEAD = [
  'Pedoman',
  'Standar Operasional Prosedur',
  'Laporan',
  'Kajian',
  'Panduan',
  'Praktik Baik',
  'Evaluasi',
  'Rencana Aksi',
  'Petunjuk Teknis',
  'Analisis',
  'Materi Sosialisasi',
  'Notulensi Rapat Koordinasi',
];
// The app's asset types (wawancara_pengetahuan needs a narasumber, so it is left out), skewed.
const TYPES = [
  ['dokumen', 35],
  ['panduan', 25],
  ['praktik_baik', 20],
  ['pelajaran', 12],
  ['inovasi', 8],
];

function cdfOf(weights) {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((w) => (acc += w / total));
}

function searchCdf(cdf, u) {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (cdf[m] < u) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/**
 * A generator of `n` import lines. `opdCodes` are the app's OPD codes (51); OPD sizes are skewed
 * (weight ∝ 1/rank^0.8); visibility is 40% publik, 45% internal, 15% opd.
 */
export function* generateAssets(n, { seed = 42, opdCodes, prefix = 'bench' }) {
  const rnd = mulberry32(seed);
  const ri = (k) => Math.floor(rnd() * k);
  const pick = (a) => a[ri(a.length)];
  const shuffle = (a) => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = ri(i + 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  const topicWords = [...new Set(TOPICS.flat())];
  const derived = [];
  for (const r of topicWords) {
    if (rnd() < 0.5) derived.push(pick(PREFIXES) + r);
    if (rnd() < 0.5) derived.push(r + pick(SUFFIXES));
  }
  const pseudo = new Set();
  while (pseudo.size < 20_000) {
    let w = '';
    const syllables = 2 + ri(3);
    for (let s = 0; s < syllables; s++) w += pick(SYLLABLES);
    if (rnd() < 0.3) w += pick(['n', 'r', 'k', 'ng', 's', 't']);
    pseudo.add(w);
  }
  const numbers = Array.from({ length: 200 }, (_, i) => String(i + 1));
  const vocab = [
    ...new Set([
      ...FUNCTION,
      ...shuffle([...GOVERNMENT, ...topicWords]),
      ...shuffle(PLACES.map((p) => p.toLowerCase())),
      ...shuffle(derived),
      ...numbers,
      ...pseudo,
    ]),
  ];
  const zipf = cdfOf(vocab.map((_, i) => 1 / Math.pow(i + 1, 1.05)));
  const zipfWord = () => vocab[searchCdf(zipf, rnd())];
  const opdCdf = cdfOf(opdCodes.map((_, i) => 1 / Math.pow(i + 1, 0.8)));
  const typeCdf = cdfOf(TYPES.map((t) => t[1]));
  const words = (count, topic, topicShare) =>
    Array.from({ length: count }, () => (rnd() < topicShare ? pick(topic) : zipfWord()));
  const sentences = (ws) => {
    const out = [];
    for (let i = 0; i < ws.length;) {
      const len = 8 + ri(13);
      const chunk = ws.slice(i, i + len);
      i += len;
      chunk[0] = chunk[0][0].toUpperCase() + chunk[0].slice(1);
      out.push(`${chunk.join(' ')}.`);
    }
    return out.join(' ');
  };
  const start = Date.UTC(2019, 0, 1);
  const end = Date.UTC(2025, 10, 30);
  for (let i = 0; i < n; i++) {
    const t1 = ri(TOPICS.length);
    const t2 = rnd() < 0.4 ? ri(TOPICS.length) : t1;
    const topic = [...new Set([...TOPICS[t1], ...TOPICS[t2]])];
    const titleWords = [pick(TITLE_HEAD), ...words(3 + ri(5), topic, 0.7)];
    if (rnd() < 0.5) titleWords.push('di', `${pick(['Kelurahan', 'Kecamatan'])} ${pick(PLACES)}`);
    if (rnd() < 0.5) titleWords.push('Tahun', String(2019 + ri(7)));
    const title = titleWords.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
    const summary = sentences(words(30 + ri(31), topic, 0.3));
    const body = sentences(words(200 + ri(401), topic, 0.12));
    const tagPool = topic.filter((w) => w.length > 3);
    const tags = [...new Set(Array.from({ length: 2 + ri(3) }, () => pick(tagPool)))];
    const u = rnd();
    yield {
      externalId: `${prefix}-${i}`,
      type: TYPES[searchCdf(typeCdf, rnd())][0],
      title,
      summary,
      body,
      tags,
      opdCode: opdCodes[searchCdf(opdCdf, rnd())],
      visibility: u < 0.4 ? 'publik' : u < 0.85 ? 'internal' : 'opd',
      publishedAt: new Date(start + Math.floor(rnd() * (end - start))).toISOString(),
    };
  }
}

/** 1–3 word queries (a third each) from the topic clusters; 3-word ones may end in a place. */
export function makeQueries(n = 300, seed = 7) {
  const rnd = mulberry32(seed);
  const ri = (k) => Math.floor(rnd() * k);
  const pick = (a) => a[ri(a.length)];
  const out = [];
  for (let i = 0; i < n; i++) {
    const len = 1 + (i % 3);
    const t = pick(TOPICS);
    const ws = new Set();
    while (ws.size < len) {
      ws.add(len === 3 && ws.size === 2 && rnd() < 0.4 ? pick(PLACES).toLowerCase() : pick(t));
    }
    out.push([...ws].join(' '));
  }
  return out;
}
