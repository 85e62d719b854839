import {
  givenAsset,
  givenCop,
  givenMember,
  givenUser,
  type GivenUser,
  login,
  type Session,
} from '../support/factories';
import {
  expectAccessible,
  openPortal,
  type Portal,
  type PortalTab,
  screenshot,
  startPortal,
  waitForPage,
} from './support/portal';

describe('portal: Profil saya', () => {
  let portal: Portal;
  let asnUser: GivenUser;
  let asn: Session;
  let author: Session;
  let verifier: Session;
  const tabs: PortalTab[] = [];
  const http = () => portal.t.http();
  const story =
    'Kami terapkan alur ini di kelurahan kami: antrean turun dari dua jam menjadi tiga puluh menit.';

  beforeAll(async () => {
    portal = await startPortal();
    asnUser = await givenUser(portal.t.ds, { name: 'Rina Wulandari' });
    asn = await login(http, asnUser);
    author = await login(http, await givenUser(portal.t.ds, { name: 'Agus Penulis' }));
    verifier = await login(http, await givenUser(portal.t.ds, { roles: ['verifier'] }));

    // Her own assets in every status.
    await givenAsset(http, asn, verifier, 'draft', { title: 'Draf panduan arsip digital' });
    await givenAsset(http, asn, verifier, 'submitted', { title: 'Pelajaran rapat daring' });
    await givenAsset(http, asn, verifier, 'published', { title: 'Inovasi layanan antar berkas' });
    const archived = await givenAsset(http, asn, verifier, 'published', {
      title: 'Panduan lama yang sudah diganti',
    });
    await http().post(`/api/v1/assets/${archived}/archive`).set(asn.auth).send({}).expect(200);

    // What she found useful and applied, in others' assets.
    const useful = await givenAsset(http, author, verifier, 'published', {
      title: 'Praktik baik layanan pengaduan satu pintu',
    });
    await http().post(`/api/v1/assets/${useful}/endorsement`).set(asn.auth).expect(200);
    await http().get(`/api/v1/assets/${useful}`).set(asn.auth).expect(200);
    await http()
      .post(`/api/v1/assets/${useful}/reuse-reports`)
      .set(asn.auth)
      .send({ story })
      .expect(201);
    // One she endorsed in a CoP she has since left: she can no longer read it.
    const lead = await givenUser(portal.t.ds);
    const copId = await givenCop(portal.t.ds, lead);
    await givenMember(portal.t.ds, copId, asnUser);
    const secret = await givenAsset(http, await login(http, lead), verifier, 'published', {
      title: 'Bahan internal komunitas arsiparis',
      visibility: 'cop',
      copId,
    });
    await http().post(`/api/v1/assets/${secret}/endorsement`).set(asn.auth).expect(200);
    await portal.t.ds.query(
      `UPDATE cop_memberships SET left_at = now() WHERE cop_id = $1 AND user_id = $2`,
      [copId, asnUser.id],
    );
  });
  afterEach(async () => {
    for (const tab of tabs.splice(0)) {
      tab.expectNoProblems();
      await tab.close();
    }
  });
  afterAll(() => portal.close());

  it('ASN melihat aset, dukungan dan laporan penerapannya, mengganti bahasa dan kata sandi', async () => {
    const tab = await openPortal(portal, { as: asnUser });
    tabs.push(tab);
    const { page } = tab;
    await page.goto('/profil');
    await waitForPage(page, 'Profil saya');

    const account = page.getByRole('region', { name: 'Akun' });
    await expect(account.getByText('Rina Wulandari').isVisible()).resolves.toBe(true);
    await expect(account.getByText(asnUser.nip).isVisible()).resolves.toBe(true);
    await expect(account.getByText('BPSDM', { exact: true }).isVisible()).resolves.toBe(true);

    // Her assets by status, each tab with its count; drafts open in the editor.
    const assets = page.getByRole('region', { name: 'Aset saya' });
    await assets.getByRole('tab', { name: 'Draf (1)' }).waitFor();
    await expect(
      assets.getByRole('link', { name: 'Draf panduan arsip digital' }).getAttribute('href'),
    ).resolves.toMatch(/^\/aset\/[0-9a-f-]{36}\/ubah$/);
    for (const [tabName, title] of [
      ['Diajukan (1)', 'Pelajaran rapat daring'],
      ['Terbit (1)', 'Inovasi layanan antar berkas'],
      ['Diarsipkan (1)', 'Panduan lama yang sudah diganti'],
    ]) {
      await assets.getByRole('tab', { name: tabName }).click();
      await assets.getByRole('link', { name: title, exact: true }).waitFor();
    }

    // What she endorsed and applied; the asset she can no longer read is never named.
    const endorsed = page.getByRole('region', { name: /Yang saya tandai bermanfaat/ });
    await endorsed
      .getByRole('link', { name: 'Praktik baik layanan pengaduan satu pintu' })
      .waitFor();
    await expect(
      endorsed.getByText('Aset yang tidak lagi dapat Anda baca').isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText('Bahan internal komunitas arsiparis').count()).resolves.toBe(0);
    const reuse = page.getByRole('region', { name: /Laporan penerapan saya/ });
    await expect(reuse.getByText(story).isVisible()).resolves.toBe(true);
    await expect(
      reuse.getByRole('link', { name: 'Praktik baik layanan pengaduan satu pintu' }).count(),
    ).resolves.toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'profil-dukungan-penerapan');

    // Language here as in the header.
    const language = page.getByRole('region', { name: 'Bahasa tampilan' });
    await language.getByRole('radio', { name: 'English' }).focus();
    await page.keyboard.press('Space');
    await waitForPage(page, 'My profile');
    await page
      .getByRole('region', { name: 'Display language' })
      .getByRole('radio', { name: 'Bahasa Indonesia' })
      .focus();
    await page.keyboard.press('Space');
    await waitForPage(page, 'Profil saya');

    // Password: the API's rules and refusals, beside the field they are about.
    const form = page.getByRole('region', { name: 'Ubah kata sandi' });
    const current = form.getByLabel('Kata sandi saat ini');
    const fresh = form.getByLabel('Kata sandi baru', { exact: true });
    const confirm = form.getByLabel('Ulangi kata sandi baru');
    const submit = form.getByRole('button', { name: 'Ubah kata sandi' });
    await current.fill('bukan-sandi-saya');
    await fresh.fill('Sandi-Baru#2026-xyz');
    await confirm.fill('Sandi-Baru#2026-xyw');
    await submit.click();
    await form.getByText('Kedua kata sandi baru tidak sama.').waitFor();
    await confirm.fill('Sandi-Baru#2026-xyz');
    await submit.click();
    await form.getByText('Kata sandi saat ini salah.').waitFor();
    await expect(current.getAttribute('aria-invalid')).resolves.toBe('true');
    await current.fill(asnUser.password);
    await fresh.fill('pendek');
    await confirm.fill('pendek');
    await submit.click();
    await form
      .getByText(
        'Kata sandi baru tidak memenuhi syarat (minimal 12 karakter, tidak sama dengan NIP atau email).',
      )
      .waitFor();
    await expect(fresh.getAttribute('aria-invalid')).resolves.toBe('true');
    await fresh.fill('Sandi-Baru#2026-xyz');
    await confirm.fill('Sandi-Baru#2026-xyz');
    await submit.click();
    await form.getByText('Kata sandi telah diubah.', { exact: false }).waitFor();
    await expect(current.inputValue()).resolves.toBe('');
    await login(http, { email: asnUser.email, password: 'Sandi-Baru#2026-xyz' });
    // Still signed in here (only the other sessions ended).
    await page.reload();
    await waitForPage(page, 'Profil saya');
  });
});
