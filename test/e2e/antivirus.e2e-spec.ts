import { freePort } from '../../apps/cli/src/local/free-port';
import { EICAR, startFakeClamd } from '../support/fake-clamd';
import { givenUser, login, type Session, LESSON_SECTIONS } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

async function draft(t: TestApp, s: Session): Promise<string> {
  const res = await t
    .http()
    .post('/api/v1/assets')
    .set(s.auth)
    .send({
      type: 'pelajaran',
      title: 'Aset dipindai',
      sections: LESSON_SECTIONS,
      visibility: 'internal',
    })
    .expect(201);
  return res.body.id as string;
}

describe('optional antivirus (clamd INSTREAM)', () => {
  it('refuses infected files (422) and marks clean ones, when CLAMAV_HOST is set', async () => {
    const clamd = await startFakeClamd();
    const t = await createTestApp({ CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: String(clamd.port) });
    try {
      const author = await login(t.http, await givenUser(t.ds));
      const id = await draft(t, author);
      const infected = await t
        .http()
        .post(`/api/v1/assets/${id}/attachments`)
        .set(author.auth)
        .attach('files', Buffer.from(EICAR), 'eicar.txt')
        .expect(422);
      expect(infected.body).toMatchObject({
        code: 'FILE_INFECTED',
        details: { name: 'eicar.txt' },
      });
      const [{ n }] = await t.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM attachments`,
      );
      expect(n).toBe(0);
      const clean = await t
        .http()
        .post(`/api/v1/assets/${id}/attachments`)
        .set(author.auth)
        .attach('files', Buffer.from('Berkas bersih.'), 'bersih.txt')
        .expect(201);
      expect(clean.body[0].scanStatus).toBe('clean');
      expect(clamd.scans()).toBe(2);
    } finally {
      await t.close();
      await clamd.close();
    }
  });

  it('keeps files pending (invisible to others) while the scanner is down, then releases them', async () => {
    const port = await freePort();
    const t = await createTestApp({
      CLAMAV_HOST: '127.0.0.1',
      CLAMAV_PORT: String(port),
      CLAMAV_TIMEOUT_MS: '2000',
    });
    let clamd: Awaited<ReturnType<typeof startFakeClamd>> | undefined;
    try {
      const author = await login(t.http, await givenUser(t.ds));
      const colleague = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
      const id = await draft(t, author);
      const up = await t
        .http()
        .post(`/api/v1/assets/${id}/attachments`)
        .set(author.auth)
        .attach('files', Buffer.from('Menunggu pemindaian.'), 'tunggu.txt')
        .expect(201);
      expect(up.body[0].scanStatus).toBe('pending_scan');
      const attachmentId = up.body[0].id as string;
      await t.http().get(`/api/v1/attachments/${attachmentId}`).set(author.auth).expect(200);
      await t.http().get(`/api/v1/attachments/${attachmentId}`).set(colleague.auth).expect(404);
      const seen = await t.http().get(`/api/v1/assets/${id}`).set(colleague.auth).expect(200);
      expect(seen.body.attachments).toEqual([]);
      // The scanner comes back; the retry job scans the file, releases it and queues extraction.
      clamd = await startFakeClamd(port);
      await t.drainJobs();
      const [row] = await t.ds.query<{ scan_status: string; text_status: string }[]>(
        `SELECT scan_status, text_status FROM attachments WHERE id = $1`,
        [attachmentId],
      );
      expect(row).toEqual({ scan_status: 'clean', text_status: 'extracted' });
      await t.http().get(`/api/v1/attachments/${attachmentId}`).set(colleague.auth).expect(200);
    } finally {
      await t.close();
      await clamd?.close();
    }
  });
});
