import type { Page } from 'playwright-core';
import { givenUser, type GivenUser, login, type Session } from '../support/factories';
import {
  expectAccessible,
  openPortal,
  type Portal,
  type PortalTab,
  portalTabs,
  startPortal,
  until,
  waitForPage,
} from './support/portal';

const HOME = 'Temukan dan bagikan pengetahuan ASN Jakarta';
const TARGET = 'Pelajaran dari migrasi layanan perizinan ke aplikasi daring';
/** The asset page is built elsewhere: its h1 is the asset's title (or, until then, a placeholder). */
const assetHeading = (title: string) =>
  new RegExp(`^(${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|Aset pengetahuan)$`);

/** Published assets through the bulk import (as an admin), with their ids by title. */
async function importAssets(
  portal: Portal,
  admin: Session,
  lines: Record<string, unknown>[],
): Promise<Map<string, string>> {
  const res = await portal.t
    .http()
    .post('/api/v1/assets/import')
    .set(admin.auth)
    .attach('file', Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n')), {
      filename: 'aset.jsonl',
      contentType: 'application/x-ndjson',
    })
    .expect(200);
  const ids = new Map<string, string>();
  const rows = await portal.t.ds.query<{ id: string; title: string }[]>(
    `SELECT id, title FROM assets WHERE external_id = ANY($1)`,
    [lines.map((l) => l.externalId)],
  );
  for (const r of rows) ids.set(r.title, r.id);
  expect((res.body as { summary: { created: number } }).summary.created).toBe(lines.length);
  return ids;
}

/** Records every change of the query the results list shows (null: no list on screen). */
async function watchResults(page: Page): Promise<void> {
  await page.evaluate(`
    window.__shown = [];
    const read = () => {
      const list = document.querySelector('ol[data-query]');
      const q = list ? list.getAttribute('data-query') : null;
      if (window.__shown[window.__shown.length - 1] !== q) window.__shown.push(q);
    };
    read();
    new MutationObserver(read).observe(document.body, {
      subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'],
    });`);
}
const shown = (page: Page) => page.evaluate<(string | null)[]>('window.__shown');

const resultTitles = (page: Page) =>
  page
    .getByRole('list', { name: 'Daftar hasil' })
    .getByRole('heading', { level: 3 })
    .allInnerTexts();

const statusCount = async (page: Page): Promise<number> => {
  const text = await page
    .getByRole('region', { name: 'Hasil pencarian' })
    .getByRole('status')
    .first()
    .innerText();
  return Number(text.replace(/\D/g, '') || 0);
};

