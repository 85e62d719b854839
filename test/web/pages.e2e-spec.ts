import { UsageRollupService } from '@lumbung/metrics';
import {
  givenDeadJob,
  givenHighRiskPerson,
  givenPlan,
  givenUser,
  type GivenUser,
  insertUsageEvents,
  LESSON_SECTIONS,
  login,
  publishAsset,
  type Session,
} from '../support/factories';
import {
  DESKTOP,
  expectAccessible,
  openPortal,
  PHONE,
  type Portal,
  type PortalTab,
  navigateInApp,
  screenshot,
  startPortal,
  waitForPage,
} from './support/portal';

interface PageCase {
  /** Screenshot name. */
  name: string;
  path: string;
  heading: string | RegExp;
}

const HOME = 'Temukan dan bagikan pengetahuan ASN Jakarta';
const ASSET_TITLE = 'Pelajaran dari migrasi layanan perizinan ke aplikasi daring';
const OVERDUE_TITLE = 'Rapat koordinasi lintas OPD tanpa tatap muka';

describe('portal: every page is accessible and photographed at 1280 and 360 px', () => {
  let portal: Portal;
  let reader: { email: string; password: string };
  let asn: GivenUser;
  let assetId: string;
  let overdueId: string;
  let submittedId: string;
  let draftId: string;
  let copId: string;
  let meetingId: string;
  const tabs: PortalTab[] = [];

  beforeAll(async () => {
    portal = await startPortal();
    const http = () => portal.t.http();
    const ds = portal.t.ds;
    asn = await givenUser(ds, { name: 'Dewi Lestari' });
    const author = await login(http, asn);
    const verifier = await login(http, await givenUser(ds, { roles: ['verifier'] }));
    // Someone who sees every part of the navigation: a verifier of BPSDM who is also an admin.
    const everyone = await givenUser(ds, { roles: ['verifier', 'admin'], name: 'Rina Wijaya' });
    reader = everyone;
    // The register has someone leaving with a plan, and someone leaving without one.
    const leaving = await givenHighRiskPerson(ds, { name: 'Sri Arsiparis' });
    await givenPlan(ds, leaving, asn);
    await givenHighRiskPerson(ds, { name: 'Joko Pranata Komputer' });
    assetId = await publishAsset(http, author, verifier, {
      title: ASSET_TITLE,
      visibility: 'publik',
      summary: 'Apa yang kami pelajari saat memindahkan layanan perizinan ke aplikasi daring.',
      tags: ['Perizinan', 'Layanan Daring'],
      sections: {
        rencana: 'Semua izin usaha mikro diproses **daring** dalam tiga bulan.',
        yang_terjadi:
          'Antrean turun, tetapi:\n\n- panduan pemohon jarang dibaca\n- berkas sering kurang',
        mengapa_berbeda: 'Uji coba berjalan lima minggu, bukan dua.',
        lain_kali: 'Libatkan petugas loket sejak awal.',
      },
    });
    overdueId = await publishAsset(http, author, verifier, {
      title: OVERDUE_TITLE,
    });
    // Due for re-verification, and used this Triwulan (Beranda's "Paling banyak dipakai").
    await ds.query(`UPDATE assets SET review_due_at = now() - interval '15 days' WHERE id = $1`, [
      overdueId,
    ]);
    const readers = await Promise.all([1, 2, 3].map(() => givenUser(ds)));
    const justNow = [new Date(Date.now() - 60_000).toISOString()];
    await insertUsageEvents(ds, overdueId, readers, justNow);
    await insertUsageEvents(ds, assetId, readers.slice(0, 1), justNow);
    await portal.t.app.get(UsageRollupService).foldPending();
    const draft = async (who: Session, title: string) =>
      (
        await http()
          .post('/api/v1/assets')
          .set(who.auth)
          .send({ type: 'panduan', title })
          .expect(201)
      ).body.id as string;
    draftId = await draft(
      await login(http, everyone),
      'Panduan menyusun KAK pengadaan jasa konsultansi',
    );
    const submitted = await http()
      .post('/api/v1/assets')
      .set(author.auth)
      .send({
        type: 'pelajaran',
        title: 'Pelajaran dari layanan kesehatan bergerak',
        sections: LESSON_SECTIONS,
      })
      .expect(201);
    submittedId = submitted.body.id as string;
    await http().post(`/api/v1/assets/${submittedId}/submit`).set(author.auth).expect(200);
    // A draft sent back with a comment: Dewi sees it on Beranda and Profil saya.
    const returned = await http()
      .post('/api/v1/assets')
      .set(author.auth)
      .send({
        type: 'pelajaran',
        title: 'Pelajaran dari pelatihan daring',
        sections: LESSON_SECTIONS,
      })
      .expect(201);
    await http().post(`/api/v1/assets/${returned.body.id}/submit`).set(author.auth).expect(200);
    await http()
      .post(`/api/v1/assets/${returned.body.id}/reject`)
      .set(verifier.auth)
      .send({ comment: 'Lengkapi ringkasan dan tambahkan tag agar mudah ditemukan.' })
      .expect(200);
    // The award: 2025 open with one assessed aspect, 2024 finalised (its restatement shows).
    const admin = await login(http, everyone);
    for (const year of [2025, 2024])
      await http().post('/api/v1/awards').set(admin.auth).send({ year }).expect(201);
    const assessor = await login(http, await givenUser(ds, { roles: ['assessor'] }));
    await http()
      .put('/api/v1/awards/2025/assessments/BPSDM/relevansi')
      .set(assessor.auth)
      .send({ score: 85, justification: 'Tema CoP selaras dengan prioritas pengembangan ASN.' })
      .expect(200);
    await http().post('/api/v1/awards/2024/finalize').set(admin.auth).expect(200);
    // A CoP Rina leads, with a meeting Dewi attended and Dewi's request to join.
    const rina = await login(http, everyone);
    copId = (
      await http()
        .post('/api/v1/cops')
        .set(rina.auth)
        .send({
          name: 'Komunitas Arsiparis Digital',
          theme: 'Kearsipan digital',
          description: 'Para arsiparis berbagi cara alih media dan penyimpanan arsip elektronik.',
          leadIds: [everyone.id],
        })
        .expect(201)
    ).body.id as string;
    meetingId = (
      await http()
        .post(`/api/v1/cops/${copId}/meetings`)
        .set(rina.auth)
        .send({
          heldAt: '2025-02-03T09:30:00+07:00',
          mode: 'hibrida',
          topic: 'Berbagi praktik alih media arsip',
          agenda: 'Alih media arsip vital; jadwal retensi',
          minutes: 'Kami menyepakati **jadwal retensi** bersama.',
          durationMinutes: 90,
          guestCount: 2,
          seciMode: 'sosialisasi',
          attendeeIds: [asn.id],
        })
        .expect(201)
    ).body.id as string;
    await http().post(`/api/v1/cops/${copId}/join-requests`).set(author.auth).expect(201);
    // Published assets reach the search index.
    await portal.t.drainJobs();
    // Admin: a job that used up its attempts.
    await givenDeadJob(ds);
  });
  afterEach(async () => {
    for (const tab of tabs.splice(0)) {
      tab.expectNoProblems();
      await tab.close();
    }
  });
  afterAll(() => portal.close());

  const anonymousPages = (): PageCase[] => [
    { name: 'masuk', path: '/masuk', heading: 'Masuk ke Lumbung' },
    { name: 'beranda-anonim', path: '/', heading: HOME },
    { name: 'aset-anonim', path: `/aset/${assetId}`, heading: ASSET_TITLE },
    { name: 'cari-narasumber-anonim', path: '/cari?q=Dewi&tab=narasumber', heading: 'Cari' },
  ];
  const signedInPages = (): PageCase[] => [
    { name: 'beranda', path: '/', heading: HOME },
    { name: 'cari', path: '/cari?q=perizinan', heading: 'Cari' },
    // No result; the API suggests "aplikasi" (in the published lesson's title).
    { name: 'cari-kosong', path: '/cari?q=aplukasu', heading: 'Cari' },
    { name: 'cari-narasumber', path: '/cari?q=Dewi&tab=narasumber', heading: 'Cari' },
    { name: 'aset', path: `/aset/${assetId}`, heading: ASSET_TITLE },
    { name: 'aset-revisi', path: `/aset/${assetId}/revisi`, heading: 'Riwayat revisi' },
    { name: 'aset-tinjau-ulang', path: `/aset/${overdueId}`, heading: OVERDUE_TITLE },
    { name: 'tulis', path: '/tulis', heading: 'Tulis pengetahuan' },
    { name: 'aset-ubah', path: `/aset/${assetId}/ubah`, heading: 'Ubah aset' },
    { name: 'tulis-draf', path: `/aset/${draftId}/ubah`, heading: 'Ubah aset' },
    { name: 'tinjauan', path: '/tinjauan', heading: 'Antrean tinjauan' },
    {
      name: 'tinjauan-aset',
      path: `/tinjauan/${submittedId}`,
      heading: 'Pelajaran dari layanan kesehatan bergerak',
    },
    {
      name: 'tinjauan-lewat-tenggat',
      path: '/tinjauan?daftar=lewat-tenggat',
      heading: 'Antrean tinjauan',
    },
    { name: 'profil', path: '/profil', heading: 'Profil saya' },
    { name: 'notifikasi', path: '/notifikasi', heading: 'Notifikasi' },
    { name: 'komunitas', path: '/komunitas', heading: 'Komunitas' },
    { name: 'komunitas-cop', path: `/komunitas/${copId}`, heading: 'Komunitas Arsiparis Digital' },
    { name: 'catat-pertemuan', path: `/komunitas/${copId}/catat`, heading: 'Catat pertemuan' },
    {
      name: 'pertemuan',
      path: `/komunitas/pertemuan/${meetingId}`,
      heading: 'Berbagi praktik alih media arsip',
    },
    { name: 'dasbor', path: '/dasbor', heading: 'Dasbor OPD' },
    { name: 'penghargaan', path: '/penghargaan?tahun=2025', heading: 'Penghargaan KMA' },
    { name: 'penghargaan-final', path: '/penghargaan?tahun=2024', heading: 'Penghargaan KMA' },
    {
      name: 'penghargaan-opd',
      path: '/penghargaan/2025/opd/BPSDM',
      heading: 'Badan Pengembangan Sumber Daya Manusia · KMA 2025',
    },
    { name: 'penghargaan-anomali', path: '/penghargaan/2025/anomali', heading: 'Anomali 2025' },
    { name: 'admin-pengguna', path: '/admin', heading: 'Pengguna' },
    { name: 'admin-pengguna-satu', path: `/admin/pengguna/${asn.id}`, heading: 'Dewi Lestari' },
    { name: 'admin-impor', path: '/admin/impor', heading: 'Impor CSV' },
    { name: 'admin-opd', path: '/admin/opd', heading: 'Direktori OPD' },
    { name: 'admin-sinonim', path: '/admin/sinonim', heading: 'Sinonim' },
    { name: 'admin-wawasan', path: '/admin/wawasan', heading: 'Wawasan pencarian' },
    { name: 'admin-tugas', path: '/admin/tugas', heading: 'Tugas gagal' },
    { name: 'admin-audit', path: '/admin/audit', heading: 'Log audit' },
    { name: 'berisiko', path: '/berisiko', heading: 'Pengetahuan berisiko' },
    { name: 'keahlian', path: `/orang/${asn.id}`, heading: 'Keahlian Dewi Lestari' },
    { name: 'tidak-ditemukan', path: '/tidak-ada', heading: 'Halaman tidak ditemukan' },
  ];

  const visit = async (tab: PortalTab, pages: PageCase[]) => {
    for (const [i, p] of pages.entries()) {
      // The first page loads the app; the others are reached inside it, as a person would.
      if (i === 0) await tab.page.goto(p.path);
      else await navigateInApp(tab.page, p.path);
      await waitForPage(tab.page, p.heading);
      await expectAccessible(tab.page);
      await screenshot(tab.page, p.name);
      // Nothing widens the page past the screen: wide tables scroll inside their own region.
      const overflow = await tab.page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect({ page: p.name, overflow }).toEqual({ page: p.name, overflow: 0 });
    }
  };

  const everyPage = async (viewport: { width: number; height: number }) => {
    const anonymous = await openPortal(portal, { viewport });
    tabs.push(anonymous);
    await visit(anonymous, anonymousPages());

    const signedIn = await openPortal(portal, { viewport, as: reader });
    tabs.push(signedIn);
    await visit(signedIn, signedInPages());

    // Beranda and Profil saya as a plain ASN (no review, her returned draft).
    const asnTab = await openPortal(portal, { viewport, as: asn });
    tabs.push(asnTab);
    await visit(asnTab, [
      { name: 'beranda-asn', path: '/', heading: HOME },
      { name: 'profil-asn', path: '/profil', heading: 'Profil saya' },
      { name: 'notifikasi-asn', path: '/notifikasi', heading: 'Notifikasi' },
      { name: 'penghargaan-asn', path: '/penghargaan', heading: 'Penghargaan KMA' },
      {
        name: 'komunitas-cop-asn',
        path: `/komunitas/${copId}`,
        heading: 'Komunitas Arsiparis Digital',
      },
    ]);
    return signedIn;
  };

  it('every page, at 1280 and 360 px side by side', async () => {
    const [, phone] = await Promise.all([everyPage(DESKTOP), everyPage(PHONE)]);

    // Below the md breakpoint the navigation and "Keluar" live in the menu drawer.
    const { page } = phone;
    await page.goto('/');
    await waitForPage(page, HOME);
    await page.getByRole('button', { name: 'Menu navigasi' }).click();
    const menu = page.getByRole('dialog', { name: 'Lumbung' });
    await menu.getByRole('link', { name: 'Antrean tinjauan' }).waitFor();
    await expect(menu.getByRole('button', { name: 'Keluar' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'menu', { fullPage: false });
    // About 40 scans and pictures: generous, as CI machines may be busy.
  }, 600_000);
});
