import { escapeHtml, formatDay, renderDigest, renderInstant } from './mail-templates';

const PORTAL = 'https://lumbung.jakarta.go.id';

describe('notification email templates', () => {
  it('tells an author their submission was returned, with the comment and the portal link', () => {
    const mail = renderInstant(
      {
        type: 'review_decided',
        params: { assetTitle: 'SOP Arsip', decision: 'rejected', comment: 'Lengkapi langkah 3.' },
        link: '/aset/a1',
      },
      'Siti Rahma',
      PORTAL,
    );
    expect(mail.subject).toBe('[Lumbung] Hasil verifikasi pengetahuan Anda');
    expect(mail.text).toContain('Yth. Siti Rahma,');
    expect(mail.text).toContain('Pengetahuan Anda "SOP Arsip" dikembalikan oleh verifikator.');
    expect(mail.text).toContain('Catatan verifikator:\nLengkapi langkah 3.');
    expect(mail.text).toContain('Buka di Lumbung: https://lumbung.jakarta.go.id/aset/a1');
    expect(mail.html).toContain(
      '<a href="https://lumbung.jakarta.go.id/aset/a1">Buka di Lumbung</a>',
    );
  });

  it('says "disetujui" for an approval and leaves out an empty comment', () => {
    const mail = renderInstant(
      {
        type: 'review_decided',
        params: { assetTitle: 'SOP', decision: 'approved' },
        link: '/aset/x',
      },
      'Budi',
      PORTAL,
    );
    expect(mail.text).toContain('"SOP" disetujui dan terbit');
    expect(mail.text).not.toContain('Catatan verifikator');
  });

  it('escapes markup from data in the HTML part and keeps it verbatim in the text part', () => {
    const mail = renderInstant(
      {
        type: 'cop_meeting_logged',
        params: { copName: 'K3 <b>', meetingTopic: '<script>alert(1)</script>' },
        link: '/komunitas/pertemuan/m1',
      },
      'A & B',
      PORTAL,
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Yth. A &amp; B,');
    expect(mail.text).toContain('<script>alert(1)</script>');
  });

  it('writes due dates as Indonesian calendar days', () => {
    expect(formatDay('2026-12-31')).toBe('31 Desember 2026');
    const mail = renderInstant(
      {
        type: 'retention_interview_due',
        params: { personName: 'Pak Darto', dueDate: '2027-01-05' },
        link: '/berisiko',
      },
      'Rina',
      PORTAL,
    );
    expect(mail.text).toContain(
      'Wawancara retensi pengetahuan Pak Darto dijadwalkan 5 Januari 2027.',
    );
  });

  it('lists a day of notifications in one digest with a link each', () => {
    const mail = renderDigest(
      [
        { type: 'review_waiting', params: { assetTitle: 'A' }, link: '/tinjauan/1' },
        {
          type: 'review_waiting',
          params: { assetTitle: 'B', revision: true },
          link: '/tinjauan/2',
        },
      ],
      'Verifikator',
      PORTAL,
      '2026-12-04',
    );
    expect(mail.subject).toBe('[Lumbung] Ringkasan harian: 2 pemberitahuan');
    expect(mail.text).toContain(
      'Ringkasan notifikasi Lumbung untuk 4 Desember 2026 (2 pemberitahuan):',
    );
    expect(mail.text).toContain(
      '- "A" diajukan dan menunggu verifikasi Anda.\n  https://lumbung.jakarta.go.id/tinjauan/1',
    );
    expect(mail.text).toContain('Perubahan pada "B" menunggu verifikasi Anda.');
    expect(mail.html).toContain('href="https://lumbung.jakarta.go.id/notifikasi"');
  });

  it('escapes every character that could open markup or an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