describe('portal: Cari', () => {
  let portal: Portal;
  let asn: GivenUser;
  let ids: Map<string, string>;
  const publik = [
    TARGET,
    'Panduan perizinan reklame untuk kelurahan',
    'Pelajaran perizinan bangunan gedung',
  ];
  const { open, closeAll } = portalTabs(() => portal);

  beforeAll(async () => {
    portal = await startPortal();
    const ds = portal.t.ds;
    const admin = await login(() => portal.t.http(), await givenUser(ds, { roles: ['admin'] }));
    asn = await givenUser(ds, { opd: 'DINKES', name: 'Siti Pencari' });
    await givenUser(ds, { opd: 'BPSDM', name: 'Dewi Narasumber' });
    // 14 lessons and 10 guides about licensing: two pages of lessons once filtered.
    const lines: Record<string, unknown>[] = [];
    for (let i = 0; i < 24; i++) {
      const lesson = i < 14;
      const title =
        i === 0
          ? TARGET
          : i === 1
            ? publik[2]
            : i === 14
              ? publik[1]
              : `${lesson ? 'Pelajaran' : 'Panduan'} perizinan nomor ${i} di ${['Menteng', 'Tebet', 'Koja'][i % 3]}`;
      lines.push({
        externalId: `cari-${i}`,
        type: lesson ? 'pelajaran' : 'panduan',
        title,
        summary: `Ringkasan pengalaman mengurus perizinan, catatan ${i}.`,
        body: 'Perizinan daring memangkas antrean di loket pelayanan. '.repeat(1 + (i % 3)),
        tags: i % 2 ? ['perizinan', 'pelayanan'] : ['perizinan'],
        opdCode: ['BPSDM', 'DINKES', 'DPMPTSP'][i % 3],
        visibility: publik.includes(title) ? 'publik' : 'internal',
        publishedAt: new Date(Date.UTC(2025, i % 12, 1 + i)).toISOString(),
      });
    }
    ids = await importAssets(portal, admin, lines);
    await portal.t.drainJobs();
  });
  afterEach(() => closeAll());
  afterAll(() => portal.close());

  it('ASN mengetik kueri huruf demi huruf, menyaring, berpindah halaman, kembali, lalu membuka hasil', async () => {
    const { page } = await open({ as: asn });
    await page.goto('/');
    await waitForPage(page, HOME);
    await page.getByRole('searchbox', { name: 'Cari pengetahuan' }).fill('perizinan');
    await page.keyboard.press('Enter');
    await waitForPage(page, 'Cari');
    await until(
      () => statusCount(page),
      (n) => n === 24,
    );

    // Letter by letter, with pauses that let searches for the partial words go out.
    await watchResults(page);
    const box = page.getByRole('searchbox', { name: 'Cari pengetahuan' });
    await box.fill('');
    for (const letter of 'migr') {
      await box.press(letter === ' ' ? 'Space' : letter);
      await page.waitForTimeout(220);
    }
    await box.pressSequentially('asi daring', { delay: 40 });
    await until(
      async () => [
        await page.locator('ol[data-query]').getAttribute('data-query'),
        (await resultTitles(page))[0],
      ],
      ([q, first]) => q === 'migrasi daring' && first === TARGET,
    );
    await page.waitForTimeout(800);
    const all = await shown(page);
    // From the first list for the new text on: only ever longer texts, never an older one's list
    // (nor an empty screen) once the answer is there.
    const typed = all.slice(all.findIndex((q) => q !== null && 'migrasi daring'.startsWith(q)));
    expect(typed.slice(typed.indexOf('migrasi daring'))).toEqual(['migrasi daring']);
    for (let i = 1; i < typed.length; i++) {
      const [a, b] = [typed[i - 1], typed[i]];
      if (a !== null && b !== null) expect(b.length).toBeGreaterThan(a.length);
    }
    expect(new URL(page.url()).searchParams.get('q')).toBe('migrasi daring');

    // A facet: lessons only.
    await box.fill('perizinan');
    await page.keyboard.press('Enter');
    await until(
      () => statusCount(page),
      (n) => n === 24,
    );
    const facets = page.getByRole('complementary', { name: 'Saring hasil' });
    await facets.getByRole('button', { name: /^Pelajaran\s*14$/ }).click();
    await until(
      () => statusCount(page),
      (n) => n === 14,
    );
    expect(new URL(page.url()).searchParams.get('type')).toBe('pelajaran');
    await expect(
      facets.getByRole('button', { name: /^Pelajaran/ }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    const firstPage = await resultTitles(page);
    expect(firstPage).toHaveLength(10);
    expect(firstPage.every((t) => t.startsWith('Pelajaran'))).toBe(true);

    // The second page, then Back to the first and Back to no filter.
    await page
      .getByRole('navigation', { name: 'Halaman hasil' })
      .getByRole('button', { name: 'Halaman 2' })
      .click();
    await until(
      () => resultTitles(page),
      (titles) => titles.length === 4,
    );
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    const secondPage = await resultTitles(page);
    expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
    await page.goBack();
    await until(
      () => resultTitles(page),
      (titles) => titles.join('|') === firstPage.join('|'),
    );
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    await page.goBack();
    await until(
      () => statusCount(page),
      (n) => n === 24,
    );
    expect(new URL(page.url()).searchParams.get('type')).toBeNull();
    await expect(box.inputValue()).resolves.toBe('perizinan');
    await expectAccessible(page);
    // Back once more: the search typed letter by letter is one step, not one per letter.
    await page.goBack();
    await until(
      () => resultTitles(page),
      (titles) => titles[0] === TARGET,
    );
    await expect(box.inputValue()).resolves.toBe('migrasi daring');

    // Open a result: a link named by its title; the click is reported against the search.
    const before = await portal.t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM search_clicks WHERE asset_id = $1`,
      [ids.get(TARGET)],
    );
    await page.getByRole('link', { name: TARGET, exact: true }).click();
    await waitForPage(page, assetHeading(TARGET));
    expect(new URL(page.url()).pathname).toBe(`/aset/${ids.get(TARGET)}`);
    await until(
      () =>
        portal.t.ds.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM search_clicks WHERE asset_id = $1`,
          [ids.get(TARGET)],
        ),
      (rows) => rows[0].n === before[0].n + 1,
    );

    // Back from the asset: the search is where it was, box and list.
    await page.goBack();
    await waitForPage(page, 'Cari');
    await until(
      () => resultTitles(page),
      (titles) => titles[0] === TARGET,
    );
    await expect(box.inputValue()).resolves.toBe('migrasi daring');
    expect(new URL(page.url()).searchParams.get('q')).toBe('migrasi daring');
  });

  it('ASN memilih saran di bawah kotak pencarian dengan papan ketik', async () => {
    const { page } = await open({ as: asn });
    await page.goto('/cari');
    await waitForPage(page, 'Cari');
    const box = page.getByRole('searchbox', { name: 'Cari pengetahuan' });
    await box.pressSequentially('migr', { delay: 40 });
    const list = page.getByRole('listbox', { name: 'Saran pencarian' });
    await list.getByRole('option', { name: new RegExp(`^${TARGET}`) }).waitFor();
    await expect(box.getAttribute('aria-controls')).resolves.toBe(await list.getAttribute('id'));
    await expectAccessible(page);
    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    await expect(page.locator(`[id="${active}"]`).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    await page.keyboard.press('Enter');
    await waitForPage(page, assetHeading(TARGET));
    expect(new URL(page.url()).pathname).toBe(`/aset/${ids.get(TARGET)}`);
  });

  it('ASN salah ketik, mendapat "Mungkin maksud Anda", dan mencari narasumber', async () => {
    const { page } = await open({ as: asn });
    await page.goto('/cari?q=aplukasu');
    await waitForPage(page, 'Cari');
    await page.getByText('Tidak ada hasil untuk “aplukasu”').waitFor();
    await page.getByRole('link', { name: 'aplikasi', exact: true }).click();
    await until(
      () => resultTitles(page),
      (titles) => titles[0] === TARGET,
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe('aplikasi');

    await page.getByRole('tab', { name: 'Narasumber' }).click();
    const box = page.getByRole('searchbox', { name: 'Cari pengetahuan' });
    await box.fill('Dewi Nara');
    await page.getByRole('heading', { level: 3, name: 'Dewi Narasumber' }).waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('narasumber');
  });

  it('pengunjung tanpa akun hanya melihat aset publik, dan diminta masuk untuk narasumber', async () => {
    const { page } = await open();
    await page.goto('/cari?q=perizinan');
    await waitForPage(page, 'Cari');
    await until(
      () => statusCount(page),
      (n) => n === 3,
    );
    expect((await resultTitles(page)).sort()).toEqual([...publik].sort());
    await page.getByRole('tab', { name: 'Narasumber' }).click();
    await page.getByRole('link', { name: 'Masuk untuk melihat narasumber' }).waitFor();
    const href = await page
      .getByRole('link', { name: 'Masuk untuk melihat narasumber' })
      .getAttribute('href');
    expect(decodeURIComponent(href ?? '')).toContain('/masuk?kembali=/cari?');
  });
});

describe('portal: Cari when the main engine is down', () => {
  let portal: Portal;
  let tab: PortalTab | undefined;

  beforeAll(async () => {
    portal = await startPortal({ MEILI_HOST: 'http://127.0.0.1:9' });
  });
  afterAll(async () => {
    await tab?.close();
    await portal.close();
  });

  it('shows the fallback engine’s results with a quiet notice', async () => {
    const ds = portal.t.ds;
    const admin = await login(() => portal.t.http(), await givenUser(ds, { roles: ['admin'] }));
    await importAssets(portal, admin, [
      {
        externalId: 'cadangan-1',
        type: 'panduan',
        title: 'Panduan banjir rob pesisir',
        opdCode: 'BPBD',
        visibility: 'publik',
      },
    ]);
    tab = await openPortal(portal);
    const { page } = tab;
    await page.goto('/cari?q=banjir');
    await waitForPage(page, 'Cari');
    await page.getByText('Mesin pencari utama sedang tidak tersedia', { exact: false }).waitFor();
    expect(await resultTitles(page)).toEqual(['Panduan banjir rob pesisir']);
    await expectAccessible(page);
    tab.expectNoProblems();
  });
});
