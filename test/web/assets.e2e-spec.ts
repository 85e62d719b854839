import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { minimalPdf } from '../../libs/knowledge/src/attachments/content/testing/fixtures';
import { type GivenUser, givenAsset, givenUser, login, publishAsset } from '../support/factories';
import {
  expectAccessible,
  openPortal,
  PHONE,
  type Portal,
  type PortalTab,
  screenshot,
  startPortal,
  until,
  waitForPage,
} from './support/portal';

const TITLE = 'Pelajaran dari migrasi layanan perizinan ke aplikasi daring';
const PDF_NAME = 'laporan-migrasi.pdf';
const STORY =
  'Kami memakai jadwal verifikasi harian dari aset ini di loket perizinan Puskesmas Kecamatan; ' +
  'antrean berkas turun dari dua minggu menjadi empat hari.';

/** Sections in Markdown as authors write them, with what an attacker might slip in. */
const SECTIONS = {
  rencana:
    '## Target\n\nSemua izin usaha mikro diproses **daring** dalam tiga bulan.\n\n- Formulir daring\n- Verifikasi harian',
  yang_terjadi:
    'Antrean turun, tetapi [panduan pemohon](javascript:alert(document.domain)) jarang dibaca. ' +
    '<img src="x" onerror="alert(1)"><script>alert(2)</script>',
  mengapa_berbeda:
    '| Tahap | Rencana | Nyata |\n| --- | --- | --- |\n| Uji coba | 2 minggu | 5 minggu |',
  lain_kali: 'Libatkan petugas loket sejak awal. Lihat [peraturan](https://jdih.jakarta.go.id).',
};

