import { readFile } from 'node:fs/promises';
import { Workbook } from 'exceljs';
import { givenHighRiskPerson, givenUser, type GivenUser, inDays } from '../support/factories';
import {
  expectAccessible,
  PHONE,
  type Portal,
  portalTabs,
  screenshot,
  startPortal,
  until,
  waitForPage,
} from './support/portal';

const REGISTER = 'Pengetahuan berisiko';

describe('portal: Pengetahuan berisiko', () => {
  let portal: Portal;
  let opdAdmin: GivenUser;
  let expert: GivenUser;
  let interviewer: GivenUser;
  let asn: GivenUser;
  const { open, closeAll } = portalTabs(() => portal);

  beforeAll(async () => {
    portal = await startPortal();
    const ds = portal.t.ds;
    opdAdmin = await givenUser(ds, { roles: ['opd_admin'], name: 'Admin BPSDM' });
    expert = await givenHighRiskPerson(ds, { name: 'Sri Arsiparis Senior' });
    interviewer = await givenUser(ds, { name: 'Budi Pewawancara' });
    asn = await givenUser(ds, { name: 'Nur Staf Biasa' });
  });
  afterEach(() => closeAll());
  afterAll(() => portal.close());

  it('Admin OPD menyaring daftar, membuat rencana wawancara, mengunduh XLSX dan membuka keahlian seseorang', async () => {
    const { page } = await open({ as: opdAdmin });
    await page.goto('/');
    await page.getByRole('link', { name: REGISTER }).first().click();
    await waitForPage(page, REGISTER);
    const row = page.getByRole('row').filter({ hasText: 'Sri Arsiparis Senior' });
    await row.waitFor();
    await expect(row.getByText('Tinggi', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(row.getByText('Belum ada rencana').isVisible()).resolves.toBe(true);
    // The planned departure in six months, as a month and a kind (never a birth date).
    await expect(row.getByText('Rencana keluar · mutasi').isVisible()).resolves.toBe(true);

    // Filters live in the URL: high risk only, then a name.
    await page.getByRole('checkbox', { name: 'Hanya risiko tinggi' }).check();
    await until(
      () => new URL(page.url()).searchParams.get('tinggi'),
      (v) => v === 'true',
    );
    await page.getByRole('searchbox', { name: 'Cari nama' }).fill('Sri Arsi');
    await until(
      () => new URL(page.url()).searchParams.get('q'),
      (v) => v === 'Sri Arsi',
    );
    await expect(
      page.getByRole('row').filter({ hasText: 'Budi Pewawancara' }).count(),
    ).resolves.toBe(0);
    await row.waitFor();
    await expectAccessible(page);

    // A plan: a target after the departure is refused in the API's words, then a good one saved.
    await row.getByRole('button', { name: 'Buat rencana untuk Sri Arsiparis Senior' }).click();
    const dialog = page.getByRole('dialog', {
      name: 'Rencana wawancara retensi: Sri Arsiparis Senior',
    });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Simpan rencana' }).click();
    await dialog.getByText('Wajib diisi.').first().waitFor();
    await dialog.getByRole('searchbox', { name: 'Cari pewawancara' }).fill('Budi Pew');
    await dialog
      .getByRole('radio', { name: /^Budi Pewawancara · Analis Kebijakan · BPSDM/ })
      .check();
    await dialog.getByLabel('Target wawancara').fill(inDays(365));
    await dialog.getByRole('button', { name: 'Simpan rencana' }).click();
    await dialog.getByText('Harus sebelum tanggal keluar.').waitFor();
    await expect(
      portal.t.ds.query(`SELECT 1 FROM retention_plans WHERE user_id = $1`, [expert.id]),
    ).resolves.toHaveLength(0);
    await dialog.getByLabel('Target wawancara').fill(inDays(30));
    await dialog.getByLabel('Catatan').fill('Fokus pada tata kelola arsip lama.');
    await dialog.getByRole('button', { name: 'Simpan rencana' }).click();
    await dialog.getByText('Rencana disimpan.').waitFor();
    const [plan] = await portal.t.ds.query<
      { interviewer_id: string; target_date: string; state: string; notes: string }[]
    >(
      `SELECT interviewer_id, to_char(target_date, 'YYYY-MM-DD') AS target_date, state, notes
         FROM retention_plans WHERE user_id = $1`,
      [expert.id],
    );
    expect(plan).toEqual({
      interviewer_id: interviewer.id,
      target_date: inDays(30),
      state: 'direncanakan',
      notes: 'Fokus pada tata kelola arsip lama.',
    });
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Tutup' }).click();
    await row.getByText('Direncanakan').waitFor();

    // The export carries the same filtered rows, with labels a person reads.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh XLSX' }).click(),
    ]);
    const book = new Workbook();
    await book.xlsx.load((await readFile(await download.path())) as never);
    const sheet = book.getWorksheet('Pengetahuan berisiko')!;
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(6).getCell(1).value).toBe('Sri Arsiparis Senior');
    expect(sheet.getRow(6).getCell(14).value).toBe('Direncanakan');
    expect(sheet.getRow(6).getCell(15).value).toBe('Budi Pewawancara');

    // The person's name opens their expertise page.
    await row.getByRole('link', { name: 'Sri Arsiparis Senior' }).click();
    await waitForPage(page, 'Keahlian Sri Arsiparis Senior');
    await screenshot(page, 'keahlian-kosong');
  });

  it('Admin OPD mencatat wawancara dan membatalkan rencana dengan alasan, di layar ponsel', async () => {
    const person = await givenHighRiskPerson(portal.t.ds, { name: 'Rudi Ahli Jalan' });
    const { page } = await open({ as: opdAdmin, viewport: PHONE });
    await page.goto('/berisiko?q=Rudi');
    await waitForPage(page, REGISTER);
    await page.getByRole('button', { name: 'Buat rencana untuk Rudi Ahli Jalan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rencana wawancara retensi: Rudi Ahli Jalan' });
    await dialog.getByRole('searchbox', { name: 'Cari pewawancara' }).fill('Budi');
    await dialog.getByRole('radio', { name: /^Budi Pewawancara/ }).check();
    await dialog.getByLabel('Target wawancara').fill(inDays(20));
    await dialog.getByRole('button', { name: 'Simpan rencana' }).click();
    await dialog.getByText('Rencana disimpan.').waitFor();
    await dialog.getByRole('button', { name: 'Tutup' }).click();

    await page.getByRole('button', { name: 'Kelola rencana Rudi Ahli Jalan' }).click();
    await dialog.getByRole('button', { name: 'Tandai sudah diwawancarai' }).click();
    await dialog.getByText(/Wawancara dicatat/).waitFor();
    await until(
      async () =>
        (
          await portal.t.ds.query<{ state: string }[]>(
            `SELECT state FROM retention_plans WHERE user_id = $1`,
            [person.id],
          )
        )[0]?.state,
      (s) => s === 'diwawancarai',
    );
    await screenshot(page, 'berisiko-rencana-360');
    await dialog.getByLabel('Alasan pembatalan').fill('singkat');
    await dialog.getByRole('button', { name: 'Batalkan rencana ini' }).click();
    await dialog.getByText('Paling sedikit 10 karakter.').first().waitFor();
    await dialog
      .getByLabel('Alasan pembatalan')
      .fill('Yang bersangkutan batal dimutasi tahun ini.');
    await dialog.getByRole('button', { name: 'Batalkan rencana ini' }).click();
    await dialog.getByText('Rencana dibatalkan.').waitFor();
    const [row] = await portal.t.ds.query<{ state: string; cancel_reason: string }[]>(
      `SELECT state, cancel_reason FROM retention_plans WHERE user_id = $1`,
      [person.id],
    );
    expect(row).toEqual({
      state: 'dibatalkan',
      cancel_reason: 'Yang bersangkutan batal dimutasi tahun ini.',
    });
  });

  it('ASN biasa tidak melihat menu maupun isi daftar', async () => {
    const { page } = await open({ as: asn });
    await page.goto('/');
    await waitForPage(page, 'Temukan dan bagikan pengetahuan ASN Jakarta');
    await expect(page.getByRole('link', { name: REGISTER }).count()).resolves.toBe(0);
    const registerCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/knowledge-risk')) registerCalls.push(r.url());
    });
    await page.goto('/berisiko');
    await waitForPage(page, 'Tidak ada akses');
    await expect(page.getByText('Sri Arsiparis Senior').count()).resolves.toBe(0);
    expect(registerCalls).toEqual([]);
  });
});
