import { givenAsset, givenUser, type GivenUser, login, type Session } from '../support/factories';
import {
  expectAccessible,
  type Portal,
  portalTabs,
  screenshot,
  startPortal,
  until,
  waitForPage,
} from './support/portal';

const HOME = 'Temukan dan bagikan pengetahuan ASN Jakarta';

describe('portal: notifications', () => {
  let portal: Portal;
  let author: Session;
  let verifierUser: GivenUser;
  let secondVerifier: Session;
  const { open, closeAll } = portalTabs(() => portal);
  const http = () => portal.t.http();
  const unreadOf = async (userId: string) =>
    (
      await portal.t.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND read_at IS NULL`,
        [userId],
      )
    )[0].n;

  beforeAll(async () => {
    portal = await startPortal();
    author = await login(http, await givenUser(portal.t.ds, { name: 'Siti Rahmawati' }));
    verifierUser = await givenUser(portal.t.ds, { roles: ['verifier'], name: 'Bambang' });
    secondVerifier = await login(http, await givenUser(portal.t.ds, { roles: ['verifier'] }));
  });
  afterEach(() => closeAll());
  afterAll(() => portal.close());

  it('Verifikator melihat jumlah di lonceng, membuka notifikasi, menandai satu dibaca, lalu membuka yang lain', async () => {
    const first = await givenAsset(http, author, secondVerifier, 'submitted', {
      title: 'Panduan arsip elektronik kelurahan',
    });
    await givenAsset(http, author, secondVerifier, 'submitted', {
      title: 'Pelajaran dari layanan KTP keliling',
    });

    const { page } = await open({ as: verifierUser });
    await page.goto('/');
    await waitForPage(page, HOME);
    const bell = page.getByRole('link', { name: 'Notifikasi (2 belum dibaca)' });
    await bell.waitFor();
    await expectAccessible(page);
    await bell.click();
    await waitForPage(page, 'Notifikasi');
    await page.getByText('2 belum dibaca').waitFor();
    const older = page.getByRole('listitem').filter({
      hasText: '“Panduan arsip elektronik kelurahan” diajukan dan menunggu verifikasi Anda.',
    });
    const newer = page.getByRole('listitem').filter({
      hasText: '“Pelajaran dari layanan KTP keliling” diajukan dan menunggu verifikasi Anda.',
    });
    await expect(older.getByText(/\d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB/).count()).resolves.toBe(1);
    await expect(newer.getByText('Belum dibaca').isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'notifikasi-lonceng');

    // One marked read by keyboard: the bell follows.
    await newer.getByRole('button', { name: 'Tandai dibaca' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Notifikasi (1 belum dibaca)' }).waitFor();
    await expect(newer.getByText('Belum dibaca').count()).resolves.toBe(0);
    expect(await unreadOf(verifierUser.id)).toBe(1);

    // The other opened: it leads to the review of that asset, and is read.
    await older.getByRole('link').click();
    await page.waitForURL(`**/tinjauan/${first}`);
    await waitForPage(page, 'Panduan arsip elektronik kelurahan');
    await page.getByRole('link', { name: 'Notifikasi', exact: true }).waitFor();
    await until(
      () => unreadOf(verifierUser.id),
      (n) => n === 0,
    );
  });

  it('ASN mematikan notifikasi pertemuan komunitas di portal dan memilih ringkasan harian', async () => {
    const user = await givenUser(portal.t.ds, { name: 'Dewi Lestari' });
    const { page } = await open({ as: user });
    await page.goto('/notifikasi');
    await waitForPage(page, 'Notifikasi');
    await page.getByText('Belum ada notifikasi.', { exact: false }).waitFor();
    const meetings = page.getByRole('group', { name: 'Pertemuan di komunitas Anda' });
    await meetings.getByRole('checkbox', { name: 'Tampilkan di portal' }).uncheck();
    await meetings.getByRole('combobox', { name: 'Email' }).selectOption('digest');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByText('Pengaturan notifikasi disimpan.').waitFor();
    await expectAccessible(page);
    const stored = await portal.t.ds.query(
      `SELECT type, in_app, email_mode FROM notification_preferences WHERE user_id = $1
        ORDER BY type COLLATE "C"`,
      [user.id],
    );
    expect(stored).toEqual(
      [
        { type: 'cop_meeting_logged', in_app: false, email_mode: 'digest' },
        { type: 'named_contributor', in_app: true, email_mode: 'instant' },
        { type: 'reverification_due', in_app: true, email_mode: 'digest' },
        { type: 'retention_interview_due', in_app: true, email_mode: 'instant' },
        { type: 'review_decided', in_app: true, email_mode: 'instant' },
        { type: 'review_waiting', in_app: true, email_mode: 'digest' },
      ].sort((a, b) => (a.type < b.type ? -1 : 1)),
    );
  });
});
