import type { NotificationParams, NotificationType } from '../notification-types';

/** One email, in both forms every client can show. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A notification as an email shows it. */
export interface MailItem {
  type: NotificationType;
  params: NotificationParams;
  /** Portal path (e.g. `/aset/<id>`). */
  link: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text from data into HTML: every markup character escaped, nothing else interpreted. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** `2026-12-31` as "31 Desember 2026" (a calendar day: no time zone to shift it). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

const quoted = (s: string | undefined): string => `"${s ?? ''}"`;

/** The one sentence that says what happened (Bahasa Indonesia). */
export function headline(item: MailItem): string {
  const p = item.params;
  switch (item.type) {
    case 'review_decided':
      return p.decision === 'approved'
        ? `Pengetahuan Anda ${quoted(p.assetTitle)} disetujui dan terbit.`
        : `Pengetahuan Anda ${quoted(p.assetTitle)} dikembalikan oleh verifikator.`;
    case 'review_waiting':
      return p.revision
        ? `Perubahan pada ${quoted(p.assetTitle)} menunggu verifikasi Anda.`
        : `${quoted(p.assetTitle)} diajukan dan menunggu verifikasi Anda.`;
    case 'reverification_due':
      return `${quoted(p.assetTitle)} perlu diverifikasi ulang paling lambat ${formatDay(p.dueDate ?? '')}.`;
    case 'named_contributor':
      return p.role === 'narasumber'
        ? `Anda disebut sebagai narasumber pada ${quoted(p.assetTitle)}.`
        : `Anda ditambahkan sebagai penulis pendamping pada ${quoted(p.assetTitle)}.`;
    case 'cop_meeting_logged':
      return `Komunitas ${p.copName ?? ''} mencatat pertemuan: ${quoted(p.meetingTopic)}.`;
    case 'retention_interview_due':
      return `Wawancara retensi pengetahuan ${p.personName ?? ''} dijadwalkan ${formatDay(p.dueDate ?? '')}.`;
  }
}

const SUBJECTS: Record<NotificationType, string> = {
  review_decided: 'Hasil verifikasi pengetahuan Anda',
  review_waiting: 'Pengetahuan menunggu verifikasi Anda',
  reverification_due: 'Verifikasi ulang jatuh tempo',
  named_contributor: 'Anda disebut dalam pengetahuan',
  cop_meeting_logged: 'Pertemuan komunitas baru dicatat',
  retention_interview_due: 'Wawancara retensi pengetahuan jatuh tempo',
};

const FOOTER =
  'Anda menerima email ini dari Lumbung. Atur notifikasi di halaman Profil > Notifikasi.';

function url(portalUrl: string, link: string): string {
  return `${portalUrl}${link.startsWith('/') ? link : `/${link}`}`;
}

function htmlPage(greeting: string, body: string, footer: string): string {
  return (
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Lumbung</title></head>` +
    `<body><p>${escapeHtml(greeting)}</p>${body}<p><small>${escapeHtml(footer)}</small></p></body></html>`
  );
}

/** One notification as its own email, with the verifier's comment where there is one. */
export function renderInstant(
  item: MailItem,
  recipientName: string,
  portalUrl: string,
): RenderedMail {
  const greeting = `Yth. ${recipientName},`;
  const line = headline(item);
  const comment = item.params.comment?.trim();
  const href = url(portalUrl, item.link);
  const text = [
    greeting,
    '',
    line,
    ...(comment ? ['', 'Catatan verifikator:', comment] : []),
    '',
    `Buka di Lumbung: ${href}`,
    '',
    '--',
    FOOTER,
  ].join('\n');
  const html = htmlPage(
    greeting,
    `<p>${escapeHtml(line)}</p>` +
      (comment
        ? `<p><strong>Catatan verifikator:</strong></p><blockquote>${escapeHtml(comment)}</blockquote>`
        : '') +
      `<p><a href="${escapeHtml(href)}">Buka di Lumbung</a></p>`,
    FOOTER,
  );
  return { subject: `[Lumbung] ${SUBJECTS[item.type]}`, text, html };
}

/** A day's notifications of the digest types in one email, newest last. */
export function renderDigest(
  items: readonly MailItem[],
  recipientName: string,
  portalUrl: string,
  day: string,
): RenderedMail {
  const greeting = `Yth. ${recipientName},`;
  const intro = `Ringkasan notifikasi Lumbung untuk ${formatDay(day)} (${items.length} pemberitahuan):`;
  const all = url(portalUrl, '/notifikasi');
  const text = [
    greeting,
    '',
    intro,
    '',
    ...items.map((i) => `- ${headline(i)}\n  ${url(portalUrl, i.link)}`),
    '',
    `Semua notifikasi: ${all}`,
    '',
    '--',
    FOOTER,
  ].join('\n');
  const html = htmlPage(
    greeting,
    `<p>${escapeHtml(intro)}</p><ul>` +
      items
        .map(
          (i) =>
            `<li>${escapeHtml(headline(i))} <a href="${escapeHtml(url(portalUrl, i.link))}">Buka</a></li>`,
        )
        .join('') +
      `</ul><p><a href="${escapeHtml(all)}">Semua notifikasi</a></p>`,
    FOOTER,
  );
  return { subject: `[Lumbung] Ringkasan harian: ${items.length} pemberitahuan`, text, html };
}
