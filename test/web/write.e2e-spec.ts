import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import {
  exe,
  minimalPdf,
  png,
} from '../../libs/knowledge/src/attachments/content/testing/fixtures';
import {
  givenAsset,
  givenCop,
  givenMember,
  givenUser,
  type GivenUser,
  LESSON_SECTIONS,
  login,
  publishAsset,
} from '../support/factories';
import {
  DESKTOP,
  expectAccessible,
  PHONE,
  type Portal,
  portalTabs,
  screenshot,
  startPortal,
  until,
  waitForPage,
} from './support/portal';

/** What Word puts on the clipboard when a person copies part of a document (mso- styles, o:p…). */
const WORD_CLIPBOARD = readFileSync(join(__dirname, 'fixtures/word-clipboard.html'), 'utf8');

/** Small enough to refuse a made-up "big" PDF quickly; real files stay under it. */
const UPLOAD_MAX_BYTES = 256 * 1024;

interface StoredAsset {
  id: string;
  status: string;
  title: string;
  summary: string;
  sections: Record<string, string>;
  tags: string[];
  seci_mode: string | null;
  visibility: string;
  cop_id: string | null;
  narasumber_id: string | null;
  author_ids: string[];
}

describe('portal: writing knowledge (Tulis pengetahuan)', () => {
  let portal: Portal;
  const { open, closeAll } = portalTabs(() => portal);

  /** The asset as stored, by its title (one per test). */
  const stored = async (title: string): Promise<StoredAsset | undefined> => {
    const [row] = await portal.t.ds.query<StoredAsset[]>(
      `SELECT id, status, title, summary, sections, tags, seci_mode, visibility, cop_id,
              narasumber_id, author_ids
         FROM assets WHERE title = $1`,
      [title],
    );
    return row;
  };
  const attachmentsOf = async (assetId: string) =>
    portal.t.ds.query<{ display_name: string; mime: string }[]>(
      `SELECT display_name, mime FROM attachments WHERE asset_id = $1 ORDER BY created_at`,
      [assetId],
    );

  /** A section's editor: a textbox named by the section's label. */
  const section = (page: Page, label: string): Locator =>
    page.getByRole('textbox', { name: label, exact: true });
  /** Waits until the form says "Tersimpan HH.MM WIB" (everything typed is on the server). */
  const saved = (page: Page) =>
    page
      .locator('[data-save-state="saved"]')
      .getByText(/^Tersimpan \d{2}\.\d{2} WIB/)
      .waitFor();
  const startWriting = async (page: Page, typeLabel: string) => {
    await page.goto('/tulis');
    await waitForPage(page, 'Tulis pengetahuan');
    await page.getByRole('radio', { name: typeLabel, exact: true }).check();
    await page.getByRole('button', { name: 'Mulai menulis' }).click();
    await page.getByRole('textbox', { name: 'Judul', exact: true }).waitFor();
  };

  beforeAll(async () => {
    portal = await startPortal({
      // Tokens run out quickly here; the journeys also end sessions on the server.
      ACCESS_TOKEN_TTL_SECONDS: '30',
      UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES),
    });
  });
  afterEach(() => closeAll());
  afterAll(() => portal.close());

  it('ASN menulis pelajaran dengan lampiran PDF, sesi berakhir di tengah jalan, dan tidak kehilangan apa pun', async () => {
    const asn = await givenUser(portal.t.ds, { name: 'Sari Wulandari' });
    // A colleague's published asset already uses a tag: it is suggested as she types.
    const http = () => portal.t.http();
    await publishAsset(
      http,
      await login(http, await givenUser(portal.t.ds)),
      await login(http, await givenUser(portal.t.ds, { roles: ['verifier'] })),
      { title: 'Panduan perizinan usaha mikro daring', tags: ['perizinan-daring'] },
    );
    const { page } = await open({ as: asn });
    const title = 'Pelajaran dari migrasi layanan perizinan ke aplikasi daring';
    await startWriting(page, 'Pelajaran');
    await page.getByRole('textbox', { name: 'Judul', exact: true }).fill(title);
    await page
      .getByRole('textbox', { name: 'Ringkasan', exact: true })
      .fill('Apa yang kami pelajari saat memindahkan layanan perizinan ke aplikasi daring.');
    await section(page, 'Apa yang direncanakan').click();
    await page.keyboard.type(
      'Seluruh permohonan izin usaha mikro masuk lewat aplikasi dalam tiga bulan.',
    );
    await section(page, 'Apa yang terjadi').click();
    await page.keyboard.type('Separuh pemohon tetap datang ke loket karena belum punya akun.');
    await saved(page);
    const draft = await stored(title);
    expect(draft).toMatchObject({ status: 'draft', author_ids: [asn.id] });
    expect(draft!.sections.yang_terjadi).toContain('Separuh pemohon');
    expect(new URL(page.url()).searchParams.get('aset')).toBe(draft!.id);

    // The session ends on the server; the access token in the tab is then worth nothing and the
    // refresh is refused. The person has just written a section the server does not have yet,
    // and attaches the report.
    await portal.t.ds.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [
      asn.id,
    ]);
    const why = 'Sosialisasi akun daring baru dimulai sepekan sebelum loket ditutup.';
    await section(page, 'Mengapa berbeda').fill(why);
    await page.getByLabel('Lampiran').setInputFiles({
      name: 'laporan-evaluasi.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf('Laporan evaluasi layanan perizinan daring'),
    });
    const dialog = page.getByRole('dialog', { name: 'Sesi Anda telah berakhir' });
    await dialog.waitFor();
    // Nothing is lost: the text is on the page, and this tab keeps a copy until the server has it.
    await expect(section(page, 'Mengapa berbeda').textContent()).resolves.toBe(why);
    await until(
      () => page.evaluate<string>(`sessionStorage.getItem('lumbung.tulis.${draft!.id}') ?? ''`),
      (copy) => copy.includes(why),
    );
    await expectAccessible(page);

    await dialog.getByLabel('Kata sandi', { exact: true }).fill(asn.password);
    await dialog.getByRole('button', { name: 'Masuk', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The upload and the save that waited for the new sign-in went through.
    await page
      .getByRole('list', { name: 'Berkas terlampir' })
      .getByText('laporan-evaluasi.pdf')
      .waitFor();
    await saved(page);
    expect((await stored(title))!.sections.mengapa_berbeda).toBe(why);

    await section(page, 'Apa yang dilakukan lain kali').click();
    await page.keyboard.type('Buka pendaftaran akun di loket sebulan sebelum beralih.');
    const tags = page.getByRole('combobox', { name: 'Tag', exact: true });
    await tags.fill('perizin');
    await page.getByRole('option', { name: 'perizinan-daring', exact: true }).click();
    await page.getByRole('radio', { name: 'Eksternalisasi' }).check();
    // Who will read it, in plain words, in the group named "Visibilitas" (internal by default).
    const visibility = page.getByRole('radiogroup', { name: 'Visibilitas', exact: true });
    await expect(
      visibility.getByRole('radio', { name: 'Internal', exact: true }).isChecked(),
    ).resolves.toBe(true);
    await visibility
      .getByText('Semua ASN Pemprov DKI Jakarta yang masuk ke Lumbung, dari OPD mana pun.')
      .waitFor();
    await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await page.getByRole('heading', { name: 'Terima kasih, aset Anda sudah diajukan' }).waitFor();

    const submitted = await stored(title);
    expect(submitted).toMatchObject({
      status: 'submitted',
      tags: ['perizinan-daring'],
      seci_mode: 'eksternalisasi',
      visibility: 'internal',
    });
    expect(submitted!.sections).toEqual({
      rencana: 'Seluruh permohonan izin usaha mikro masuk lewat aplikasi dalam tiga bulan.',
      yang_terjadi: 'Separuh pemohon tetap datang ke loket karena belum punya akun.',
      mengapa_berbeda: why,
      lain_kali: 'Buka pendaftaran akun di loket sebulan sebelum beralih.',
    });
    await expect(attachmentsOf(submitted!.id)).resolves.toEqual([
      { display_name: 'laporan-evaluasi.pdf', mime: 'application/pdf' },
    ]);
    // Once the server has everything, the tab keeps no copy.
    await expect(
      page.evaluate(
        `Object.keys(sessionStorage).filter((k) => k.startsWith('lumbung.tulis.')).length`,
      ),
    ).resolves.toBe(0);
  });

  it('ASN melampirkan berkas: yang jenisnya salah atau terlalu besar ditolak dengan alasannya, yang lain terunggah', async () => {
    const asn = await givenUser(portal.t.ds, { name: 'Dimas Pratama' });
    const { page } = await open({ as: asn });
    const title = 'Panduan mengarsipkan surat masuk secara elektronik';
    await startWriting(page, 'Panduan');
    // An optional section is named by its label alone too; that it may stay empty is said below.
    await expect(section(page, 'Rujukan').getAttribute('aria-required')).resolves.toBeNull();
    await page.getByRole('textbox', { name: 'Judul', exact: true }).fill(title);
    await saved(page);

    // The first file is held back on its way, so its progress bar can be seen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      '**/api/v1/assets/*/attachments',
      async (route) => {
        await held;
        await route.continue();
      },
      { times: 1 },
    );
    const big = Buffer.concat([minimalPdf('besar'), Buffer.alloc(UPLOAD_MAX_BYTES, 0x20)]);
    await page.getByLabel('Lampiran').setInputFiles([
      { name: 'pemasang.exe', mimeType: 'application/octet-stream', buffer: exe() },
      { name: 'scan-arsip-lengkap.pdf', mimeType: 'application/pdf', buffer: big },
      {
        name: 'daftar-klasifikasi.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Kode klasifikasi arsip: 000 umum, 800 kepegawaian.\n'),
      },
    ]);
    const uploads = page.getByRole('list', { name: 'Unggahan' });
    await uploads
      .getByRole('progressbar', { name: 'Mengunggah pemasang.exe' })
      .waitFor({ state: 'attached' });
    await expect(uploads.getByText('Menunggu giliran…').count()).resolves.toBe(2);
    await expectAccessible(page);
    await screenshot(page, 'tulis-unggah');
    release();

    // Each refused file says why, in the API's words; the others are not held up by it.
    const refusal = (name: string) => uploads.getByRole('listitem').filter({ hasText: name });
    await refusal('pemasang.exe')
      .getByText(
        'Ditolak: Jenis berkas tidak diizinkan (PDF, DOCX, XLSX, PPTX, PNG, JPG, TXT/MD/CSV, MP4).',
      )
      .waitFor();
    await refusal('scan-arsip-lengkap.pdf')
      .getByText('Ditolak: Berkas melebihi batas ukuran.')
      .waitFor();
    const attached = page.getByRole('list', { name: 'Berkas terlampir' });
    await attached.getByText('daftar-klasifikasi.txt').waitFor();
    await expect(attached.getByText(/^TXT · \d+ byte$/).count()).resolves.toBe(1);

    // A photo dropped on the zone is attached too.
    // (Scripts for the page are strings: this file is compiled without the DOM library.)
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      const bytes = new Uint8Array(${JSON.stringify([...png()])});
      data.items.add(new File([bytes], 'foto-rak-arsip.png', { type: 'image/png' }));
      const zone = document.getElementById('tulis-lampiran').parentElement;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    })()`);
    await attached.getByText('foto-rak-arsip.png').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'tulis-lampiran');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'tulis-lampiran');
    await page.setViewportSize(DESKTOP);

    await attached.getByRole('button', { name: 'Hapus berkas daftar-klasifikasi.txt' }).click();
    await attached.getByText('daftar-klasifikasi.txt').waitFor({ state: 'detached' });
    const asset = await stored(title);
    await expect(attachmentsOf(asset!.id)).resolves.toEqual([
      { display_name: 'foto-rak-arsip.png', mime: 'image/png' },
    ]);
  });

  it('ASN menempelkan tulisan dari Word: judul, daftar, dan tabel tetap terjaga', async () => {
    const asn = await givenUser(portal.t.ds);
    const { page } = await open({ as: asn });
    const title = 'Pelajaran dari evaluasi perizinan daring (dari Word)';
    await startWriting(page, 'Pelajaran');
    await page.getByRole('textbox', { name: 'Judul', exact: true }).fill(title);
    const happened = section(page, 'Apa yang terjadi');
    await happened.click();
    // A paste as the browser delivers it from Word: text/html with mso- styles and o:p tags.
    // (Scripts for the page are strings: this file is compiled without the DOM library.)
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/html', ${JSON.stringify(WORD_CLIPBOARD)});
      data.setData('text/plain', 'Evaluasi layanan perizinan daring');
      document.getElementById('tulis-bagian-yang_terjadi').dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    })()`);

    await happened
      .getByRole('heading', { level: 2, name: 'Evaluasi layanan perizinan daring' })
      .waitFor();
    await expect(
      happened.getByRole('heading', { level: 3, name: 'Kendala utama' }).count(),
    ).resolves.toBe(1);
    await expect(happened.locator('ul > li > ul > li').textContent()).resolves.toBe(
      'NIK tidak cocok dengan data Dukcapil',
    );
    await expect(happened.locator('ol > li').allTextContents()).resolves.toEqual([
      'Verifikasi berkas oleh petugas',
      'Penerbitan izin secara elektronik',
    ]);
    await expect(happened.locator('table th').allTextContents()).resolves.toEqual([
      'Tahap',
      'Waktu rata-rata',
    ]);
    await saved(page);

    const markdown = (await stored(title))!.sections.yang_terjadi;
    expect(markdown).toMatch(/^## Evaluasi layanan perizinan daring$/m);
    expect(markdown).toMatch(/^Migrasi dilakukan dalam tiga tahap selama \*\*enam bulan\*\*, /m);
    expect(markdown).toMatch(/^### Kendala utama$/m);
    expect(markdown).toMatch(/^- Data pemohon belum lengkap$/m);
    expect(markdown).toMatch(/^ +- NIK tidak cocok dengan data Dukcapil$/m);
    expect(markdown).toMatch(/^- Server lambat pada jam sibuk$/m);
    expect(markdown).toMatch(/^1\. Verifikasi berkas oleh petugas$/m);
    expect(markdown).toMatch(/^2\. Penerbitan izin secara elektronik$/m);
    expect(markdown).toMatch(/^\| *(\*\*)?Tahap(\*\*)? *\| *(\*\*)?Waktu rata-rata(\*\*)? *\|$/m);
    expect(markdown).toMatch(/^\| *-+ *\| *-+ *\|$/m);
    expect(markdown).toMatch(/^\| *Verifikasi berkas *\| *3 hari kerja *\|$/m);
    expect(markdown).toMatch(/^\| *Penerbitan izin *\| *1 hari kerja *\|$/m);
    expect(markdown).not.toMatch(/mso-|o:p|Mso|·|font-family/);
  });

  it('ASN menulis dengan keyboard saja; yang belum diisi ditunjukkan di samping kolomnya saat diajukan', async () => {
    const asn = await givenUser(portal.t.ds, { name: 'Rudi Hartono' });
    const { page } = await open({ as: asn });
    const title = 'Pelajaran dari rapat koordinasi tanpa kertas';
    const focused = (target: Locator) =>
      target.evaluate(
        (el) =>
          el === (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
      );
    /** Presses Tab until `target` has focus, as a keyboard user would (fails if it never does). */
    const tabTo = async (target: Locator, max = 60) => {
      for (let i = 0; i < max; i++) {
        if (await focused(target)) return;
        await page.keyboard.press('Tab');
      }
      const at = await page.evaluate<string>('document.activeElement?.outerHTML.slice(0, 200)');
      throw new Error(`Tab never reached ${target.toString()}; focus is on ${at}`);
    };

    await page.goto('/tulis');
    await waitForPage(page, 'Tulis pengetahuan');
    await tabTo(page.getByRole('radio', { name: 'Praktik Baik', exact: true }));
    await page.keyboard.press('ArrowRight');
    await expect(
      page.getByRole('radio', { name: 'Pelajaran', exact: true }).isChecked(),
    ).resolves.toBe(true);
    await tabTo(page.getByRole('button', { name: 'Mulai menulis' }));
    await page.keyboard.press('Enter');
    // The form opens in its title.
    const titleBox = page.getByRole('textbox', { name: 'Judul', exact: true });
    await titleBox.waitFor();
    await expect(focused(titleBox)).resolves.toBe(true);
    await page.keyboard.type(title);
    await tabTo(page.getByRole('textbox', { name: 'Ringkasan', exact: true }));
    await page.keyboard.type('Rapat lintas OPD tanpa kertas: undangan, bahan, dan notulen daring.');
    await tabTo(section(page, 'Apa yang direncanakan'));
    await page.keyboard.type('Semua bahan rapat dibagikan ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('sehari sebelumnya');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('.');
    await tabTo(section(page, 'Apa yang terjadi'));
    await page.keyboard.type('Bahan baru lengkap dua jam sebelum rapat.');
    await tabTo(page.getByRole('combobox', { name: 'Tag', exact: true }));
    await page.keyboard.type('rapat daring');
    await page.keyboard.press('Enter');
    await tabTo(page.getByRole('radio', { name: 'Sosialisasi' }));
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Eksternalisasi' }).isChecked()).resolves.toBe(
      true,
    );
    await saved(page);

    // The completeness meter names what is missing by the labels on the form.
    const panel = page.getByRole('complementary', { name: 'Kelengkapan dan penyimpanan' });
    await until(
      () => panel.getByRole('listitem').allTextContents(),
      (items) => items.join('|') === 'Mengapa berbeda|Apa yang dilakukan lain kali',
    );
    await expect(
      panel.getByRole('progressbar', { name: 'Kelengkapan' }).getAttribute('aria-valuenow'),
    ).resolves.toBe('71');

    await tabTo(page.getByRole('button', { name: 'Ajukan', exact: true }));
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'Belum dapat diajukan' });
    await alert.waitFor();
    await expect(alert.getByRole('listitem').allTextContents()).resolves.toEqual([
      'Mengapa berbeda',
      'Apa yang dilakukan lain kali',
    ]);
    // Beside each field too, and the field says so to screen readers.
    const why = section(page, 'Mengapa berbeda');
    await expect(why.getAttribute('aria-invalid')).resolves.toBe('true');
    const errorId = (await why.getAttribute('aria-describedby'))!.split(' ')[0];
    await expect(page.locator(`[id="${errorId}"]`).textContent()).resolves.toBe(
      'Wajib diisi sebelum diajukan.',
    );
    expect((await stored(title))!.status).toBe('draft');
    await expectAccessible(page);
    await screenshot(page, 'tulis-formulir');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'tulis-formulir');
    await page.setViewportSize(DESKTOP);

    // From the alert's list straight to the field, and on.
    await tabTo(alert.getByRole('button', { name: 'Mengapa berbeda' }));
    await page.keyboard.press('Enter');
    await expect(focused(why)).resolves.toBe(true);
    await page.keyboard.type('Penyusun bahan baru tahu jadwal rapat sehari sebelumnya.');
    await tabTo(alert.getByRole('button', { name: 'Apa yang dilakukan lain kali' }));
    await page.keyboard.press('Enter');
    await page.keyboard.type('Kunci jadwal rapat sepekan sebelumnya.');
    await tabTo(page.getByRole('button', { name: 'Ajukan', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Terima kasih, aset Anda sudah diajukan' }).waitFor();

    const submitted = await stored(title);
    expect(submitted).toMatchObject({ status: 'submitted', tags: ['rapat-daring'] });
    expect(submitted!.sections.rencana).toBe('Semua bahan rapat dibagikan **sehari sebelumnya**.');
    expect(submitted!.sections.lain_kali).toBe('Kunci jadwal rapat sepekan sebelumnya.');
  });

  it('ASN melanjutkan drafnya dari Beranda: formulir yang sama memuat tulisannya, lalu diajukan', async () => {
    const asn = await givenUser(portal.t.ds, { name: 'Nur Aini' });
    const http = () => portal.t.http();
    const title = 'Pelajaran dari antrean layanan KTP elektronik';
    const id = await givenAsset(
      http,
      await login(http, asn),
      await login(http, await givenUser(portal.t.ds, { roles: ['verifier'] })),
      'draft',
      {
        title,
        summary: 'Antrean perekaman KTP elektronik di kelurahan.',
        tags: ['ktp-elektronik'],
        seciMode: 'eksternalisasi',
        sections: { ...LESSON_SECTIONS, lain_kali: '' },
      },
    );
    const { page } = await open({ as: asn });
    await page.goto('/');
    await page.getByRole('link', { name: title, exact: true }).click();
    await waitForPage(page, 'Ubah aset');
    expect(new URL(page.url()).pathname).toBe(`/aset/${id}/ubah`);
    await expect(
      page.getByRole('textbox', { name: 'Judul', exact: true }).inputValue(),
    ).resolves.toBe(title);
    await expect(section(page, 'Apa yang terjadi').textContent()).resolves.toBe('b');
    await expect(page.getByRole('radio', { name: 'Eksternalisasi' }).isChecked()).resolves.toBe(
      true,
    );

    await section(page, 'Apa yang dilakukan lain kali').click();
    await page.keyboard.type('Buka antrean daring sehari sebelumnya.');
    await page.getByRole('button', { name: 'Simpan draf', exact: true }).click();
    await saved(page);
    expect((await stored(title))!.sections.lain_kali).toBe(
      'Buka antrean daring sehari sebelumnya.',
    );
    await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await page.getByRole('heading', { name: 'Terima kasih, aset Anda sudah diajukan' }).waitFor();
    const submitted = await stored(title);
    expect(submitted).toMatchObject({ id, status: 'submitted' });
    expect(submitted!.sections.lain_kali).toBe('Buka antrean daring sehari sebelumnya.');
  });

  it('ASN mencatat wawancara pengetahuan: narasumber dicari dengan NIP, rekan penulis dengan nama, untuk satu komunitas', async () => {
    const asn = await givenUser(portal.t.ds, { name: 'Maya Kusuma' });
    const expert: GivenUser = await givenUser(portal.t.ds, {
      name: 'Hartono Wibisono',
      opd: 'DINKES',
    });
    const colleague = await givenUser(portal.t.ds, { name: 'Lestari Anggraini' });
    const copId = await givenCop(portal.t.ds, colleague);
    await givenMember(portal.t.ds, copId, asn);
    await portal.t.ds.query(`UPDATE cops SET name = 'Komunitas Perencana Anggaran' WHERE id = $1`, [
      copId,
    ]);
    const { page } = await open({ as: asn });
    const title = 'Wawancara: menyusun anggaran puskesmas bersama Pak Hartono';
    await startWriting(page, 'Wawancara Pengetahuan');
    await page.getByRole('textbox', { name: 'Judul', exact: true }).fill(title);

    const narasumber = page.getByRole('combobox', { name: 'Narasumber', exact: true });
    await narasumber.fill(expert.nip);
    await page.getByRole('option', { name: 'Hartono Wibisono (DINKES)' }).click();
    const coAuthors = page.getByRole('combobox', { name: 'Penulis pendamping', exact: true });
    await coAuthors.fill('Lestari');
    await page.getByRole('option', { name: 'Lestari Anggraini (BPSDM)' }).click();
    await page.getByRole('radio', { name: 'Komunitas (CoP)' }).check();
    await page.getByRole('combobox', { name: 'Komunitas praktik' }).click();
    await page.getByRole('option', { name: 'Komunitas Perencana Anggaran' }).click();
    await saved(page);
    await expectAccessible(page);

    const asset = await stored(title);
    expect(asset).toMatchObject({
      narasumber_id: expert.id,
      author_ids: [asn.id, colleague.id],
      visibility: 'cop',
      cop_id: copId,
    });
    // The NIP was only typed, never shown back.
    await expect(page.getByText(expert.nip).count()).resolves.toBe(0);
  });
});
