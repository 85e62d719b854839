import type { Locator, Page } from 'playwright-core';
import {
  givenAsset,
  givenUser,
  type GivenUser,
  LESSON_SECTIONS,
  login,
  type Session,
} from '../support/factories';
import {
  expectAccessible,
  navigateInApp,
  type Portal,
  portalTabs,
  screenshot,
  startPortal,
  until,
  waitForPage,
} from './support/portal';

const HOME = 'Temukan dan bagikan pengetahuan ASN Jakarta';
const QUEUE = 'Antrean tinjauan';

/** Presses Tab until `target` has the focus (a keyboard user moving through the page). */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}

describe('portal: the review queue', () => {
  let portal: Portal;
  let authorUser: GivenUser;
  let author: Session;
  let verifierUser: GivenUser;
  let verifier: Session;
  let secondVerifier: Session;
  const { open, closeAll } = portalTabs(() => portal);
  const http = () => portal.t.http();
  const statusOf = async (id: string) =>
    (
      await portal.t.ds.query<{ status: string }[]>(`SELECT status FROM assets WHERE id = $1`, [id])
    )[0].status;
  const submitted = (title: string, by = author) =>
    givenAsset(http, by, secondVerifier, 'submitted', {
      title,
      summary: 'Ringkasan singkat untuk pembaca.',
      tags: ['Layanan Publik'],
      seciMode: 'eksternalisasi',
    });

  beforeAll(async () => {
    portal = await startPortal();
    authorUser = await givenUser(portal.t.ds, { name: 'Siti Rahmawati' });
    author = await login(http, authorUser);
    verifierUser = await givenUser(portal.t.ds, {
      roles: ['verifier'],
      name: 'Bambang Verifikator',
    });
    verifier = await login(http, verifierUser);
    secondVerifier = await login(http, await givenUser(portal.t.ds, { roles: ['verifier'] }));
  });
  afterEach(() => closeAll());
  afterAll(() => portal.close());

  it('Verifikator menolak dengan catatan, penulis memperbaiki dan mengajukan lagi, verifikator menyetujui, dan aset ditemukan lewat pencarian', async () => {
    const title = 'Pelajaran dari layanan KTP keliling di Kepulauan Seribu';
    const id = await submitted(title);

    // The verifier finds it in the queue and opens it beside its template checklist.
    const { page } = await open({ as: verifierUser });
    await page.goto('/tinjauan');
    await waitForPage(page, QUEUE);
    await page.getByRole('tab', { name: /Menunggu tinjauan \(1\)/ }).waitFor();
    const entry = page.getByRole('listitem').filter({ hasText: title });
    await expect(entry.getByText('Oleh Siti Rahmawati').isVisible()).resolves.toBe(true);
    await expect(
      entry.getByText(/^Diajukan \d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB/).count(),
    ).resolves.toBe(1);
    await entry.getByRole('link', { name: title, exact: true }).click();
    await waitForPage(page, title);
    const checklist = page.getByRole('region', { name: 'Daftar periksa templat' });
    for (const label of [
      'Apa yang direncanakan',
      'Apa yang terjadi',
      'Mengapa berbeda',
      'Apa yang dilakukan lain kali',
      'Ringkasan',
      'Tag',
      'Mode SECI',
    ]) {
      await expect(
        checklist.getByRole('listitem').filter({ hasText: label }).getByText('Terisi').count(),
      ).resolves.toBe(1);
    }
    await expect(checklist.getByText('Semua bagian wajib terisi.').isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    // A rejection without a comment is refused here, and one the API refuses shows its answer.
    const comment = page.getByRole('textbox', { name: 'Catatan' });
    await page.getByRole('button', { name: 'Tolak', exact: true }).click();
    await page.getByText('Tulis catatan untuk penulis sebelum menolak.').waitFor();
    await expect(comment.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(
      true,
    );
    await comment.fill('Kurang');
    await page.getByRole('button', { name: 'Tolak', exact: true }).click();
    await page
      .getByText('Data yang dikirim tidak valid. Panjang isian di luar batas yang diizinkan.')
      .waitFor();
    await expect(comment.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await statusOf(id)).toBe('submitted');

    const note = 'Bagian "Mengapa berbeda" belum menjelaskan mengapa jadwal kapal bergeser.';
    await comment.fill(note);
    await page.getByRole('button', { name: 'Tolak', exact: true }).click();
    await page
      .getByText('Aset dikembalikan ke penulis sebagai draf, dengan catatan Anda.')
      .waitFor();
    expect(await statusOf(id)).toBe('draft');
    const [rejection] = await portal.t.ds.query<{ comment: string; actor_id: string }[]>(
      `SELECT comment, actor_id FROM asset_transitions WHERE asset_id = $1 AND action = 'reject'`,
      [id],
    );
    expect(rejection).toEqual({ comment: note, actor_id: verifierUser.id });

    // The author sees the comment on Beranda ("Lanjutkan menulis") and on Profil saya.
    const authorTab = await open({ as: authorUser });
    await authorTab.page.goto('/');
    await waitForPage(authorTab.page, HOME);
    const drafts = authorTab.page.getByRole('region', { name: 'Lanjutkan menulis' });
    await drafts.getByRole('link', { name: title, exact: true }).waitFor();
    await expect(drafts.getByText(note).isVisible()).resolves.toBe(true);
    await expect(
      drafts.getByText(/^Dikembalikan oleh Bambang Verifikator, /).isVisible(),
    ).resolves.toBe(true);
    await screenshot(authorTab.page, 'beranda-draf-dikembalikan');
    await navigateInApp(authorTab.page, '/profil');
    await waitForPage(authorTab.page, 'Profil saya');
    const mine = authorTab.page.getByRole('region', { name: 'Aset saya' });
    await mine.getByRole('tab', { name: 'Draf (1)' }).waitFor();
    await expect(mine.getByText(note).isVisible()).resolves.toBe(true);

    // The author fixes it through the API (the write form is elsewhere) and submits again.
    const current = await http().get(`/api/v1/assets/${id}`).set(author.auth).expect(200);
    await http()
      .patch(`/api/v1/assets/${id}`)
      .set(author.auth)
      .send({
        expectedVersion: current.body.version,
        sections: {
          ...LESSON_SECTIONS,
          mengapa_berbeda: 'Jadwal kapal bergeser karena gelombang tinggi pada musim barat.',
        },
      })
      .expect(200);
    await http().post(`/api/v1/assets/${id}/submit`).set(author.auth).expect(200);

    // The verifier approves it in the browser.
    await navigateInApp(page, '/tinjauan');
    await waitForPage(page, QUEUE);
    await page.getByRole('link', { name: title, exact: true }).click();
    await waitForPage(page, title);
    await page
      .getByText('Jadwal kapal bergeser karena gelombang tinggi pada musim barat.')
      .waitFor();
    await page.getByRole('button', { name: 'Setujui', exact: true }).click();
    await page.getByText('Aset disetujui dan terbit.').waitFor();
    expect(await statusOf(id)).toBe('published');
    await page.getByRole('link', { name: 'Kembali ke antrean' }).last().click();
    await waitForPage(page, QUEUE);
    await page.getByText('Tidak ada aset yang menunggu tinjauan.', { exact: false }).waitFor();

    // Then search finds it: the API, and the Beranda search box leading to /cari.
    await portal.t.drainJobs();
    const found = await http()
      .get('/api/v1/search')
      .query({ q: 'KTP keliling Kepulauan Seribu' })
      .set(author.auth)
      .expect(200);
    expect((found.body.hits as { id: string; title: string }[])[0]).toMatchObject({ id, title });
    await navigateInApp(page, '/');
    await waitForPage(page, HOME);
    const box = page.getByRole('searchbox', { name: 'Cari pengetahuan' });
    await box.pressSequentially('KTP keliling');
    await page.keyboard.press('Enter');
    await waitForPage(page, 'Cari');
    expect(new URL(page.url()).searchParams.get('q')).toBe('KTP keliling');
    // Until the search page lands (built elsewhere) /cari is a placeholder; once it shows
    // results, the asset must be among them as a link named by its title.
    if ((await page.getByText('Hasil pencarian akan tampil di sini.').count()) === 0) {
      await page.getByRole('link', { name: title, exact: true }).waitFor();
    }
  });

  it('Verifikator meninjau dengan papan ketik saja', async () => {
    const title = 'Panduan antrean layanan kependudukan tanpa nomor kertas';
    const id = await submitted(title);
    const { page } = await open({ as: verifierUser });
    await page.goto('/tinjauan');
    await waitForPage(page, QUEUE);

    await tabTo(page, page.getByRole('link', { name: title, exact: true }));
    await page.keyboard.press('Enter');
    await waitForPage(page, title);
    // Focus moved to the new page's heading.
    await expect(page.locator('h1:focus').count()).resolves.toBe(1);
    const comment = page.getByRole('textbox', { name: 'Catatan' });
    await tabTo(page, comment);
    await page.keyboard.type('Tambahkan contoh formulir yang dipakai di kelurahan.');
    await tabTo(page, page.getByRole('button', { name: 'Tolak', exact: true }));
    await page.keyboard.press('Enter');
    const outcome = page.getByRole('status').filter({ hasText: 'Aset dikembalikan ke penulis' });
    await outcome.waitFor();
    // The outcome takes the focus, so it is announced and the next Tab continues from there.
    await until(
      () => outcome.evaluate((el) => el === el.ownerDocument.activeElement),
      (focused) => focused,
    );
    expect(await statusOf(id)).toBe('draft');
    await tabTo(page, page.getByRole('link', { name: 'Kembali ke antrean' }).last());
    await page.keyboard.press('Enter');
    await waitForPage(page, QUEUE);
    await expectAccessible(page);
  });

  it('Verifikator memverifikasi ulang aset yang lewat tenggat, dan tidak dapat meninjau asetnya sendiri', async () => {
    const title = 'Praktik baik pelayanan perizinan satu pintu';
    const id = await givenAsset(http, author, verifier, 'published', { title });
    const own = await givenAsset(http, verifier, secondVerifier, 'published', {
      title: 'Catatan verifikator tentang arsip digital',
    });
    const ownSubmitted = await submitted('Pengajuan verifikator sendiri', verifier);
    await portal.t.ds.query(
      `UPDATE assets SET review_due_at = now() - interval '20 days' WHERE id = ANY($1::uuid[])`,
      [[id, own]],
    );
    const { page } = await open({ as: verifierUser });
    await page.goto('/tinjauan');
    await waitForPage(page, QUEUE);
    await page.getByRole('tab', { name: 'Lewat tenggat (2)' }).click();
    await page.getByRole('link', { name: title, exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('daftar')).toBe('lewat-tenggat');
    await expectAccessible(page);

    const item = page.getByRole('listitem').filter({ hasText: title });
    await item.getByRole('button', { name: 'Verifikasi ulang' }).click();
    await page.getByText(`«${title}» telah diverifikasi ulang.`, { exact: false }).waitFor();
    await expect(page.getByRole('link', { name: title, exact: true }).count()).resolves.toBe(0);
    const [row] = await portal.t.ds.query<{ review_due_at: Date }[]>(
      `SELECT review_due_at FROM assets WHERE id = $1`,
      [id],
    );
    expect(row.review_due_at.getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);

    // Their own asset: the API refuses and its message is shown where they acted.
    const mine = page
      .getByRole('listitem')
      .filter({ hasText: 'Catatan verifikator tentang arsip' });
    await mine.getByRole('button', { name: 'Verifikasi ulang' }).click();
    await mine
      .getByText('Verifikator tidak boleh memverifikasi aset yang ia tulis sendiri.')
      .waitFor();

    await navigateInApp(page, `/tinjauan/${ownSubmitted}`);
    await waitForPage(page, 'Pengajuan verifikator sendiri');
    await expect(
      page.getByText('Anda penulis aset ini.', { exact: false }).isVisible(),
    ).resolves.toBe(true);
    await page.getByRole('button', { name: 'Setujui', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText('Verifikator tidak boleh memverifikasi aset yang ia tulis sendiri.')
      .waitFor();
    expect(await statusOf(ownSubmitted)).toBe('submitted');
  });
});
