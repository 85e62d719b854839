import { givenDeadJob, givenUser, type GivenUser, login, nextNip } from '../support/factories';
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

describe('portal: Admin', () => {
  let portal: Portal;
  let admin: GivenUser;
  const { open, closeAll } = portalTabs(() => portal);

  const userByNip = async (nip: string) =>
    (
      await portal.t.ds.query<{ id: string; name: string; opd: string }[]>(
        `SELECT u.id, u.name, o.code AS opd FROM users u JOIN opds o ON o.id = u.opd_id
          WHERE u.nip = $1`,
        [nip],
      )
    )[0];

  beforeAll(async () => {
    portal = await startPortal();
    admin = await givenUser(portal.t.ds, { roles: ['admin'], name: 'Admin BPSDM Pusat' });
  });
  afterEach(() => closeAll());
  afterAll(() => portal.close());

  it('Admin mengimpor CSV dengan satu baris salah: pratinjau, impor baris yang valid, lalu menemukan pengguna baru', async () => {
    const { page } = await open({ as: admin });
    await page.goto('/');
    await page.getByRole('link', { name: 'Admin', exact: true }).first().click();
    await waitForPage(page, 'Pengguna');
    await page
      .getByRole('navigation', { name: 'Bagian admin' })
      .getByRole('link', { name: 'Impor CSV' })
      .click();
    await waitForPage(page, 'Impor CSV');

    const [good1, good2, bad] = [nextNip(), nextNip(2), nextNip()];
    const csv = [
      'nip,name,email,opd_code,jabatan,jabatan_kategori,roles',
      `${good1},Andi Impor Pertama,andi.${good1}@jakarta.go.id,DINKES,Analis Data,administrasi,`,
      `${bad},Badu Salah OPD,badu.${bad}@jakarta.go.id,TIDAKADA,Analis Data,administrasi,`,
      `${good2},Citra Impor Kedua,citra.${good2}@jakarta.go.id,BPSDM,Widyaiswara,fungsional_ahli_muda,verifier`,
    ].join('\n');
    await page.getByLabel('Berkas CSV', { exact: true }).setInputFiles({
      name: 'pegawai.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('heading', { name: 'Pratinjau (belum disimpan)' }).waitFor();
    await page
      .getByText('3 baris: 2 akan dibuat, 0 akan diperbarui, 0 tanpa perubahan, 1 ditolak.')
      .waitFor();
    const badRow = page.getByRole('row').filter({ hasText: bad });
    await expect(badRow.getByText('Ditolak').isVisible()).resolves.toBe(true);
    await expect(badRow.getByText('Kode OPD').isVisible()).resolves.toBe(true);
    await expect(badRow.getByText('Kode OPD tidak dikenal.').isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole('row').filter({ hasText: good1 }).getByText('Akan dibuat').isVisible(),
    ).resolves.toBe(true);
    // The preview wrote nothing.
    expect(await userByNip(good1)).toBeUndefined();
    expect(await userByNip(good2)).toBeUndefined();
    await expectAccessible(page);
    await screenshot(page, 'admin-impor-pratinjau');

    await page.getByRole('button', { name: 'Impor baris yang valid' }).click();
    await page.getByRole('heading', { name: 'Hasil impor' }).waitFor();
    await page.getByText('3 baris: 2 baru, 0 diperbarui, 0 tanpa perubahan, 1 ditolak.').waitFor();
    expect(await userByNip(good1)).toMatchObject({ name: 'Andi Impor Pertama', opd: 'DINKES' });
    expect(await userByNip(good2)).toMatchObject({ name: 'Citra Impor Kedua', opd: 'BPSDM' });
    expect(await userByNip(bad)).toBeUndefined();
    await screenshot(page, 'admin-impor-hasil');

    // The new user is in the list, found by name, filtered by OPD and role in the URL.
    await page
      .getByRole('navigation', { name: 'Bagian admin' })
      .getByRole('link', { name: 'Pengguna' })
      .click();
    await waitForPage(page, 'Pengguna');
    await page.getByRole('searchbox', { name: 'Cari pengguna' }).fill('Citra Impor');
    await page.getByLabel('Peran').selectOption('verifier');
    await until(
      () => new URL(page.url()).searchParams,
      (p) => p.get('q') === 'Citra Impor' && p.get('peran') === 'verifier',
    );
    const row = page.getByRole('row').filter({ hasText: good2 });
    await row.waitFor();
    await expect(row.getByText('Verifikator').isVisible()).resolves.toBe(true);
    await expect(row.getByText('Belum punya kata sandi').isVisible()).resolves.toBe(true);
    await row.getByRole('link', { name: 'Citra Impor Kedua' }).click();
    await waitForPage(page, 'Citra Impor Kedua');
    await expectAccessible(page);
  });

  it('Admin menambah pengguna (NIP terpakai ditolak di samping kolomnya), mengubah perannya dan menonaktifkannya', async () => {
    const taken = await givenUser(portal.t.ds, { opd: 'DINKES', name: 'Pemilik NIP' });
    const { page } = await open({ as: admin });
    await page.goto('/admin/pengguna');
    await waitForPage(page, 'Pengguna');
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
    await dialog.getByRole('textbox', { name: 'NIP' }).fill(taken.nip);
    await dialog.getByRole('textbox', { name: 'Nama' }).fill('Rudi Pegawai Baru');
    await dialog.getByRole('textbox', { name: 'Email' }).fill(`rudi.${taken.nip}@jakarta.go.id`);
    await dialog.getByRole('combobox', { name: 'OPD' }).selectOption('DINKES');
    await dialog.getByRole('textbox', { name: 'Jabatan' }).fill('Analis Data');
    await dialog.getByRole('button', { name: 'Simpan pengguna' }).click();
    const nip = dialog.getByRole('textbox', { name: 'NIP' });
    await until(
      () => nip.getAttribute('aria-invalid'),
      (v) => v === 'true',
    );
    await dialog.getByText('NIP sudah terdaftar.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-tambah-pengguna');

    const fresh = nextNip();
    await nip.fill(fresh);
    await dialog.getByRole('textbox', { name: 'Email' }).fill(`rudi.${fresh}@jakarta.go.id`);
    await dialog.getByRole('button', { name: 'Simpan pengguna' }).click();
    await waitForPage(page, 'Rudi Pegawai Baru');
    const created = await userByNip(fresh);
    expect(created).toMatchObject({ name: 'Rudi Pegawai Baru', opd: 'DINKES' });

    // Roles: verifier of the user's OPD.
    await page.getByRole('checkbox', { name: 'Verifikator' }).check();
    await page.getByRole('button', { name: 'Simpan peran' }).click();
    await page.getByText('Peran disimpan.').waitFor();
    const roles = await portal.t.ds.query<{ role: string; opd: string | null }[]>(
      `SELECT r.role, o.code AS opd FROM user_roles r LEFT JOIN opds o ON o.id = r.opd_id
        WHERE r.user_id = $1 ORDER BY r.role`,
      [created.id],
    );
    expect(roles).toEqual([
      { role: 'asn', opd: null },
      { role: 'verifier', opd: 'DINKES' },
    ]);

    // Deactivate (confirmed in a dialog), then reactivate.
    await page.getByRole('button', { name: 'Nonaktifkan' }).click();
    const confirm = page.getByRole('dialog', { name: 'Nonaktifkan' });
    await confirm.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await page.getByText('Akun dinonaktifkan.').waitFor();
    const active = async () =>
      (
        await portal.t.ds.query<{ active: boolean }[]>(`SELECT active FROM users WHERE id = $1`, [
          created.id,
        ])
      )[0].active;
    expect(await active()).toBe(false);
    await page.getByRole('button', { name: 'Aktifkan kembali' }).click();
    await page.getByText('Akun diaktifkan kembali.').waitFor();
    expect(await active()).toBe(true);
  });

  it('Admin memulai atur ulang kata sandi dan kode yang tampil dipakai pengguna', async () => {
    const verifier = await givenUser(portal.t.ds, {
      opd: 'DINKES',
      roles: ['verifier'],
      name: 'Vera Verifikator Dinkes',
    });
    const { page } = await open({ as: admin });
    await page.goto(`/admin/pengguna/${verifier.id}`);
    await waitForPage(page, 'Vera Verifikator Dinkes');
    await page.getByRole('button', { name: 'Mulai atur ulang kata sandi' }).click();
    const started = page.getByRole('status').filter({ hasText: 'Atur ulang kata sandi dimulai' });
    await started.waitFor();
    const code = (await started.getByText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/).textContent()) ?? '';
    await expectAccessible(page);
    await screenshot(page, 'admin-atur-ulang');
    // The code on screen is the one the user redeems.
    await portal.t
      .http()
      .post('/api/v1/auth/password-reset')
      .send({ token: code, newPassword: 'Sandi-Baru-Vera#2026' })
      .expect(204);
    await portal.t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: verifier.email, password: 'Sandi-Baru-Vera#2026' })
      .expect(200);

    // Both steps are in the audit log, found by action and filtered in the URL.
    await page
      .getByRole('navigation', { name: 'Bagian admin' })
      .getByRole('link', { name: 'Log audit' })
      .click();
    await waitForPage(page, 'Log audit');
    const filters = page.getByRole('search', { name: 'Saring log audit' });
    await filters.getByRole('textbox', { name: 'ID data' }).fill(verifier.id);
    await filters.getByRole('button', { name: 'Terapkan' }).click();
    await until(
      () => new URL(page.url()).searchParams.get('id'),
      (v) => v === verifier.id,
    );
    const entries = page.getByRole('table', { name: 'Entri log audit' });
    await entries.getByText('authn_password_reset_complete').waitFor();
    // Each action reads in Indonesian, its code beside it; the kind of data too.
    const completed = entries.getByRole('row').filter({ hasText: 'authn_password_reset_complete' });
    await completed.getByText('Kata sandi disetel ulang', { exact: true }).waitFor();
    await completed.getByText('Pengguna', { exact: true }).waitFor();
    await expect(
      entries
        .getByRole('row')
        .filter({ hasText: 'authn_password_reset_start' })
        .getByText('Admin BPSDM Pusat')
        .isVisible(),
    ).resolves.toBe(true);
    await page.getByText('2 entri').waitFor();
    await expectAccessible(page);
  });

  it('Admin OPD hanya melihat pengguna OPD-nya dan tidak dapat mengubah kata sandi verifikator', async () => {
    const ds = portal.t.ds;
    const dinkesAdmin = await givenUser(ds, {
      opd: 'DINKES',
      roles: ['opd_admin'],
      name: 'Admin Dinkes',
    });
    const verifier = await givenUser(ds, {
      opd: 'DINKES',
      roles: ['verifier'],
      name: 'Wati Verifikator Kesehatan',
    });
    const asn = await givenUser(ds, { opd: 'DINKES', name: 'Wawan Staf Kesehatan' });
    const other = await givenUser(ds, { opd: 'BPSDM', name: 'Wulan Staf Bpsdm' });
    const { page } = await open({ as: dinkesAdmin, viewport: PHONE });
    await page.goto('/admin/pengguna?q=W');
    await waitForPage(page, 'Pengguna');
    await page.getByText('Anda mengelola pengguna DINKES saja.').waitFor();
    await page.getByRole('link', { name: 'Wati Verifikator Kesehatan' }).waitFor();
    await page.getByRole('link', { name: 'Wawan Staf Kesehatan' }).waitFor();
    await expect(page.getByText('Wulan Staf Bpsdm').count()).resolves.toBe(0);
    // No OPD to choose, and only the sections an OPD admin has.
    await expect(page.getByLabel('OPD', { exact: true }).count()).resolves.toBe(0);
    const sections = page.getByRole('navigation', { name: 'Bagian admin' });
    await expect(sections.getByRole('link').allTextContents()).resolves.toEqual([
      'Pengguna',
      'Impor CSV',
      'Wawasan pencarian',
    ]);
    await expectAccessible(page);
    await screenshot(page, 'admin-opd-pengguna');

    // A verifier's password is out of an OPD admin's hands: no button, the reason instead.
    await page.getByRole('link', { name: 'Wati Verifikator Kesehatan' }).click();
    await waitForPage(page, 'Wati Verifikator Kesehatan');
    await page
      .getByText('Kata sandi akun yang memegang peran hanya dapat diatur ulang oleh admin sistem.')
      .waitFor();
    await expect(
      page.getByRole('button', { name: 'Mulai atur ulang kata sandi' }).count(),
    ).resolves.toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'admin-opd-verifikator');
    // ...and the API refuses it too, whatever the page shows.
    const session = await login(portal.t.http, dinkesAdmin);
    const refused = await portal.t
      .http()
      .post(`/api/v1/users/${verifier.id}/password-reset`)
      .set(session.auth)
      .expect(403);
    expect(refused.body.code).toBe('PASSWORD_ADMIN_ONLY');

    // A plain ASN of the OPD: the OPD admin may start the reset.
    await page.goto(`/admin/pengguna/${asn.id}`);
    await waitForPage(page, 'Wawan Staf Kesehatan');
    await page.getByRole('button', { name: 'Mulai atur ulang kata sandi' }).waitFor();
    // Another OPD's user is not found, like a missing one.
    await page.goto(`/admin/pengguna/${other.id}`);
    await page
      .getByRole('alert')
      .filter({ hasText: /tidak ditemukan/i })
      .waitFor();
    // The audit log is a system admin's.
    await page.goto('/admin/audit');
    await page.getByRole('heading', { level: 1, name: 'Tidak ada akses' }).waitFor();
  });

  it('Pencarian tanpa hasil → "Tulis aset untuk celah ini" membuka formulir tulis dengan judul terisi', async () => {
    const query = 'pengadaan drone pemantau banjir';
    const searcher = await login(portal.t.http, await givenUser(portal.t.ds));
    const res = await portal.t
      .http()
      .get('/api/v1/search')
      .query({ q: query })
      .set(searcher.auth)
      .expect(200);
    expect(res.body.total).toBe(0);

    const { page } = await open({ as: admin });
    await page.goto('/admin/wawasan');
    await waitForPage(page, 'Wawasan pencarian');
    const gaps = page.getByRole('table', { name: 'Pencarian tanpa hasil' });
    const row = gaps.getByRole('row').filter({ hasText: query });
    await row.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-wawasan');
    await row.getByRole('link', { name: 'Tulis aset untuk celah ini' }).click();
    await waitForPage(page, 'Tulis pengetahuan');
    expect(new URL(page.url()).searchParams.get('judul')).toBe(query);
    await page.getByRole('radio', { name: 'Panduan', exact: true }).check();
    await page.getByRole('button', { name: 'Mulai menulis' }).click();
    const title = page.getByRole('textbox', { name: 'Judul', exact: true });
    await title.waitFor();
    await expect(title.inputValue()).resolves.toBe(query);
  });

  it('Admin mengubah jumlah ASN sebuah OPD dan menyimpan set sinonim (set yang salah ditolak di sampingnya)', async () => {
    const { page } = await open({ as: admin });
    await page.goto('/admin/opd');
    await waitForPage(page, 'Direktori OPD');
    await page.getByRole('searchbox', { name: 'Cari OPD' }).fill('Perhubungan');
    await page.getByRole('button', { name: 'Ubah Dinas Perhubungan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ubah OPD DISHUB' });
    await dialog.getByRole('textbox', { name: 'Jumlah ASN' }).fill('4321');
    await dialog.getByRole('button', { name: 'Simpan OPD' }).click();
    await page.getByText('DISHUB disimpan.').waitFor();
    const [opd] = await portal.t.ds.query<{ headcount: number }[]>(
      `SELECT headcount FROM opds WHERE code = 'DISHUB'`,
    );
    expect(opd.headcount).toBe(4321);
    await expect(
      page.getByRole('row').filter({ hasText: 'DISHUB' }).getByText('4.321').isVisible(),
    ).resolves.toBe(true);

    await page
      .getByRole('navigation', { name: 'Bagian admin' })
      .getByRole('link', { name: 'Sinonim' })
      .click();
    await waitForPage(page, 'Sinonim');
    await page.getByRole('button', { name: 'Tambah set' }).click();
    const sets = page.getByRole('textbox', { name: /^Set sinonim \d+$/ });
    const added = sets.last();
    await added.fill('drone');
    await page.getByRole('button', { name: 'Simpan sinonim' }).click();
    await page.getByText('Isi minimal 2 kata berbeda.').waitFor();
    await expect(added.getAttribute('aria-invalid')).resolves.toBe('true');
    await added.fill('Drone, pesawat nirawak, UAV');
    await page.getByRole('button', { name: 'Simpan sinonim' }).click();
    await page.getByText('Sinonim disimpan.', { exact: false }).waitFor();
    const stored = await portal.t.ds.query<{ synonyms: string[] }[]>(
      `SELECT synonyms FROM search_synonyms WHERE term = 'drone'`,
    );
    expect(stored).toEqual([{ synonyms: ['pesawat nirawak', 'uav'] }]);
    await expectAccessible(page);
  });

  it('Admin mencoba lagi tugas yang gagal', async () => {
    const id = await givenDeadJob(portal.t.ds, {
      queue: 'search.asset',
      error: 'Meilisearch tidak menjawab dalam 5 detik',
    });
    const { page } = await open({ as: admin });
    await page.goto('/admin/tugas');
    await waitForPage(page, 'Tugas gagal');
    const row = page.getByRole('row').filter({ hasText: `ID ${id} ·` });
    await expect(
      row.getByText('Meilisearch tidak menjawab dalam 5 detik').isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'admin-tugas');
    await row.getByRole('button', { name: `Coba lagi tugas ${id} (search.asset)` }).click();
    await page.getByText(`Tugas ${id} dijadwalkan ulang.`).waitFor();
    await until(
      () => row.count(),
      (n) => n === 0,
    );
    const [job] = await portal.t.ds.query<{ status: string; attempts: number }[]>(
      `SELECT status, attempts FROM jobs WHERE id = $1`,
      [id],
    );
    expect(job).toEqual({ status: 'pending', attempts: 0 });
  });
});
