import type { Page } from 'playwright-core';
import { givenUser, type GivenUser, login } from '../support/factories';
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

const COP = 'Komunitas Arsiparis Digital';
const TOPIC = 'Berbagi praktik alih media arsip';

describe('portal: Komunitas and Catat pertemuan', () => {
  let portal: Portal;
  let lead: GivenUser;
  let bambang: GivenUser;
  let citra: GivenUser;
  let dedi: GivenUser;
  let eka: GivenUser;
  let copId: string;
  /** A meeting Bambang (DINKES) attended, logged through the API. */
  let attendedId: string;
  const { open, closeAll } = portalTabs(() => portal);

  const attendeesOf = (meetingId: string) =>
    portal.t.ds.query<{ name: string; opd: string }[]>(
      `SELECT u.name, o.code AS opd FROM meeting_attendees a JOIN users u ON u.id = a.user_id
         JOIN opds o ON o.id = a.opd_id WHERE a.meeting_id = $1 ORDER BY u.name`,
      [meetingId],
    );

  /** The meeting form's fields by their contract names. */
  const fillMeeting = async (page: Page, date: string, topic: string) => {
    await page.getByRole('textbox', { name: 'Tanggal' }).fill(date);
    await page.getByRole('textbox', { name: 'Waktu' }).fill('09:30');
    await page.getByRole('textbox', { name: 'Topik' }).fill(topic);
    await page
      .getByRole('combobox', { name: 'Mode', exact: true })
      .selectOption({ label: 'Daring' });
    await page.getByRole('textbox', { name: 'Durasi (menit)' }).fill('90');
  };

  beforeAll(async () => {
    portal = await startPortal();
    const ds = portal.t.ds;
    const http = () => portal.t.http();
    lead = await givenUser(ds, { name: 'Lestari Ketua Arsip' });
    bambang = await givenUser(ds, { opd: 'DINKES', name: 'Bambang Sutrisnoputro' });
    citra = await givenUser(ds, { opd: 'DISDIK', name: 'Citra Pertiwi Arsip' });
    dedi = await givenUser(ds, { name: 'Dedi Kurniawan Arsip' });
    eka = await givenUser(ds, { opd: 'DISHUB', name: 'Eka Putri Pemohon' });
    const admin = await login(http, await givenUser(ds, { roles: ['opd_admin'] }));
    const cop = await http()
      .post('/api/v1/cops')
      .set(admin.auth)
      .send({
        name: COP,
        theme: 'Kearsipan digital',
        description: 'Para arsiparis berbagi cara alih media dan penyimpanan arsip elektronik.',
        leadIds: [lead.id],
      })
      .expect(201);
    copId = cop.body.id as string;
    const leadSession = await login(http, lead);
    const attended = await http()
      .post(`/api/v1/cops/${copId}/meetings`)
      .set(leadSession.auth)
      .send({
        heldAt: '2025-05-06T10:00:00+07:00',
        mode: 'luring',
        topic: 'Klinik retensi arsip',
        minutes: 'Kami menyepakati **jadwal retensi** bersama.',
        durationMinutes: 60,
        attendeeNips: [bambang.nip],
      })
      .expect(201);
    attendedId = attended.body.id as string;
  });
  afterEach(() => closeAll());
  afterAll(() => portal.close());

  it('Ketua mencatat pertemuan dengan peserta dari nama dan daftar NIP, duplikatnya ditolak dengan tautan, dan pertemuan tampil di Triwulan-nya', async () => {
    const { page } = await open({ as: lead });
    await page.goto('/');
    await page.getByRole('link', { name: 'Komunitas' }).first().click();
    await waitForPage(page, 'Komunitas');
    await page.getByRole('searchbox', { name: 'Cari komunitas' }).fill('Arsiparis Digital');
    await until(
      () => new URL(page.url()).searchParams.get('q'),
      (v) => v === 'Arsiparis Digital',
    );
    await page.getByRole('link', { name: COP }).click();
    await waitForPage(page, COP);
    await page.getByRole('button', { name: 'Catat pertemuan' }).click();
    await waitForPage(page, 'Catat pertemuan');

    await fillMeeting(page, '03/02/2025', TOPIC);
    await page.getByRole('textbox', { name: 'Notulen', exact: true }).click();
    await page.keyboard.type('Alih media dimulai dari arsip vital.');
    // By name: the option is named "<name> (<NIP>)".
    await page.getByRole('combobox', { name: 'Peserta' }).fill('Bambang Sutris');
    await page.getByRole('option', { name: `Bambang Sutrisnoputro (${bambang.nip})` }).click();
    // By a pasted list of NIPs: checked row by row before anything is saved.
    await page
      .getByRole('textbox', { name: 'Tempel daftar NIP' })
      .fill(`${citra.nip}\n${dedi.nip.slice(0, 8)} ${dedi.nip.slice(8)}, 123`);
    await page.getByRole('button', { name: 'Periksa NIP' }).click();
    const report = page.getByRole('table', { name: 'Laporan per baris' });
    await report.waitFor();
    await expect(report.getByRole('row').count()).resolves.toBe(4);
    await expect(
      report
        .getByRole('row')
        .filter({ hasText: 'Citra Pertiwi Arsip' })
        .getByText('Ditemukan', { exact: true })
        .count(),
    ).resolves.toBe(1);
    await expect(
      report
        .getByRole('row')
        .filter({ hasText: 'Tidak valid' })
        .filter({ hasText: '18 angka' })
        .count(),
    ).resolves.toBe(1);
    await page.getByRole('button', { name: 'Tambahkan 2 peserta yang ditemukan' }).click();
    const chosen = page.getByRole('list', { name: '3 peserta dipilih' });
    await chosen.waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Simpan pertemuan' }).click();
    await waitForPage(page, TOPIC);
    const meetingId = new URL(page.url()).pathname.split('/').pop() as string;
    await page.getByRole('heading', { name: 'Peserta (3)' }).waitFor();
    await expect(attendeesOf(meetingId)).resolves.toEqual([
      { name: 'Bambang Sutrisnoputro', opd: 'DINKES' },
      { name: 'Citra Pertiwi Arsip', opd: 'DISDIK' },
      { name: 'Dedi Kurniawan Arsip', opd: 'BPSDM' },
    ]);
    const [stored] = await portal.t.ds.query<
      { held_date_wib: string; quarter: number; duration_minutes: number; mode: string }[]
    >(`SELECT held_date_wib, quarter, duration_minutes, mode FROM meetings WHERE id = $1`, [
      meetingId,
    ]);
    expect(stored).toEqual({
      held_date_wib: '2025-02-03',
      quarter: 1,
      duration_minutes: 90,
      mode: 'daring',
    });

    // In the CoP's Triwulan I 2025.
    await page.getByRole('link', { name: COP }).click();
    await waitForPage(page, COP);
    const tw1 = page.getByRole('region', { name: /^Triwulan I 2025/ });
    await tw1.getByRole('link', { name: TOPIC }).waitFor();
    await expect(
      page
        .getByRole('region', { name: /^Triwulan II 2025/ })
        .getByRole('link', { name: 'Klinik retensi arsip' })
        .count(),
    ).resolves.toBe(1);

    // The year's activity per Triwulan as a chart, and as a table with the same numbers.
    const activity = page.getByRole('region', { name: 'Aktivitas 2025' });
    await activity.getByRole('heading', { name: 'Aktivitas per Triwulan 2025' }).waitFor();
    await activity.getByRole('button', { name: 'Tabel' }).click();
    const tw1Row = activity.getByRole('row').filter({ hasText: 'TW I' }).first();
    await expect(tw1Row.getByRole('cell').allInnerTexts()).resolves.toEqual(['1', '3', '2']);

    // The same day and topic again: refused beside the topic, with a link to the one logged.
    await page.getByRole('button', { name: 'Catat pertemuan' }).click();
    await waitForPage(page, 'Catat pertemuan');
    await fillMeeting(page, '03/02/2099', TOPIC);
    await page.getByRole('button', { name: 'Simpan pertemuan' }).click();
    await page.getByText('Tanggal pertemuan tidak boleh di masa depan.').waitFor();
    await page.getByRole('textbox', { name: 'Tanggal' }).fill('03/02/2025');
    await page.getByRole('button', { name: 'Simpan pertemuan' }).click();
    await page
      .getByText('Pertemuan dengan topik yang sama pada hari itu sudah tercatat.')
      .waitFor();
    await expect(
      page.getByRole('textbox', { name: 'Topik' }).getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await page.getByRole('link', { name: 'Buka pertemuan yang sudah tercatat' }).click();
    await waitForPage(page, TOPIC);
    expect(new URL(page.url()).pathname).toBe(`/komunitas/pertemuan/${meetingId}`);
    const [{ n }] = await portal.t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM meetings WHERE cop_id = $1 AND topic = $2`,
      [copId, TOPIC],
    );
    expect(n).toBe(1);
  });

  it('Peserta dari OPD lain membuka pertemuan yang diikutinya', async () => {
    const { page } = await open({ as: bambang });
    await page.goto(`/komunitas/pertemuan/${attendedId}`);
    await waitForPage(page, 'Klinik retensi arsip');
    await page.getByText('jadwal retensi').waitFor();
    const attendees = page.getByRole('region', { name: 'Peserta (1)' });
    await attendees.getByText('Bambang Sutrisnoputro').waitFor();
    await attendees.getByText('DINKES').waitFor();
    await expectAccessible(page);
    // The CoP's page is open to him, its other meetings are not.
    await page.getByRole('link', { name: COP }).click();
    await waitForPage(page, COP);
    await page.getByText(/hanya dapat dilihat oleh anggotanya/).waitFor();
  });

  it('ASN meminta bergabung dan ketua menerimanya', async () => {
    const asker = await open({ as: eka });
    await asker.page.goto(`/komunitas/${copId}`);
    await waitForPage(asker.page, COP);
    await asker.page.getByRole('button', { name: 'Minta bergabung' }).click();
    await asker.page.getByText('Permintaan bergabung Anda menunggu jawaban ketua.').waitFor();

    const { page } = await open({ as: lead });
    await page.goto(`/komunitas/${copId}`);
    await waitForPage(page, COP);
    const requests = page.getByRole('region', { name: 'Permintaan bergabung' });
    await requests.getByText(`Eka Putri Pemohon (${eka.nip})`).waitFor();
    await requests.getByRole('button', { name: 'Terima Eka Putri Pemohon' }).click();
    await requests.getByText('Tidak ada permintaan yang menunggu.').waitFor();
    const members = page.getByRole('list', { name: 'Anggota' });
    await members.getByText('Eka Putri Pemohon').waitFor();
    await members.getByText(/DISHUB · bergabung \d{1,2} \w+ \d{4}/).waitFor();
    const rows = await portal.t.ds.query<{ added_by: string }[]>(
      `SELECT added_by FROM cop_memberships WHERE cop_id = $1 AND user_id = $2 AND left_at IS NULL`,
      [copId, eka.id],
    );
    expect(rows).toEqual([{ added_by: lead.id }]);

    // Now a member, she sees the meetings.
    await asker.page.reload();
    await waitForPage(asker.page, COP);
    await asker.page.getByRole('link', { name: 'Klinik retensi arsip' }).waitFor();
    await expect(asker.page.getByRole('button', { name: 'Minta bergabung' }).count()).resolves.toBe(
      0,
    );
  });

  it('di layar 360 px, ketua memilih peserta dengan papan ketik saja', async () => {
    const { page } = await open({ as: lead, viewport: PHONE });
    await page.goto(`/komunitas/${copId}/catat`);
    await waitForPage(page, 'Catat pertemuan');
    await page.getByRole('textbox', { name: 'Tanggal' }).focus();
    await page.keyboard.type('04/02/2025');
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement.getAttribute("placeholder")')).resolves.toBe(
      'hh:mm',
    );
    await page.keyboard.type('14.00');
    await page.getByRole('combobox', { name: 'Peserta' }).focus();
    await page.keyboard.type('Citra Pertiwi');
    await page.getByRole('option', { name: `Citra Pertiwi Arsip (${citra.nip})` }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: '1 peserta dipilih' }).waitFor();
    await page.getByRole('button', { name: 'Hapus Citra Pertiwi Arsip dari peserta' }).waitFor();
    await screenshot(page, 'catat-pertemuan-isi');
    const wide = await page.evaluate(`[...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > ${PHONE.width} + 1)
      .map((e) => e.tagName + '.' + e.className).slice(0, 5)`);
    expect(wide).toEqual([]);
    await expectAccessible(page);
  });
});
