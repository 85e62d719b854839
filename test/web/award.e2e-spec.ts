import { readFile } from 'node:fs/promises';
import { Workbook } from 'exceljs';
import { givenUser, type GivenUser, login, publishAsset, type Session } from '../support/factories';
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

interface Row {
  opdCode: string;
  opdName: string;
  rank: number;
  total: number;
  winner: boolean;
  aspects: Record<string, { score: number; assessor: number | null }>;
}

const AWARD = 'Penghargaan KMA';
const YEAR = 2025;
/** A year only this suite finalises. */
const FINAL_YEAR = 2024;
const ASSET_TITLE = 'Panduan pelatihan daring untuk penyuluh kesehatan';
const JUSTIFICATION = 'Tema CoP selaras dengan prioritas RPJMD dan dibuktikan notula rapat.';

describe('portal: Penghargaan KMA', () => {
  let portal: Portal;
  let assessor: GivenUser;
  let admin: GivenUser;
  let asn: GivenUser;
  let assessorSession: Session;
  const { open, closeAll } = portalTabs(() => portal);
  const ranking = async (year: number): Promise<Row[]> =>
    (
      await portal.t
        .http()
        .get(`/api/v1/awards/${year}/scores`)
        .set(assessorSession.auth)
        .expect(200)
    ).body as Row[];

  beforeAll(async () => {
    portal = await startPortal();
    const ds = portal.t.ds;
    const http = () => portal.t.http();
    assessor = await givenUser(ds, { roles: ['assessor'], name: 'Asesor Penilai' });
    admin = await givenUser(ds, { roles: ['admin'], name: 'Admin Sistem' });
    asn = await givenUser(ds, { opd: 'DINKES', name: 'Staf Dinkes' });
    assessorSession = await login(http, assessor);
    const adminSession = await login(http, admin);
    for (const year of [YEAR, FINAL_YEAR])
      await http().post('/api/v1/awards').set(adminSession.auth).send({ year }).expect(201);
    // DINKES published an asset in 2025: its documentation is no longer zero.
    const author = await login(http, await givenUser(ds, { opd: 'DINKES' }));
    const verifier = await login(http, await givenUser(ds, { opd: 'DINKES', roles: ['verifier'] }));
    const assetId = await publishAsset(http, author, verifier, {
      title: ASSET_TITLE,
      visibility: 'internal',
    });
    await ds.query(`UPDATE assets SET published_at = '2025-03-04T03:00:00Z' WHERE id = $1`, [
      assetId,
    ]);
  });
  afterEach(() => closeAll());
  afterAll(() => portal.close());

  it('Asesor membuka peringkat 2025, mengurutkan, menilai satu aspek dan mengunduh XLSX', async () => {
    const { page } = await open({ as: assessor });
    await page.goto('/');
    await page.getByRole('link', { name: AWARD }).first().click();
    await waitForPage(page, AWARD);
    const table = page.getByRole('table', { name: `Peringkat KMA ${YEAR}` });
    await table.waitFor();
    // One row per OPD under the header row.
    await until(
      () => table.getByRole('row').count(),
      (n) => n === 52,
    );
    const before = await ranking(YEAR);
    expect(before).toHaveLength(51);
    const dinkes = before.find((r) => r.opdCode === 'DINKES')!;

    // Sorting by mouse: Dokumentasi, highest first; DINKES (the only asset) leads.
    const docHeader = table.getByRole('columnheader', { name: /Dokumentasi/ });
    await docHeader.getByRole('button').click();
    await until(
      () => docHeader.getAttribute('aria-sort'),
      (v) => v === 'descending',
    );
    expect(new URL(page.url()).searchParams.get('urut')).toBe('dokumentasi');
    const firstRow = () => table.getByRole('row').nth(1);
    await expect(firstRow().getByRole('rowheader').innerText()).resolves.toContain(dinkes.opdName);
    // By keyboard: the OPD column, A–Z.
    const opdHeader = table.getByRole('columnheader', { name: /^OPD/ });
    await opdHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await until(
      () => opdHeader.getAttribute('aria-sort'),
      (v) => v === 'ascending',
    );
    const byName = [...before].sort((a, b) => a.opdName.localeCompare(b.opdName, 'id'));
    await expect(firstRow().getByRole('rowheader').innerText()).resolves.toContain(
      byName[0].opdName,
    );
    await expectAccessible(page);

    // The OPD's drill-down: each input with its formula, the evidence linked to the asset.
    await table.getByRole('link', { name: dinkes.opdName }).click();
    await waitForPage(page, `${dinkes.opdName} · KMA ${YEAR}`);
    const documentation = page.getByRole('region', {
      name: 'Dokumentasi dan Aset Pengetahuan',
      exact: true,
    });
    const assetsInput = documentation.getByRole('row', { name: /Aset terbit per 100 ASN/ });
    await expect(assetsInput.innerText()).resolves.toContain('log(1 + aset terbit per 100 ASN)');
    await expect(
      page.getByRole('link', { name: ASSET_TITLE }).getAttribute('href'),
    ).resolves.toMatch(/^\/aset\/[0-9a-f-]{36}$/);
    await expectAccessible(page);

    // The radar of the six aspects against the median, with the same numbers as a table.
    const radar = page.getByRole('region', {
      name: 'Enam aspek dibandingkan median',
      exact: true,
    });
    await radar.getByRole('img', { name: 'Enam aspek dibandingkan median', exact: true }).waitFor();
    await radar.getByRole('button', { name: 'Tabel' }).click();
    const medianRow = radar.getByRole('row', { name: /Dokumentasi/ });
    // DINKES's documentation beside the median of 51 OPD, most of which have no asset (0).
    const documentationScore = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(
      dinkes.aspects.dokumentasi.score,
    );
    expect(dinkes.aspects.dokumentasi.score).toBeGreaterThan(0);
    await expect(medianRow.innerText()).resolves.toBe(`Dokumentasi\t${documentationScore}\t0`);

    // Scoring Relevansi Tema: a short justification is refused beside its field, then saved.
    const relevance = page.getByRole('region', { name: 'Relevansi Tema', exact: true });
    await relevance.getByLabel('Nilai', { exact: true }).fill('90');
    await relevance.getByLabel('Justifikasi', { exact: true }).fill('Bagus sekali');
    await relevance.getByText('12/20 karakter').waitFor();
    await relevance.getByRole('button', { name: 'Simpan nilai' }).click();
    await relevance.getByText('Justifikasi minimal 20 karakter.').waitFor();
    await relevance.getByLabel('Justifikasi', { exact: true }).fill(JUSTIFICATION);
    await relevance.getByRole('button', { name: 'Simpan nilai' }).click();
    await relevance.getByText('Nilai tersimpan.').waitFor();
    // The history shows the score with its justification and who gave it.
    await relevance.getByText(JUSTIFICATION).waitFor();
    await relevance.getByText(/Asesor Penilai · \d+ \w+ \d{4} \d{2}\.\d{2} WIB/).waitFor();
    await screenshot(page, 'penghargaan-opd-asesor');
    const after = await ranking(YEAR);
    const dinkesAfter = after.find((r) => r.opdCode === 'DINKES')!;
    expect(dinkesAfter.aspects.relevansi.assessor).toBe(90);
    expect(dinkesAfter.total).toBeGreaterThan(dinkes.total);

    // Back on the ranking: DINKES now leads with its new total, no longer provisional there.
    await page.getByRole('link', { name: `← Peringkat KMA ${YEAR}` }).click();
    await waitForPage(page, AWARD);
    await table.waitFor();
    const dinkesRow = table.getByRole('row').filter({ hasText: dinkes.opdName });
    const total = dinkesAfter.total.toFixed(2).replace('.', ',');
    await until(
      () => dinkesRow.innerText(),
      (text) => text.includes(total),
    );
    expect(dinkesAfter.rank).toBe(1);
    await expect(firstRow().getByRole('rowheader').innerText()).resolves.toContain(dinkes.opdName);
    await screenshot(page, 'penghargaan-asesor');

    // The XLSX holds the ranking the API gives, row for row.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh XLSX' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`kma-${YEAR}-peringkat.xlsx`);
    const book = new Workbook();
    await book.xlsx.load((await readFile(await download.path())) as never);
    const sheet = book.worksheets[0];
    let header = 0;
    sheet.eachRow((row, n) => {
      if (!header && row.getCell(1).value === 'Peringkat') header = n;
    });
    expect(header).toBeGreaterThan(0);
    expect(sheet.getRow(header).getCell(2).value).toBe('Kode OPD');
    expect(sheet.getRow(header).getCell(4).value).toBe('Nilai Total');
    const exported = [];
    for (let n = header + 1; n <= header + 51; n++) {
      const row = sheet.getRow(n);
      exported.push({
        rank: row.getCell(1).value,
        opdCode: row.getCell(2).value,
        opdName: row.getCell(3).value,
        total: row.getCell(4).value,
      });
    }
    expect(exported).toEqual(
      after.map((r) => ({
        rank: r.rank,
        opdCode: r.opdCode,
        opdName: r.opdName,
        total: Math.round(r.total * 100) / 100,
      })),
    );
    expect(sheet.getRow(header + 52).getCell(2).value ?? null).toBeNull();
  });

  it('Admin memfinalisasi tahun tersendiri dengan konfirmasi; ASN melihat peringkatnya tanpa bisa menilai', async () => {
    const { page } = await open({ as: admin });
    await page.goto(`/penghargaan?tahun=${FINAL_YEAR}`);
    await waitForPage(page, AWARD);
    await page.getByRole('table', { name: `Peringkat KMA ${FINAL_YEAR}` }).waitFor();
    await page.getByRole('button', { name: 'Finalisasi' }).click();
    const dialog = page.getByRole('dialog', { name: `Finalisasi Penghargaan KMA ${FINAL_YEAR}?` });
    await dialog.waitFor();
    // It says what it freezes before anything is frozen.
    for (const text of [
      'nilai keenam aspek, total, peringkat dan pemenang 51 OPD',
      'rubrik versi 1',
      'nilai asesor dan perubahan bobot ditolak',
      `pertemuan tidak dapat lagi dicatat mundur ke tahun ${FINAL_YEAR}`,
      'Finalisasi tidak dapat dibatalkan.',
    ])
      await dialog.getByText(text, { exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'penghargaan-finalisasi', { fullPage: false });
    await dialog.getByRole('button', { name: `Ya, finalisasi ${FINAL_YEAR}` }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/^Final · difinalisasi \d+ \w+ \d{4}/).waitFor();
    await expect(page.getByRole('button', { name: 'Finalisasi' }).count()).resolves.toBe(0);
    // The restatement: nothing changed since.
    await page.getByText('Hitungan ulang dari data hari ini memberi hasil yang sama.').waitFor();
    const stored = await portal.t.ds.query<{ finalized_at: Date | null }[]>(
      `SELECT finalized_at FROM award_years WHERE year = $1`,
      [FINAL_YEAR],
    );
    expect(stored[0].finalized_at).toBeInstanceOf(Date);

    // An ASN sees the published year only, read-only, at phone width too.
    const asnTab = await open({ as: asn, viewport: PHONE });
    const asnPage = asnTab.page;
    await asnPage.goto('/penghargaan');
    await waitForPage(asnPage, AWARD);
    const table = asnPage.getByRole('table', { name: `Peringkat KMA ${FINAL_YEAR}` });
    await table.waitFor();
    await until(
      () => table.getByRole('row').count(),
      (n) => n === 52,
    );
    for (const name of ['Unduh XLSX', 'Unduh CSV', 'Finalisasi'])
      await expect(asnPage.getByRole('button', { name }).count()).resolves.toBe(0);
    await expect(asnPage.getByRole('combobox', { name: 'Tahun' }).inputValue()).resolves.toBe(
      String(FINAL_YEAR),
    );
    await expect(
      asnPage.getByRole('option', { name: String(YEAR), exact: true }).count(),
    ).resolves.toBe(0);
    await expectAccessible(asnPage);
    await screenshot(asnPage, 'penghargaan-asn', { fullPage: false });
    // Their own OPD's page: the numbers, no scoring form.
    await table.getByRole('link', { name: /Dinas Kesehatan/ }).click();
    await asnPage.getByRole('heading', { level: 1, name: /· KMA 2024$/ }).waitFor();
    await asnPage.getByRole('region', { name: 'Relevansi Tema', exact: true }).waitFor();
    await expect(asnPage.getByRole('button', { name: 'Simpan nilai' }).count()).resolves.toBe(0);
    // The open year looks like a missing one.
    await asnPage.goto(`/penghargaan?tahun=${YEAR}`);
    await asnPage.getByText(`Peringkat ${YEAR} belum tersedia`).waitFor();
    await expect(asnPage.getByRole('table').count()).resolves.toBe(0);
  });
});