describe('portal: the asset page', () => {
  let portal: Portal;
  let reader: GivenUser;
  let assetId: string;
  let publicId: string;
  let internalId: string;
  const tabs: PortalTab[] = [];

  const open = async (options: Parameters<typeof openPortal>[1]) => {
    const tab = await openPortal(portal, options);
    tabs.push(tab);
    return tab;
  };
  const count = async (sql: string, params: unknown[]) =>
    (await portal.t.ds.query<{ n: number }[]>(sql, params))[0].n;
  const endorsements = () =>
    count(`SELECT count(*)::int AS n FROM asset_endorsements WHERE asset_id = $1`, [assetId]);
  const events = (type: string, userId: string | null) =>
    count(
      `SELECT count(*)::int AS n FROM usage_events
        WHERE type = $1 AND asset_id = $2 AND actor_user_id IS NOT DISTINCT FROM $3`,
      [type, assetId, userId],
    );

  beforeAll(async () => {
    portal = await startPortal();
    const http = () => portal.t.http();
    const ds = portal.t.ds;
    const author = await login(http, await givenUser(ds, { name: 'Dewi Lestari' }));
    const verifier = await login(
      http,
      await givenUser(ds, { roles: ['verifier'], name: 'Bambang Sutrisno' }),
    );
    reader = await givenUser(ds, { opd: 'DINKES', name: 'Sari Wulandari' });
    const narasumber = await givenUser(ds, { opd: 'DPMPTSP', name: 'Hendra Gunawan' });

    // A lesson with a two-page PDF, published, then edited once (revision 2).
    assetId = await givenAsset(http, author, verifier, 'draft', {
      title: TITLE,
      summary: 'Apa yang kami pelajari saat memindahkan layanan perizinan ke aplikasi daring.',
      tags: ['Perizinan', 'Layanan Daring'],
      seciMode: 'eksternalisasi',
      visibility: 'internal',
      sections: SECTIONS,
    });
    await http()
      .post(`/api/v1/assets/${assetId}/attachments`)
      .set(author.auth)
      .attach(
        'files',
        minimalPdf(['Laporan migrasi halaman satu', 'Lampiran halaman dua']),
        PDF_NAME,
      )
      .expect(201);
    await http().post(`/api/v1/assets/${assetId}/submit`).set(author.auth).expect(200);
    await http().post(`/api/v1/assets/${assetId}/approve`).set(verifier.auth).expect(200);
    await http()
      .patch(`/api/v1/assets/${assetId}`)
      .set(author.auth)
      .send({
        summary:
          'Apa yang kami pelajari saat memindahkan layanan perizinan usaha mikro ke aplikasi daring.',
        tags: ['Perizinan', 'Layanan Daring', 'Usaha Mikro'],
      })
      .expect(200);
    // The author's edit of a published asset waits for a verifier: approved, it is revision 2.
    await http()
      .post(`/api/v1/assets/${assetId}/revisions/2/approve`)
      .set(verifier.auth)
      .send({})
      .expect(200);

    await publishAsset(http, author, verifier, {
      title: 'Jadwal verifikasi harian untuk berkas perizinan',
      tags: ['Perizinan'],
      visibility: 'internal',
    });
    // A public interview with the expert who was heard.
    publicId = await publishAsset(http, author, verifier, {
      type: 'wawancara_pengetahuan',
      title: 'Panduan singkat perizinan daring untuk warga',
      tags: ['Perizinan'],
      visibility: 'publik',
      narasumberId: narasumber.id,
      sections: {
        topik: 'Cara warga mengajukan izin usaha mikro secara daring tanpa datang ke loket.',
        keputusan_kunci: 'Berkas diperiksa setiap hari, bukan sekali seminggu.',
        aturan_praktis:
          'Balas setiap pemohon dalam satu hari kerja, walau hanya untuk meminta berkas.',
        jejaring_kontak: 'Petugas loket DPMPTSP di tiap kecamatan.',
        jebakan: 'Formulir yang terlalu panjang membuat pemohon berhenti di tengah jalan.',
        saran_penerus: 'Uji formulir baru dengan lima warga sebelum diluncurkan.',
      },
    });
    internalId = await publishAsset(http, author, verifier, {
      title: 'Catatan rapat internal tim perizinan',
      visibility: 'internal',
    });
  });
  afterEach(async () => {
    for (const tab of tabs.splice(0)) {
      tab.expectNoProblems();
      await tab.close();
    }
  });
  afterAll(() => portal.close());

  /** The canvas of the preview, once pdf.js has drawn text on it (dark pixels on white). */
  const drawnPage = async (page: Page, name: RegExp) => {
    const canvas = page.getByRole('img', { name });
    await canvas.waitFor();
    await until(
      () =>
        canvas.evaluate((el) => {
          const c = el as unknown as {
            width: number;
            height: number;
            getContext(k: '2d'): { getImageData(...a: number[]): { data: Uint8ClampedArray } };
          };
          const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
          let dark = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i] < 100 && data[i + 3] > 0) dark += 1;
          return dark;
        }),
      (dark) => dark > 50,
    );
  };

  it('ASN membaca aset, menandai bermanfaat dan melaporkan penerapan', async () => {
    const { page, context } = await open({ as: reader });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: portal.baseUrl,
    });
    await page.goto(`/aset/${assetId}`);
    await waitForPage(page, TITLE);

    // What it is and who stands behind it.
    const main = page.getByRole('main');
    await main.getByText('Pelajaran', { exact: true }).first().waitFor();
    await main.getByText('Dewi Lestari (BPSDM)').waitFor();
    await main
      .getByText(/^Diverifikasi \d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB oleh Bambang Sutrisno$/)
      .waitFor();
    await expect(
      main.getByText(/Badan Pengembangan Sumber Daya Manusia \(BPSDM\)/).count(),
    ).resolves.toBe(1);
    // Its sections, from Markdown, with nothing of what was slipped in.
    await page.getByRole('heading', { level: 2, name: 'Apa yang direncanakan' }).waitFor();
    await page.getByRole('heading', { level: 4, name: 'Target' }).waitFor();
    await main
      .getByRole('listitem')
      .filter({ hasText: /^Verifikasi harian$/ })
      .waitFor();
    await main.getByRole('cell', { name: '5 minggu' }).waitFor();
    expect(await main.locator('script, img, [onerror], a[href^="javascript"]').count()).toBe(0);
    await expect(main.getByRole('link', { name: 'peraturan' }).getAttribute('rel')).resolves.toBe(
      'noopener noreferrer',
    );
    // The page's read is the reader's view (a reuse report needs one).
    expect(await events('view', reader.id)).toBe(1);

    // The PDF, previewed in the page, page by page, by keyboard too.
    await main.getByText('PDF · ').first().waitFor();
    await page.getByRole('button', { name: `Pratinjau ${PDF_NAME}` }).click();
    await drawnPage(page, new RegExp(`^${PDF_NAME}, halaman 1 dari 2$`));
    await page.getByRole('button', { name: 'Halaman berikutnya' }).click();
    await drawnPage(page, /halaman 2 dari 2$/);
    await page.getByRole('button', { name: 'Halaman berikutnya' }).focus();
    await page.keyboard.press('ArrowLeft');
    await drawnPage(page, /halaman 1 dari 2$/);
    // Drawn in pdf.js's own worker (a file of the portal's origin, allowed by the CSP's
    // worker-src), not the main-thread fallback.
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([
      expect.stringMatching(/^\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/),
    ]);
    await expectAccessible(page);
    await screenshot(page, 'aset-pratinjau-pdf');

    // Downloaded under its name, with the reader's token; the API counts the download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Unduh ${PDF_NAME}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(PDF_NAME);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    expect(await events('download', reader.id)).toBeGreaterThanOrEqual(1);

    // "Bermanfaat": pressed, counted, kept after a reload.
    const useful = page.getByRole('button', { name: 'Bermanfaat', exact: true });
    await expect(useful.getAttribute('aria-pressed')).resolves.toBe('false');
    await main.getByText('Belum ada yang menandai bermanfaat').waitFor();
    await useful.click();
    await until(
      () => useful.getAttribute('aria-pressed'),
      (v) => v === 'true',
    );
    await main.getByText(/^1 orang merasa bermanfaat/).waitFor();
    await page.reload();
    await waitForPage(page, TITLE);
    await expect(useful.getAttribute('aria-pressed')).resolves.toBe('true');
    await main.getByText(/^1 orang merasa bermanfaat/).waitFor();
    expect(await endorsements()).toBe(1);
    // Pressed again, it is taken back (the count with it); then given again.
    await useful.click();
    await until(
      () => useful.getAttribute('aria-pressed'),
      (v) => v === 'false',
    );
    await main.getByText('Belum ada yang menandai bermanfaat').waitFor();
    expect(await endorsements()).toBe(0);
    await useful.click();
    await main.getByText(/^1 orang merasa bermanfaat/).waitFor();
    expect(await endorsements()).toBe(1);

    // "Saya terapkan": the API's answer to a story too short, beside the field; then the story.
    await page.getByRole('button', { name: 'Saya terapkan', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Laporkan penerapan' });
    await dialog.getByLabel('Cerita penerapan').fill('Sudah saya coba.');
    await dialog.getByRole('button', { name: 'Kirim laporan' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Data yang dikirim tidak valid.' }).waitFor();
    await dialog.getByText('Isian terlalu pendek.').waitFor();
    await expect(dialog.getByLabel('Cerita penerapan').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expectAccessible(page);
    await screenshot(page, 'aset-saya-terapkan', { fullPage: false });
    await dialog.getByLabel('Cerita penerapan').fill(STORY);
    await dialog.getByRole('button', { name: 'Kirim laporan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: 'laporan penerapan Anda tersimpan' })
      .waitFor();
    await main.getByText(STORY).waitFor();
    await main.getByText(/^Sari Wulandari \(DINKES\), \d/).waitFor();
    expect(
      await count(
        `SELECT count(*)::int AS n FROM asset_reuse_reports WHERE asset_id = $1 AND user_id = $2`,
        [assetId, reader.id],
      ),
    ).toBe(1);

    // "Bagikan": the address on the clipboard, said on screen, and one share event.
    await page.getByRole('button', { name: 'Bagikan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Tautan aset disalin' }).waitFor();
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(
      `${portal.baseUrl}/aset/${assetId}`,
    );
    await until(
      () => events('share', reader.id),
      (n) => n === 1,
    );

    // Related reading: what shares its tags, readable by this reader.
    const related = page.getByRole('region', { name: 'Aset terkait' });
    await related
      .getByRole('link', { name: 'Jadwal verifikasi harian untuk berkas perizinan' })
      .waitFor();
    await expect(related.getByRole('link', { name: TITLE }).count()).resolves.toBe(0);
  });

  it('Pengunjung anonim membuka aset publik dan tidak bisa membuka aset internal', async () => {
    // Its review date has passed: readers are told it may be out of date.
    await portal.t.ds.query(
      `UPDATE assets SET review_due_at = now() - interval '1 day' WHERE id = $1`,
      [publicId],
    );
    const { page } = await open({});
    await page.goto(`/aset/${publicId}`);
    await waitForPage(page, 'Panduan singkat perizinan daring untuk warga');
    const main = page.getByRole('main');
    await main.getByText('Perlu ditinjau ulang', { exact: true }).waitFor();
    await main.getByText('Wawancara Pengetahuan').first().waitFor();
    await main.getByText('Hendra Gunawan (DPMPTSP)').waitFor();
    await main.getByRole('heading', { level: 2, name: 'Aturan praktis' }).waitFor();
    await page.getByRole('link', { name: /^Masuk untuk menandai bermanfaat/ }).waitFor();
    await expect(page.getByRole('button', { name: 'Bermanfaat' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Saya terapkan' }).count()).resolves.toBe(0);
    // The anonymous read is a view too (counted as a view only).
    expect(
      await count(
        `SELECT count(*)::int AS n FROM usage_events
          WHERE type = 'view' AND asset_id = $1 AND actor_user_id IS NULL`,
        [publicId],
      ),
    ).toBe(1);

    // An internal asset and one that does not exist: the same page, word for word.
    await page.goto(`/aset/${internalId}`);
    await waitForPage(page, 'Halaman tidak ditemukan');
    const forbidden = await page.getByRole('main').innerText();
    await page.goto('/aset/00000000-0000-4000-8000-000000000000');
    await waitForPage(page, 'Halaman tidak ditemukan');
    expect(await page.getByRole('main').innerText()).toBe(forbidden);
    expect(forbidden).not.toContain('Catatan rapat internal');
  });

  it('Pembaca melihat apa yang berubah di antara dua revisi', async () => {
    const { page } = await open({ as: reader });
    await page.goto(`/aset/${assetId}`);
    await waitForPage(page, TITLE);
    await page.getByRole('link', { name: 'Riwayat revisi (2)' }).click();
    await waitForPage(page, 'Riwayat revisi');
    await page.getByRole('heading', { name: 'Perubahan dari revisi 1 ke revisi 2' }).waitFor();
    const summary = page.getByRole('region', { name: 'Ringkasan', exact: true });
    const added = async (region: typeof summary) =>
      (await region.locator('ins').allInnerTexts()).join('');
    await expect(added(summary)).resolves.toContain('usaha mikro');
    // Tags as the API stores them.
    await expect(added(page.getByRole('region', { name: 'Tag', exact: true }))).resolves.toContain(
      'usaha-mikro',
    );
    // Not by colour alone: the marks say it in words to screen readers, and the legend on screen.
    await expect(summary.locator('ins').first().textContent()).resolves.toMatch(
      /^\[ditambahkan: .*\]$/,
    );
    await page
      .getByText('Teks yang ditambahkan bergaris bawah, teks yang dihapus dicoret.')
      .waitFor();
    await page.getByText(/^Tidak berubah: Judul, Jenis, Apa yang direncanakan/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'aset-revisi');

    // The comparison is in the address: choosing another pair changes it.
    await page.getByLabel('Dari revisi').selectOption('2');
    await until(
      () => page.url(),
      (url) => url.includes('dari=2'),
    );
    await page.getByText('Isi kedua revisi ini sama.').waitFor();
  });

  it('the asset page, its PDF preview, the reuse dialog and the revisions at 360 px', async () => {
    const { page } = await open({ as: reader, viewport: PHONE });
    await page.goto(`/aset/${assetId}`);
    await waitForPage(page, TITLE);
    await page.getByRole('button', { name: `Pratinjau ${PDF_NAME}` }).click();
    await drawnPage(page, /halaman 1 dari 2$/);
    await expectAccessible(page);
    await screenshot(page, 'aset-pratinjau-pdf');
    await page.getByRole('button', { name: 'Saya terapkan', exact: true }).click();
    await page.getByRole('dialog', { name: 'Laporkan penerapan' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'aset-saya-terapkan', { fullPage: false });
    await page.keyboard.press('Escape');
    await page.goto(`/aset/${assetId}/revisi`);
    await waitForPage(page, 'Riwayat revisi');
    await page.getByRole('heading', { name: 'Perubahan dari revisi 1 ke revisi 2' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'aset-revisi');
  });
});
