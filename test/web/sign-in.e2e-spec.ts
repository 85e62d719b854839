import { givenUser, type GivenUser } from '../support/factories';
import {
  openPortal,
  type Portal,
  type PortalTab,
  PHONE,
  signInWithForm,
  startPortal,
  until,
  waitForPage,
} from './support/portal';

describe('portal: signing in and staying signed in', () => {
  let portal: Portal;
  let asn: GivenUser;
  let verifier: GivenUser;
  const tabs: PortalTab[] = [];
  const open = async (options?: Parameters<typeof openPortal>[1]) => {
    const tab = await openPortal(portal, options);
    tabs.push(tab);
    return tab;
  };

  beforeAll(async () => {
    portal = await startPortal();
    asn = await givenUser(portal.t.ds, { name: 'Siti Rahmawati' });
    verifier = await givenUser(portal.t.ds, { roles: ['verifier'], name: 'Bambang Verifikator' });
  });
  afterEach(async () => {
    for (const tab of tabs.splice(0)) {
      tab.expectNoProblems();
      await tab.close();
    }
  });
  afterAll(() => portal.close());

  it('an anonymous visitor sees Beranda with "Masuk" and can search without signing in', async () => {
    const { page } = await open();
    await page.goto('/');
    await waitForPage(page, 'Temukan dan bagikan pengetahuan ASN Jakarta');
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    await expect(nav.getByRole('link', { name: 'Beranda' }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole('link', { name: 'Cari' }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole('link', { name: 'Tulis pengetahuan' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Masuk' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Keluar' }).count()).resolves.toBe(0);
    await expect(page.title()).resolves.toBe('Beranda · Lumbung');

    await page.getByRole('searchbox', { name: 'Cari pengetahuan' }).fill('SOP perizinan');
    await page.keyboard.press('Enter');
    await waitForPage(page, 'Cari');
    expect(new URL(page.url()).pathname).toBe('/cari');
    expect(new URL(page.url()).searchParams.get('q')).toBe('SOP perizinan');
    await expect(
      page.getByRole('searchbox', { name: 'Cari pengetahuan' }).inputValue(),
    ).resolves.toBe('SOP perizinan');
    // Focus moved to the new page's heading (screen readers announce it).
    await expect(page.locator('h1:focus').count()).resolves.toBe(1);
  });

  it('shows English on demand, keeps the choice, and the API answers in it too', async () => {
    const { page } = await open();
    await page.goto('/masuk');
    await waitForPage(page, 'Masuk ke Lumbung');
    // The switch is a radio group, operated here by keyboard.
    await page.getByRole('radio', { name: 'English' }).focus();
    await page.keyboard.press('Space');
    await waitForPage(page, 'Sign in to Lumbung');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.reload();
    await waitForPage(page, 'Sign in to Lumbung');
    await expect(page.title()).resolves.toBe('Sign in · Lumbung');
    await page.getByLabel('Email or NIP').fill(asn.email);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').getByText('Wrong NIP/email or password.').waitFor();

    await page.getByRole('radio', { name: 'Bahasa Indonesia' }).focus();
    await page.keyboard.press('Space');
    await waitForPage(page, 'Masuk ke Lumbung');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('id');
  });

  it('an ASN signs in by email and returns to the page they were going to', async () => {
    const { page } = await open();
    await page.goto('/tulis');
    await waitForPage(page, 'Masuk ke Lumbung');
    expect(new URL(page.url()).searchParams.get('kembali')).toBe('/tulis');
    await signInWithForm(page, asn.email, asn.password);
    await waitForPage(page, 'Tulis pengetahuan');
    expect(new URL(page.url()).pathname).toBe('/tulis');
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    await expect(nav.getByRole('link', { name: 'Profil saya' }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole('link', { name: 'Antrean tinjauan' }).count()).resolves.toBe(0);
    await expect(page.getByText('Siti Rahmawati').isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: 'Keluar' }).click();
    await waitForPage(page, 'Temukan dan bagikan pengetahuan ASN Jakarta');
    await expect(page.getByRole('link', { name: 'Masuk' }).isVisible()).resolves.toBe(true);
    const [session] = await portal.t.ds.query(
      `SELECT revoke_reason FROM auth_sessions WHERE user_id = $1`,
      [asn.id],
    );
    expect(session.revoke_reason).toBe('logout');
    // Signed out for good: a reload does not bring the session back.
    await page.reload();
    await waitForPage(page, 'Temukan dan bagikan pengetahuan ASN Jakarta');
    await expect(page.getByRole('link', { name: 'Masuk' }).isVisible()).resolves.toBe(true);
  });

  it('a verifier signs in by NIP and finds the review queue in the navigation', async () => {
    const { page } = await open();
    await page.goto('/masuk');
    await signInWithForm(page, verifier.nip, verifier.password);
    await waitForPage(page, 'Temukan dan bagikan pengetahuan ASN Jakarta');
    await expect(
      page.getByRole('heading', { name: 'Menunggu tinjauan Anda' }).isVisible(),
    ).resolves.toBe(true);
    await page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Antrean tinjauan' })
      .click();
    await waitForPage(page, 'Antrean tinjauan');
    await expect(page.title()).resolves.toBe('Antrean tinjauan · Lumbung');
  });

  it("a wrong password shows the API's message beside the form, then the lockout with its wait", async () => {
    const { page } = await open();
    const user = await givenUser(portal.t.ds);
    await page.goto('/masuk');
    await signInWithForm(page, user.email, 'salah-sekali');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('NIP/email atau kata sandi salah.');
    await expect(page.getByLabel('Kata sandi', { exact: true }).inputValue()).resolves.toBe('');
    for (let i = 0; i < 4; i++) {
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
        signInWithForm(page, user.email, 'salah-sekali'),
      ]);
    }
    await signInWithForm(page, user.email, user.password);
    await page.getByText('Terlalu banyak permintaan. Coba lagi nanti.').waitFor();
    await expect(page.getByText(/Coba lagi dalam \d+ menit\./).isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).pathname).toBe('/masuk');
  });

  it('signs in with the keyboard alone, starting from the skip link', async () => {
    const { page } = await open();
    const user = await givenUser(portal.t.ds);
    await page.goto('/masuk');
    await waitForPage(page, 'Masuk ke Lumbung');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').textContent()).resolves.toBe('Langsung ke konten utama');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').getAttribute('name')).resolves.toBe('username');
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').getAttribute('name')).resolves.toBe('password');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await waitForPage(page, 'Temukan dan bagikan pengetahuan ASN Jakarta');
    await expect(page.getByRole('button', { name: 'Keluar' }).isVisible()).resolves.toBe(true);
  });

  it('two tabs renew the session together and both stay signed in', async () => {
    const tab = await open();
    await tab.context.clock.install();
    const refreshes: { start: number; end?: number }[] = [];
    let now = 0;
    tab.context.on('request', (request) => {
      if (request.url().endsWith('/api/v1/auth/refresh')) refreshes.push({ start: ++now });
    });
    tab.context.on('requestfinished', (request) => {
      if (!request.url().endsWith('/api/v1/auth/refresh')) return;
      const open = refreshes.find((r) => r.end === undefined);
      if (open) open.end = ++now;
    });
    const first = tab.page;
    await first.goto('/masuk');
    await signInWithForm(first, asn.email, asn.password);
    await waitForPage(first, 'Temukan dan bagikan pengetahuan ASN Jakarta');
    const second = await tab.context.newPage();
    await second.goto('/profil');
    await waitForPage(second, 'Profil saya');
    const before = refreshes.length;

    // 15 minutes later both tabs' timers want a new token at the same moment.
    await tab.context.clock.fastForward('15:00');
    await until(
      () => refreshes.filter((r) => r.end !== undefined).length,
      (done) => done > before,
    );
    // Never two refreshes in flight at once: the API rotates the cookie on every use.
    for (let i = 1; i < refreshes.length; i++) {
      expect(refreshes[i].start).toBeGreaterThan(refreshes[i - 1].end ?? Infinity);
    }
    for (const page of [first, second]) {
      await page
        .getByRole('navigation', { name: 'Navigasi utama' })
        .getByRole('link', { name: 'Profil saya' })
        .click();
      await waitForPage(page, 'Profil saya');
      await page.getByText(asn.nip).waitFor();
    }
    await first.reload();
    await waitForPage(first, 'Profil saya');
    await expect(first.getByRole('button', { name: 'Keluar' }).isVisible()).resolves.toBe(true);
    const sessions = await portal.t.ds.query(
      `SELECT revoked_at FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [asn.id],
    );
    expect(sessions.length).toBeGreaterThan(0);

    // Signing out in one tab signs out the other: it leaves the page that needs a session.
    await first.getByRole('button', { name: 'Keluar' }).click();
    await waitForPage(second, 'Masuk ke Lumbung');
  });

  it('an expired session asks to sign in again over the page and nothing typed is lost', async () => {
    const tab = await open({ viewport: PHONE });
    await tab.context.clock.install();
    const { page } = tab;
    await page.goto('/masuk');
    await signInWithForm(page, asn.email, asn.password);
    await waitForPage(page, 'Temukan dan bagikan pengetahuan ASN Jakarta');
    const box = page.getByRole('searchbox', { name: 'Cari pengetahuan' });
    await box.fill('pengadaan barang dan jasa');

    // The session ends on the server (an admin, a password change elsewhere, or old age).
    await portal.t.ds.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [
      asn.id,
    ]);
    await tab.context.clock.fastForward('15:00');
    const dialog = page.getByRole('dialog', { name: 'Sesi Anda telah berakhir' });
    await dialog.waitFor();
    await expect(dialog.getByLabel('Email atau NIP').inputValue()).resolves.toBe(asn.email);
    await dialog.getByLabel('Kata sandi', { exact: true }).fill(asn.password);
    await dialog.getByRole('button', { name: 'Masuk', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(box.inputValue()).resolves.toBe('pengadaan barang dan jasa');

    // A request refused mid-way waits for the new sign-in, then is sent again.
    await portal.t.ds.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [
      asn.id,
    ]);
    await page.getByRole('button', { name: 'Menu navigasi' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Profil saya' }).click();
    await dialog.waitFor();
    await dialog.getByLabel('Kata sandi', { exact: true }).fill(asn.password);
    await dialog.getByRole('button', { name: 'Masuk', exact: true }).click();
    await waitForPage(page, 'Profil saya');
    await page.getByText(asn.nip).waitFor();
  });
});
