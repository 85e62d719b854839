import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { UsageRollupService } from '@lumbung/metrics';
import {
  givenCop,
  givenMember,
  givenUser,
  type GivenUser,
  insertUsageEvents,
  login,
  publishAsset,
  type Session,
} from '../support/factories';
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

const DASHBOARD = 'Dasbor OPD';
const YEAR = 2025;
const TOP_TITLE = 'Panduan penyusunan kurikulum pelatihan jabatan fungsional';

interface QuarterRow {
  quarter: number;
  publishedAssets: number;
  uniqueReaders: number;
  internalReaders: number;
  otherOpdsReached: number;
  meetings: number;
  distinctAttendees: number;
  internalReachPercent: number;
}
interface Detail {
  opd: QuarterRow & { opdName: string };
  quarters: QuarterRow[];
}

/** The CSV's lines without the byte-order mark, split into fields (no quoted fields here). */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(','));
}

describe('portal: Dasbor OPD', () => {
  let portal: Portal;
  let opdAdmin: GivenUser;
  let apiSession: Session;
  let assessor: GivenUser;
  let noRole: GivenUser;
  const { open, closeAll } = portalTabs(() => portal);
  /** An instant in the demo year: month 1–12, day, 10:00 WIB. */
  const at = (month: number, day: number) =>
    `${YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T03:00:00Z`;

  beforeAll(async () => {
    portal = await startPortal();
    const ds = portal.t.ds;
    const http = () => portal.t.http();
    await ds.query(`UPDATE opds SET headcount = 8 WHERE code = 'BPSDM'`);
    opdAdmin = await givenUser(ds, { roles: ['opd_admin'], name: 'Admin Dasbor BPSDM' });
    assessor = await givenUser(ds, { roles: ['assessor'], name: 'Asesor Dasbor' });
    apiSession = await login(http, assessor);
    // Every role carries metrics:read; an account without any role has none.
    noRole = await givenUser(ds, { name: 'Tanpa Peran' });
    await ds.query(`DELETE FROM user_roles WHERE user_id = $1`, [noRole.id]);

    const author = await login(http, await givenUser(ds, { name: 'Penulis BPSDM' }));
    const verifier = await login(http, await givenUser(ds, { roles: ['verifier'] }));
    const ids = [
      await publishAsset(http, author, verifier, { title: TOP_TITLE }),
      await publishAsset(http, author, verifier, { title: 'Pelajaran dari pelatihan daring' }),
      await publishAsset(http, author, verifier, { title: 'Pelajaran dari uji kompetensi' }),
    ];
    const published = [at(2, 10), at(5, 12), at(5, 20)];
    for (const [i, id] of ids.entries())
      await ds.query(`UPDATE assets SET published_at = $2, verified_at = $2 WHERE id = $1`, [
        id,
        published[i],
      ]);
    const dinkesAuthor = await login(http, await givenUser(ds, { opd: 'DINKES' }));
    const dinkesVerifier = await login(
      http,
      await givenUser(ds, { opd: 'DINKES', roles: ['verifier'] }),
    );
    const dinkesAsset = await publishAsset(http, dinkesAuthor, dinkesVerifier, {
      title: 'Pelajaran dari posyandu keliling',
    });
    await ds.query(`UPDATE assets SET published_at = $2, verified_at = $2 WHERE id = $1`, [
      dinkesAsset,
      at(3, 3),
    ]);

    const colleagues = await Promise.all([1, 2, 3].map(() => givenUser(ds)));
    const dinkes = await givenUser(ds, { opd: 'DINKES' });
    const dsda = await givenUser(ds, { opd: 'DSDA' });
    // Triwulan I: three colleagues and DINKES read the guide; II: two colleagues read the others;
    // IV: DSDA reads the guide. DINKES's asset is read by a BPSDM colleague in Triwulan I.
    await insertUsageEvents(ds, ids[0], [...colleagues, dinkes], [at(3, 4)]);
    await insertUsageEvents(ds, ids[1], colleagues.slice(0, 2), [at(6, 2)]);
    await insertUsageEvents(ds, ids[2], colleagues.slice(0, 1), [at(6, 3)]);
    await insertUsageEvents(ds, ids[0], [dsda], [at(11, 5)]);
    await insertUsageEvents(ds, dinkesAsset, colleagues.slice(0, 1), [at(3, 5)]);
    // Days long past: the rollups are rebuilt for the year, as `npm run metrics:rebuild` does.
    await portal.t.app.get(UsageRollupService).rebuild(`${YEAR}-01-01`, `${YEAR}-12-31`);

    // A CoP meeting in Triwulan II with two colleagues and the DINKES reader.
    const leadUser = await givenUser(ds, { name: 'Pemimpin Komunitas' });
    const lead = await login(http, leadUser);
    const cop = await givenCop(ds, leadUser);
    for (const u of [...colleagues.slice(0, 2), dinkes]) await givenMember(ds, cop, u);
    await ds.query(`UPDATE cop_memberships SET joined_at = $2 WHERE cop_id = $1`, [cop, at(1, 6)]);
    await http()
      .post(`/api/v1/cops/${cop}/meetings`)
      .set(lead.auth)
      .send({
        heldAt: '2025-04-15T10:00:00+07:00',
        mode: 'luring',
        topic: 'Kurikulum pelatihan 2025',
        durationMinutes: 90,
        attendeeNips: [colleagues[0].nip, colleagues[1].nip, dinkes.nip],
      })
      .expect(201);
  });
  afterEach(() => closeAll());
  afterAll(() => portal.close());

  const apiDetail = async (code: string): Promise<Detail> =>
    (
      await portal.t
        .http()
        .get(`/api/v1/metrics/opds/${code}?year=${YEAR}`)
        .set(apiSession.auth)
        .expect(200)
    ).body as Detail;
  const stat = (page: Page, metric: string) =>
    page.locator(`[data-metric="${metric}"] dd > span`).first();

  it('Admin OPD membuka dasbor, berpindah tahun dan Triwulan, melihat tabel dan mengunduh CSV yang sama dengan API', async () => {
    const api = await apiDetail('BPSDM');
    const { page } = await open({ as: opdAdmin });
    await page.goto('/');
    await page.getByRole('link', { name: 'Dasbor' }).first().click();
    await waitForPage(page, DASHBOARD);
    // This year has nothing yet: the page says so and offers the year before.
    const thisYear = Number(await page.getByRole('combobox', { name: 'Tahun' }).inputValue());
    expect(thisYear).toBeGreaterThan(YEAR);
    await page.getByText(`Belum ada data untuk ${thisYear}`).waitFor();
    if (thisYear - 1 === YEAR) await page.getByRole('button', { name: `Lihat ${YEAR}` }).click();
    else await page.getByRole('combobox', { name: 'Tahun' }).selectOption(String(YEAR));
    await until(
      () => new URL(page.url()).searchParams.get('tahun'),
      (v) => v === String(YEAR),
    );
    await page
      .getByTestId('dashboard-opd')
      .filter({ hasText: 'Badan Pengembangan Sumber Daya Manusia (BPSDM)' })
      .waitFor();
    await expect(stat(page, 'publishedAssets').textContent()).resolves.toBe(
      String(api.opd.publishedAssets),
    );
    expect(api.opd).toMatchObject({ publishedAssets: 3, uniqueReaders: 5, otherOpdsReached: 2 });
    await expect(stat(page, 'uniqueReaders').textContent()).resolves.toBe(
      String(api.opd.uniqueReaders),
    );
    // Internal reach against the 50 % target: 3 colleagues of 8 ASN.
    expect(api.opd).toMatchObject({ internalReachPercent: 37.5 });
    await expect(stat(page, 'internalReachPercent').textContent()).resolves.toBe('37,5 %');
    await page.getByText('3 dari 8 ASN membaca · target 50 %').waitFor();
    await page.getByText('Kurang 12,5 poin persen dari target').waitFor();
    // Each number says what it means, in the API's words.
    await page.getByText(/Target BPSDM: sedikitnya 50 % ASN OPD membaca asetnya/).waitFor();
    // The charts are drawn (SVG, animation off) and named for assistive technology.
    await until(
      () => page.locator('[data-chart-ready]').count(),
      (n) => n === 4,
    );
    await page.getByRole('img', { name: 'Pembaca per OPD' }).waitFor();
    await expect(page.getByRole('link', { name: TOP_TITLE }).getAttribute('href')).resolves.toMatch(
      /^\/aset\/[0-9a-f-]{36}$/,
    );
    await expectAccessible(page);
    await screenshot(page, 'dasbor-tahun');

    // Triwulan II: the numbers of that quarter, kept in the URL.
    await page.getByRole('combobox', { name: 'Periode' }).selectOption('2');
    await until(
      () => new URL(page.url()).searchParams.get('tw'),
      (v) => v === '2',
    );
    const q2 = api.quarters.find((q) => q.quarter === 2)!;
    await page.getByRole('heading', { name: 'Angka utama · Triwulan II 2025' }).waitFor();
    await expect(stat(page, 'publishedAssets').textContent()).resolves.toBe(
      String(q2.publishedAssets),
    );
    await expect(stat(page, 'meetings').textContent()).resolves.toBe(String(q2.meetings));
    expect(q2).toMatchObject({ publishedAssets: 2, meetings: 1, distinctAttendees: 3 });

    // The readers chart as a table: the same numbers, one row per Triwulan.
    const readers = page.getByRole('region', { name: 'Pembaca per Triwulan' });
    await readers.getByRole('button', { name: 'Tabel' }).click();
    await expect(
      readers.getByRole('button', { name: 'Tabel' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    const table = readers.getByRole('table', { name: 'Pembaca per Triwulan' });
    await table.waitFor();
    const row2 = table.getByRole('row', { name: /^Triwulan II\b/ });
    await expect(row2.getByRole('cell').allTextContents()).resolves.toEqual([
      String(q2.uniqueReaders),
      String(q2.internalReaders),
      String(q2.otherOpdsReached),
    ]);
    await expectAccessible(page);

    // "Unduh CSV" saves the table; read back, its numbers are the API's.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      readers.getByRole('button', { name: 'Unduh CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`pembaca-bpsdm-${YEAR}.csv`);
    const text = await readFile(await download.path(), 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = csvRows(text);
    expect(rows[0]).toEqual([
      'Triwulan',
      'Pembaca unik',
      'Pembaca dari OPD sendiri',
      'OPD lain yang membaca',
    ]);
    expect(rows.slice(1)).toEqual(
      [...api.quarters]
        .sort((a, b) => a.quarter - b.quarter)
        .map((q) => [
          `Triwulan ${['I', 'II', 'III', 'IV'][q.quarter - 1]}`,
          String(q.uniqueReaders),
          String(q.internalReaders),
          String(q.otherOpdsReached),
        ]),
    );
    expect(rows.slice(1).map((r) => Number(r[1]))).toEqual([4, 2, 0, 1]);

    // The heatmap's CSV: readers by the OPD they work in, per Triwulan.
    const heat = page.getByRole('region', { name: 'Pembaca per OPD' });
    const [heatDownload] = await Promise.all([
      page.waitForEvent('download'),
      heat.getByRole('button', { name: 'Unduh CSV' }).click(),
    ]);
    const heatRows = csvRows(await readFile(await heatDownload.path(), 'utf8'));
    expect(heatRows[0]).toEqual([
      'OPD pembaca',
      'Triwulan I',
      'Triwulan II',
      'Triwulan III',
      'Triwulan IV',
    ]);
    expect(heatRows.find((r) => r[0] === 'Dinas Kesehatan')).toEqual([
      'Dinas Kesehatan',
      '1',
      '0',
      '0',
      '0',
    ]);
  });

  it('Asesor memilih OPD lain di layar ponsel', async () => {
    const { page } = await open({ as: assessor, viewport: PHONE });
    await page.goto(`/dasbor?tahun=${YEAR}`);
    await waitForPage(page, DASHBOARD);
    await page.getByRole('combobox', { name: 'OPD', exact: true }).selectOption('DINKES');
    await until(
      () => new URL(page.url()).searchParams.get('opd'),
      (v) => v === 'DINKES',
    );
    await page
      .getByTestId('dashboard-opd')
      .filter({ hasText: 'Dinas Kesehatan (DINKES)' })
      .waitFor();
    const api = await apiDetail('DINKES');
    await expect(stat(page, 'publishedAssets').textContent()).resolves.toBe(
      String(api.opd.publishedAssets),
    );
    expect(api.opd.publishedAssets).toBe(1);
    // Assessors read the register's coverage too.
    await page.getByText(/Cakupan pengetahuan berisiko 2025/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'dasbor-asesor');
  });

  it('ASN tanpa izin metrik tidak melihat tautan Dasbor', async () => {
    const { page } = await open({ as: noRole });
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).waitFor();
    await expect(page.getByRole('link', { name: 'Dasbor' }).count()).resolves.toBe(0);
    await page.goto('/dasbor');
    await page.getByRole('heading', { level: 1, name: 'Tidak ada akses' }).waitFor();
  });
});
