import { givenUser, login, type GivenUser } from '../support/factories';
import {
  expectAccessible,
  openPortal,
  type Portal,
  type PortalTab,
  PHONE,
  screenshot,
  signInWithForm,
  startPortal,
  until,
  waitForPage,
} from './support/portal';

describe('portal: setting a new password with the code an admin handed over', () => {
  let portal: Portal;
  let admin: GivenUser;
  let asn: GivenUser;
  const tabs: PortalTab[] = [];
  const open = async (options?: Parameters<typeof openPortal>[1]) => {
    const tab = await openPortal(portal, options);
    tabs.push(tab);
    return tab;
  };
  /** What the admin does in Admin › Pengguna: start a reset and read the one-time code. */
  const startReset = async (user: GivenUser): Promise<string> => {
    const session = await login(() => portal.t.http(), admin);
    const res = await portal.t
      .http()
      .post(`/api/v1/users/${user.id}/password-reset`)
      .set(session.auth)
      .expect(201);
    return (res.body as { token: string }).token;
  };

  beforeAll(async () => {
    portal = await startPortal();
    admin = await givenUser(portal.t.ds, { roles: ['admin'], name: 'Admin BPSDM' });
    asn = await givenUser(portal.t.ds, { name: 'Rina Kartika' });
  });
  afterEach(async () => {
    for (const tab of tabs.splice(0)) {
      tab.expectNoProblems();
      await tab.close();
    }
  });
  afterAll(() => portal.close());

  it('ASN memakai kode dari admin, menetapkan kata sandi baru, lalu masuk dengannya', async () => {
    const code = await startReset(asn);
    const { page } = await open();
    await page.goto('/masuk');
    await waitForPage(page, 'Masuk ke Lumbung');
    await page.getByRole('link', { name: 'Tetapkan kata sandi baru' }).click();
    await waitForPage(page, 'Atur ulang kata sandi');
    await expectAccessible(page);
    await screenshot(page, 'atur-ulang-sandi');

    // Nothing typed: each field says what is missing; two different passwords are caught here.
    await page.getByRole('button', { name: 'Tetapkan kata sandi' }).click();
    await expect(page.getByLabel('Kode sekali pakai').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await page.getByLabel('Kode sekali pakai').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('Tanah-Abang#2026');
    await page.getByLabel('Ulangi kata sandi baru').fill('Tanah-Abang#2027');
    await page.getByRole('button', { name: 'Tetapkan kata sandi' }).click();
    await page.getByText('Kedua kata sandi baru tidak sama.').waitFor();

    // A wrong code: the API's refusal beside the code field, nothing changed.
    await page.getByLabel('Ulangi kata sandi baru').fill('Tanah-Abang#2026');
    await page.getByRole('button', { name: 'Tetapkan kata sandi' }).click();
    await until(
      () => page.getByLabel('Kode sekali pakai').getAttribute('aria-invalid'),
      (invalid) => invalid === 'true',
    );
    await expect(
      page.getByRole('status').getByText('Kata sandi baru sudah berlaku').count(),
    ).resolves.toBe(0);

    // The real code, typed in lower case with spaces as people read it out.
    await page.getByLabel('Kode sekali pakai').fill(code.toLowerCase().replaceAll('-', ' '));
    await page.getByRole('button', { name: 'Tetapkan kata sandi' }).click();
    await page.getByRole('status').getByText('Kata sandi baru sudah berlaku').waitFor();
    await page.getByRole('link', { name: 'Masuk dengan kata sandi baru' }).click();
    await waitForPage(page, 'Masuk ke Lumbung');
    await signInWithForm(page, asn.email, 'Tanah-Abang#2026');
    await waitForPage(page, 'Temukan dan bagikan pengetahuan ASN Jakarta');

    // The old password no longer works; the code cannot be used twice.
    const old = await portal.t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: asn.email, password: asn.password });
    expect(old.status).toBe(401);
    const again = await portal.t
      .http()
      .post('/api/v1/auth/password-reset')
      .send({ token: code, newPassword: 'Another-Pass#2026' });
    expect(again.body).toMatchObject({ code: 'PASSWORD_RESET_INVALID' });
  });

  it('a code handed over as a link is filled in, and the page works at 360 px', async () => {
    const other = await givenUser(portal.t.ds, { name: 'Dedi Kurniawan' });
    const code = await startReset(other);
    const { page } = await open({ viewport: PHONE });
    await page.goto(`/atur-ulang-sandi?kode=${encodeURIComponent(code)}`);
    await waitForPage(page, 'Atur ulang kata sandi');
    await expect(page.getByLabel('Kode sekali pakai').inputValue()).resolves.toBe(code);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('Pulau-Seribu#2026');
    await page.getByLabel('Ulangi kata sandi baru').fill('Pulau-Seribu#2026');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Kata sandi baru sudah berlaku').waitFor();
    const width = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(width).toBe(0);
    await screenshot(page, 'atur-ulang-sandi-selesai');
  });
});
