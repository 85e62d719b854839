import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { JobRunner, wibDay } from '@lumbung/platform';
import { DailyNotifications, MAIL_TRANSPORT, type MailTransport } from '@lumbung/notifications';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { givenAsset, givenUser, type GivenUser, login, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

interface Received {
  to: string[];
  mail: ParsedMail;
}

const PORTAL = 'https://lumbung.jakarta.go.id';

/**
 * Issue 19 item 3: notification emails through a real SMTP server started here (smtp-server,
 * parsed with mailparser): sent by the worker from the outbox, in Indonesian with the portal
 * link, retried when the server refuses, and never twice, not even when a worker dies mid-send.
 */
describe('notification emails over SMTP', () => {
  let t: TestApp;
  let server: SMTPServer;
  let smtpUrl: string;
  const received: Received[] = [];
  /** While set, the server answers RCPT TO with a temporary failure (451). */
  let refuse = false;
  let authorUser: GivenUser;
  let author: Session;
  let verifierUser: GivenUser;
  let verifier: Session;

  const emailsTo = (address: string) => received.filter((r) => r.to.includes(address));
  const workers: INestApplicationContext[] = [];
  /** A new worker process (its own job runner, which looks for expired leases on its first run). */
  const newWorker = async (): Promise<INestApplicationContext> => {
    const w = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), {
      logger: false,
    });
    workers.push(w);
    return w;
  };
  const emailRows = (recipientId: string) =>
    t.ds.query<
      { id: string; kind: string; status: string; attempts: number; message_id: string }[]
    >(
      `SELECT id, kind, status, attempts, message_id FROM notification_emails
        WHERE recipient_id = $1 ORDER BY id`,
      [recipientId],
    );
  const reject = async (comment: string, title: string) => {
    const id = await givenAsset(t.http, author, verifier, 'submitted', { title });
    await t
      .http()
      .post(`/api/v1/assets/${id}/reject`)
      .set(verifier.auth)
      .send({ comment })
      .expect(200);
    return id;
  };

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (!refuse) return callback();
        const err = new Error('Kotak surat sibuk, coba lagi nanti') as Error & {
          responseCode: number;
        };
        err.responseCode = 451;
        callback(err);
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    t = await createTestApp({
      SMTP_URL: smtpUrl,
      MAIL_FROM: 'Lumbung <lumbung@jakarta.go.id>',
      PORTAL_URL: PORTAL,
    });
    authorUser = await givenUser(t.ds, { name: 'Siti Penulis' });
    author = await login(t.http, authorUser);
    verifierUser = await givenUser(t.ds, { roles: ['verifier'], name: 'Bambang Verifikator' });
    verifier = await login(t.http, verifierUser);
  });

  afterAll(async () => {
    for (const w of workers) await w.close();
    await t?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it("sends the author the verifier's decision in Indonesian with the portal link, once; the request sends nothing", async () => {
    const before = received.length;
    const id = await reject('Lengkapi <langkah> ketiga & lampirannya.', 'SOP Arsip <Digital>');
    // Nothing leaves inside the request: the email waits in the outbox for the worker.
    expect(received.length).toBe(before);
    const [queued] = await emailRows(authorUser.id);
    expect(queued).toMatchObject({ kind: 'instant', status: 'pending' });

    await t.drainJobs();
    const mails = emailsTo(authorUser.email);
    expect(mails).toHaveLength(1);
    const { mail } = mails[0];
    expect(mail.from?.value).toEqual([{ address: 'lumbung@jakarta.go.id', name: 'Lumbung' }]);
    expect(mail.subject).toBe('[Lumbung] Hasil verifikasi pengetahuan Anda');
    expect(mail.text).toContain('Yth. Siti Penulis,');
    expect(mail.text).toContain(
      'Pengetahuan Anda "SOP Arsip <Digital>" dikembalikan oleh verifikator.',
    );
    expect(mail.text).toContain('Catatan verifikator:\nLengkapi <langkah> ketiga & lampirannya.');
    expect(mail.text).toContain(`Buka di Lumbung: ${PORTAL}/aset/${id}`);
    expect(mail.html).toContain('&quot;SOP Arsip &lt;Digital&gt;&quot;');
    expect(mail.html).toContain('Lengkapi &lt;langkah&gt; ketiga &amp; lampirannya.');
    expect(mail.html).toContain(`<a href="${PORTAL}/aset/${id}">Buka di Lumbung</a>`);
    expect(mail.html).not.toContain('<langkah>');
    const [sent] = await emailRows(authorUser.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(mail.messageId).toBe(sent.message_id);
    // The verifier's "waiting" notice is a digest type: no email of its own.
    expect(emailsTo(verifierUser.email)).toEqual([]);

    // Draining again sends nothing more.
    await t.drainJobs();
    expect(emailsTo(authorUser.email)).toHaveLength(1);
  });

  it('retries with backoff when the server refuses, then delivers once with the same Message-ID', async () => {
    const person = await givenUser(t.ds, { name: 'Rina' });
    const session = await login(t.http, person);
    refuse = true;
    const id = await givenAsset(t.http, session, verifier, 'submitted', { title: 'Coba lagi' });
    await t.http().post(`/api/v1/assets/${id}/approve`).set(verifier.auth).expect(200);
    await t.drainJobs();
    expect(emailsTo(person.email)).toEqual([]);
    const [failed] = await emailRows(person.id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    const [job] = await t.ds.query<{ status: string; attempts: number; delay: number }[]>(
      `SELECT status, attempts, extract(epoch FROM run_at - now())::int AS delay FROM jobs
        WHERE queue = 'notifications.email' AND payload->>'emailId' = $1`,
      [failed.id],
    );
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.delay).toBeGreaterThan(0);

    refuse = false;
    await t.ds.query(`UPDATE jobs SET run_at = now() WHERE queue = 'notifications.email'`);
    await t.drainJobs();
    const mails = emailsTo(person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].mail.subject).toBe('[Lumbung] Hasil verifikasi pengetahuan Anda');
    expect(mails[0].mail.text).toContain('"Coba lagi" disetujui dan terbit.');
    const [sent] = await emailRows(person.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(mails[0].mail.messageId).toBe(failed.message_id);
  });

  it('a worker that dies after SMTP accepted the email and before recording it: the next worker does not send it again', async () => {
    const person = await givenUser(t.ds, { name: 'Dewi' });
    const session = await login(t.http, person);
    // The worker that dies: its transport hands the message to the real server, then never
    // returns (the process is gone before it can record anything).
    const smtp = createTransport(smtpUrl);
    let handedOver!: () => void;
    const accepted = new Promise<void>((resolve) => (handedOver = resolve));
    const dying: MailTransport = {
      send: async (mail) => {
        await smtp.sendMail(mail);
        handedOver();
        await new Promise(() => undefined);
      },
    };
    const crashed = await Test.createTestingModule({ imports: [WorkerModule.forRoot(t.config)] })
      .overrideProvider(MAIL_TRANSPORT)
      .useValue(dying)
      .compile();
    workers.push(crashed);
    await crashed.init();

    const id = await givenAsset(t.http, session, verifier, 'submitted', {
      title: 'Mati di tengah',
    });
    await t
      .http()
      .post(`/api/v1/assets/${id}/reject`)
      .set(verifier.auth)
      .send({ comment: 'Perbaiki bagian langkah kerja.' })
      .expect(200);
    void crashed.get(JobRunner).drain();
    await accepted;
    expect(emailsTo(person.email)).toHaveLength(1);
    const [midway] = await emailRows(person.id);
    expect(midway.status).toBe('sending');
    await crashed.close();
    workers.splice(workers.indexOf(crashed), 1);

    // Ten minutes later its lease has expired; another worker takes the job up again.
    await t.ds.query(
      `UPDATE jobs SET locked_at = now() - interval '11 minutes'
        WHERE status = 'running' AND queue = 'notifications.email'`,
    );
    await (await newWorker()).get(JobRunner).drain();
    expect(emailsTo(person.email)).toHaveLength(1);
    const [after] = await emailRows(person.id);
    expect(after.status).toBe('unconfirmed');
    const [job] = await t.ds.query<{ status: string }[]>(
      `SELECT status FROM jobs WHERE queue = 'notifications.email' AND payload->>'emailId' = $1`,
      [after.id],
    );
    expect(job.status).toBe('done');
  });

  it('a worker that dies after recording the email sent and before finishing the job: nothing is resent', async () => {
    const person = await givenUser(t.ds, { name: 'Yusuf' });
    const session = await login(t.http, person);
    const id = await givenAsset(t.http, session, verifier, 'submitted', {
      title: 'Hampir selesai',
    });
    await t.http().post(`/api/v1/assets/${id}/approve`).set(verifier.auth).expect(200);
    await t.drainJobs();
    expect(emailsTo(person.email)).toHaveLength(1);
    const [row] = await emailRows(person.id);
    // As if the worker had died before acknowledging the job: it is running, its lease expired.
    await t.ds.query(
      `UPDATE jobs SET status = 'running', finished_at = NULL, locked_at = now() - interval '11 minutes'
        WHERE queue = 'notifications.email' AND payload->>'emailId' = $1`,
      [row.id],
    );
    await (await newWorker()).get(JobRunner).drain();
    expect(emailsTo(person.email)).toHaveLength(1);
    expect((await emailRows(person.id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it("sends a verifier's waiting submissions as one daily digest, once per day", async () => {
    const digestVerifier = await givenUser(t.ds, { roles: ['verifier'], name: 'Pak Digest' });
    await givenAsset(t.http, author, verifier, 'submitted', { title: 'Pertama' });
    await givenAsset(t.http, author, verifier, 'submitted', { title: 'Kedua' });
    await t.drainJobs();
    expect(emailsTo(digestVerifier.email)).toEqual([]);

    const worker = await newWorker();
    const daily = worker.get(DailyNotifications);
    const day = wibDay();
    await daily.queueDigests(day);
    await daily.queueDigests(day);
    await worker.get(JobRunner).drain();
    const mails = emailsTo(digestVerifier.email);
    expect(mails).toHaveLength(1);
    const { mail } = mails[0];
    expect(mail.subject).toBe('[Lumbung] Ringkasan harian: 2 pemberitahuan');
    expect(mail.text).toContain('Yth. Pak Digest,');
    expect(mail.text).toContain('"Pertama" diajukan dan menunggu verifikasi Anda.');
    expect(mail.text).toContain('"Kedua" diajukan dan menunggu verifikasi Anda.');
    expect(mail.text).toContain(`Semua notifikasi: ${PORTAL}/notifikasi`);
    expect(mail.text).toMatch(new RegExp(`${PORTAL}/tinjauan/[0-9a-f-]{36}`));
    const rows = await emailRows(digestVerifier.id);
    expect(rows).toEqual([expect.objectContaining({ kind: 'digest', status: 'sent' })]);
    // A submission after today's digest waits for tomorrow's.
    await givenAsset(t.http, author, verifier, 'submitted', { title: 'Ketiga' });
    await daily.queueDigests(day);
    await worker.get(JobRunner).drain();
    expect(emailsTo(digestVerifier.email)).toHaveLength(1);
  });

  it('sends nothing by email for a type its recipient turned off', async () => {
    const person = await givenUser(t.ds);
    const session = await login(t.http, person);
    await t
      .http()
      .put('/api/v1/notifications/preferences')
      .set(session.auth)
      .send({ items: [{ type: 'review_decided', inApp: true, email: 'off' }] })
      .expect(200);
    const id = await givenAsset(t.http, session, verifier, 'submitted', { title: 'Tanpa email' });
    await t.http().post(`/api/v1/assets/${id}/approve`).set(verifier.auth).expect(200);
    await t.drainJobs();
    expect(emailsTo(person.email)).toEqual([]);
    expect(await emailRows(person.id)).toEqual([]);
    const inbox = await t.http().get('/api/v1/notifications').set(session.auth).expect(200);
    expect(inbox.body.items.map((i: { type: string }) => i.type)).toEqual(['review_decided']);
  });
});
