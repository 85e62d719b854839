import {
  givenUser,
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

describe('portal: every page is accessible and photographed at 1280 and 360 px', () => {
  let portal: Portal;
  let reader: { email: string; password: string };
  let assetId: string;
  const tabs: PortalTab[] = [];

  beforeAll(async () => {
    portal = await startPortal();
    const http = () => portal.t.http();
    const ds = portal.t.ds;
    const author = await login(http, await givenUser(ds, { name: 'Dewi Lestari' }));
    const verifier = await login(http, await givenUser(ds, { roles: ['verifier'] }));
    // Someone who sees every part of the navigation: a verifier of BPSDM who is also an admin.
    const everyone = await givenUser(ds, { roles: ['verifier', 'admin'], name: 'Rina Wijaya' });
    reader = everyone;
    assetId = await publishAsset(http, author, verifier, {
      title: 'Pelajaran dari migrasi layanan perizinan ke aplikasi daring',
      visibility: 'publik',
    });
    await publishAsset(http, author, verifier, {
      title: 'Rapat koordinasi lintas OPD tanpa tatap muka',
    });
    const draft = async (who: Session, title: string) =>
      (
        await http()
          .post('/api/v1/assets')
          .set(who.auth)
          .send({ type: 'panduan', title })
          .expect(201)
      ).body.id as string;
    await draft(await login(http, everyone), 'Panduan menyusun KAK pengadaan jasa konsultansi');
    const submitted = await http()
      .post('/api/v1/assets')
      .set(author.auth)
      .send({
        type: 'pelajaran',
        title: 'Pelajaran dari layanan kesehatan bergerak',
        sections: LESSON_SECTIONS,
      })
      .expect(201);
    await http().post(`/api/v1/assets/${submitted.body.id}/submit`).set(author.auth).expect(200);
    // Published assets reach the search index.
    await portal.t.drainJobs();
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
    { name: 'cari-narasumber-anonim', path: '/cari?q=Dewi&tab=narasumber', heading: 'Cari' },
  ];
  const signedInPages = (): PageCase[] => [
    { name: 'beranda', path: '/', heading: HOME },
    { name: 'cari', path: '/cari?q=perizinan', heading: 'Cari' },
    // No result; the API suggests "aplikasi" (in the published lesson's title).
    { name: 'cari-kosong', path: '/cari?q=aplukasu', heading: 'Cari' },
    { name: 'cari-narasumber', path: '/cari?q=Dewi&tab=narasumber', heading: 'Cari' },
    { name: 'aset', path: `/aset/${assetId}`, heading: 'Aset pengetahuan' },
    { name: 'tulis', path: '/tulis', heading: 'Tulis pengetahuan' },
    { name: 'aset-ubah', path: `/aset/${assetId}/ubah`, heading: 'Ubah aset' },
    { name: 'tinjauan', path: '/tinjauan', heading: 'Antrean tinjauan' },
    { name: 'profil', path: '/profil', heading: 'Profil saya' },
    { name: 'komunitas', path: '/komunitas', heading: 'Komunitas' },
    { name: 'dasbor', path: '/dasbor', heading: 'Dasbor' },
    { name: 'penghargaan', path: '/penghargaan', heading: 'Penghargaan KMA' },
    { name: 'admin', path: '/admin', heading: 'Admin' },
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
    }
  };

  const everyPage = async (viewport: { width: number; height: number }) => {
    const anonymous = await openPortal(portal, { viewport });
    tabs.push(anonymous);
    await visit(anonymous, anonymousPages());

    const signedIn = await openPortal(portal, { viewport, as: reader });
    tabs.push(signedIn);
    await visit(signedIn, signedInPages());
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
    // About 30 scans and pictures: generous, as CI machines may be busy.
  }, 360_000);
});
