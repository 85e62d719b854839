import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { BlobNotFoundError, BlobStorage } from '@lumbung/platform';
import { freePort } from '../../apps/cli/src/local/free-port';
import {
  docx,
  documentXml,
  exe,
  minimalPdf,
} from '../../libs/knowledge/src/attachments/content/testing/fixtures';
import { binary } from '../support/binary';
import { filesIn } from '../support/files';
import {
  givenCop,
  givenMeeting,
  givenUser,
  login,
  type Session,
  LESSON_SECTIONS,
} from '../support/factories';
import { startTestS3, type TestS3 } from '../support/s3';
import { createTestApp, type TestApp } from '../support/test-app';

const MiB = 1024 * 1024;
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/;

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Files under `dir`, relative to it and sorted (object keys on the disk). */
const filesUnder = (dir: string): string[] =>
  filesIn(dir)
    .map((f) => relative(dir, f))
    .sort();

/** Readable text of `bytes` length: lines an ASN might write, numbered so no two are alike. */
function bigText(bytes: number): Buffer {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `Catatan lapangan petugas kelurahan nomor ${String(i).padStart(7, '0')}\n`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, bytes);
}

/**
 * One suite, both adapters: what the API and the worker rely on from the storage port behaves
 * the same on the local disk and on an S3-compatible store (s3rver, started here).
 */
describe.each([['disk'], ['s3']] as const)('storage port parity: %s', (driver) => {
  let s3: TestS3 | undefined;
  let t: TestApp;
  let storage: BlobStorage;
  let author: Session;
  let verifier: Session;

  const objects = async (): Promise<string[]> =>
    s3 ? s3.keys() : filesUnder(join(t.config.storage.uploadDir, 'objects'));
  const scratch = (): string[] => filesUnder(join(t.config.storage.uploadDir, 'tmp'));
  const rowCount = async (): Promise<number> =>
    (await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM attachments`))[0].n;

  async function draft(): Promise<string> {
    const res = await t
      .http()
      .post('/api/v1/assets')
      .set(author.auth)
      .send({ type: 'pelajaran', title: 'Aset berlampiran', sections: LESSON_SECTIONS })
      .expect(201);
    return res.body.id as string;
  }
  const upload = (assetId: string, files: { name: string; data: Buffer }[]) => {
    let req = t.http().post(`/api/v1/assets/${assetId}/attachments`).set(author.auth);
    for (const f of files) req = req.attach('files', f.data, f.name);
    return req;
  };
  const download = async (id: string): Promise<Buffer> => {
    const res = await t
      .http()
      .get(`/api/v1/attachments/${id}`)
      .set(author.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    return res.body as Buffer;
  };
  const stored = async (id: string) =>
    (
      await t.ds.query<
        {
          storage_key: string;
          sha256: string;
          size_bytes: string;
          text_status: string;
          extracted_text: string | null;
        }[]
      >(`SELECT * FROM attachments WHERE id = $1`, [id])
    )[0];

  beforeAll(async () => {
    if (driver === 's3') s3 = await startTestS3();
    t = await createTestApp({ UPLOAD_MAX_BYTES: String(13 * MiB), ...s3?.env });
    storage = t.app.get(BlobStorage);
    author = await login(t.http, await givenUser(t.ds));
    verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
  });
  afterAll(async () => {
    await t.close();
    await s3?.close();
  });

  it('runs on the adapter STORAGE names, and health reports it up', async () => {
    expect(t.config.storage.driver).toBe(driver);
    expect(storage.driver).toBe(driver);
    const health = await t.http().get('/api/v1/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', storage: 'up' });
  });

  it('puts, stats, reads, copies out and deletes an object under a generated key', async () => {
    const bytes = Buffer.from('Notulen rapat koordinasi BPSDM\n');
    const temp = await storage.tempPath();
    await writeFile(temp, bytes);
    const key = await storage.adopt(temp, { sha256: sha256(bytes) });
    expect(key).toMatch(KEY);
    expect(scratch()).toEqual([]);
    expect(await objects()).toContain(key);
    const info = await storage.stat(key);
    expect(info?.size).toBe(bytes.length);
    // Only a store with object metadata keeps the hash; the database holds it either way.
    if (s3) {
      expect(info?.sha256).toBe(sha256(bytes));
      expect(s3.events.filter((e) => e.key === key)).toEqual([{ name: 'ObjectCreated:Put', key }]);
    }
    const { stream, size } = await storage.open(key);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect({ size, bytes: Buffer.concat(chunks) }).toEqual({ size: bytes.length, bytes });
    const copied = await storage.withLocalFile(key, (path) => readFile(path));
    expect(copied).toEqual(bytes);
    expect(scratch()).toEqual([]);
    await storage.delete(key);
    expect(await storage.stat(key)).toBeUndefined();
    expect(await objects()).not.toContain(key);
    await storage.delete(key);
  });

  it('answers a missing key alike: open and local copies reject, stat is empty, delete is a no-op', async () => {
    const missing = '00/00/00000000-0000-4000-8000-000000000000';
    await expect(storage.open(missing)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(storage.withLocalFile(missing, () => Promise.resolve(1))).rejects.toBeInstanceOf(
      BlobNotFoundError,
    );
    expect(await storage.stat(missing)).toBeUndefined();
    await expect(storage.delete(missing)).resolves.toBeUndefined();
    expect(scratch()).toEqual([]);
    // Keys are the server's own: a path or another bucket's name never reaches the store.
    await expect(storage.open('../../etc/passwd')).rejects.toThrow('invalid storage key');
  });

  it('streams a 12 MiB upload into the store and back, byte-equal with the same SHA-256', async () => {
    const assetId = await draft();
    const bytes = bigText(12 * MiB);
    const res = await upload(assetId, [{ name: 'catatan-besar.txt', data: bytes }]).expect(201);
    const row = await stored(res.body[0].id as string);
    expect({ sha256: row.sha256, size: Number(row.size_bytes) }).toEqual({
      sha256: sha256(bytes),
      size: bytes.length,
    });
    expect((await storage.stat(row.storage_key))?.size).toBe(bytes.length);
    if (s3) {
      // lib-storage sent it as a multipart upload (5 MiB parts), never as one buffered body.
      expect(s3.events.filter((e) => e.key === row.storage_key)).toEqual([
        { name: 'ObjectCreated:Post', key: row.storage_key },
      ]);
      expect(await s3.metadata(row.storage_key)).toEqual({ sha256: sha256(bytes) });
    }
    const back = await download(res.body[0].id as string);
    expect(back.length).toBe(bytes.length);
    expect(sha256(back)).toBe(sha256(bytes));
    expect(scratch()).toEqual([]);
  });

  it("keeps a CoP meeting's evidence in the same store, downloaded byte-equal", async () => {
    const leadUser = await givenUser(t.ds);
    const copId = await givenCop(t.ds, leadUser);
    const lead = await login(t.http, leadUser);
    const meetingId = await givenMeeting(t.http, lead, copId);
    const bytes = Buffer.from('Daftar hadir rapat komunitas, 12 peserta\n');
    const res = await t
      .http()
      .post(`/api/v1/meetings/${meetingId}/attachments`)
      .set(lead.auth)
      .attach('files', bytes, 'daftar-hadir.txt')
      .expect(201);
    const id = (res.body as { id: string }[])[0].id;
    const row = await stored(id);
    expect(await objects()).toContain(row.storage_key);
    const back = await t
      .http()
      .get(`/api/v1/attachments/${id}`)
      .set(lead.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(back.body).toEqual(bytes);
  });

  it('leaves a file above the extraction limit unread, judged by its recorded size before any copy', async () => {
    const assetId = await draft();
    const res = await upload(assetId, [
      { name: 'besar.txt', data: Buffer.from('Teks yang tidak akan dibaca worker') },
    ]).expect(201);
    const id = res.body[0].id as string;
    // The worker trusts the size recorded at upload: 60 MiB is past extraction's 50 MB.
    await t.ds.query(`UPDATE attachments SET size_bytes = $2 WHERE id = $1`, [id, 60 * MiB]);
    await t.drainJobs();
    const row = await t.ds.query<{ text_status: string; text_error: string | null }[]>(
      `SELECT text_status, text_error FROM attachments WHERE id = $1`,
      [id],
    );
    expect(row).toEqual([{ text_status: 'unreadable', text_error: 'too_large' }]);
    expect(scratch()).toEqual([]);
  });

  it('keeps nothing of a refused upload: too large, or a program named .pdf', async () => {
    const assetId = await draft();
    const before = { objects: await objects(), rows: await rowCount() };
    const tooLarge = await upload(assetId, [
      { name: 'terlalu-besar.txt', data: bigText(13 * MiB + 1024) },
    ]).expect(413);
    expect(tooLarge.body).toMatchObject({
      code: 'FILE_TOO_LARGE',
      details: { maxBytes: 13 * MiB },
    });
    const badType = await upload(assetId, [
      { name: 'catatan.txt', data: Buffer.from('Catatan yang sah') },
      { name: 'laporan.pdf', data: exe() },
    ]).expect(415);
    expect(badType.body.code).toBe('UNSUPPORTED_FILE_TYPE');
    expect({ objects: await objects(), rows: await rowCount() }).toEqual(before);
    expect(scratch()).toEqual([]);
  });

  it('uploads a PDF and a DOCX over HTTP, downloads them byte-equal, and the worker indexes their text', async () => {
    const assetId = await draft();
    const pdf = minimalPdf('Tata cara penandatanganan elektronik kucingbiru');
    const word = docx(
      documentXml('<w:p><w:r><w:t>Pemeliharaan pompa banjir lumbaknila</w:t></w:r></w:p>'),
    );
    const res = await upload(assetId, [
      { name: 'tata-cara.pdf', data: pdf },
      { name: 'pompa.docx', data: word },
    ]).expect(201);
    const [pdfId, docxId] = (res.body as { id: string; displayName: string }[]).map((f) => f.id);
    expect(await download(pdfId)).toEqual(pdf);
    expect(await download(docxId)).toEqual(word);
    const keys = [(await stored(pdfId)).storage_key, (await stored(docxId)).storage_key];
    expect(await objects()).toEqual(expect.arrayContaining(keys));
    if (s3) expect(filesUnder(join(t.config.storage.uploadDir, 'objects'))).toEqual([]);

    await t.http().post(`/api/v1/assets/${assetId}/submit`).set(author.auth).expect(200);
    await t.http().post(`/api/v1/assets/${assetId}/approve`).set(verifier.auth).expect(200);
    await t.drainJobs();
    const [p, d] = [await stored(pdfId), await stored(docxId)];
    expect([p.text_status, d.text_status]).toEqual(['extracted', 'extracted']);
    expect(p.extracted_text).toContain('penandatanganan elektronik kucingbiru');
    expect(d.extracted_text).toContain('Pemeliharaan pompa banjir lumbaknila');
    expect(scratch()).toEqual([]);
    for (const q of ['kucingbiru', 'lumbaknila']) {
      const hits = await t.http().get(`/api/v1/search?q=${q}`).set(author.auth).expect(200);
      expect(hits.body.engine).toBe('meilisearch');
      expect(hits.body.hits.map((h: { id: string }) => h.id)).toEqual([assetId]);
    }
  });
});

describe('storage: a bucket that does not answer', () => {
  it('is reported down by health, which degrades but stays up', async () => {
    const port = await freePort();
    const t = await createTestApp({
      STORAGE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: 'lumbung-test',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    try {
      const res = await t.http().get('/api/v1/health').expect(200);
      expect(res.body).toMatchObject({ status: 'degraded', database: 'up', storage: 'down' });
    } finally {
      await t.close();
    }
  });

  it('is reported down when the bucket is missing', async () => {
    const s3 = await startTestS3();
    const t = await createTestApp({ ...s3.env, S3_BUCKET: 'bucket-yang-tidak-ada' });
    try {
      const res = await t.http().get('/api/v1/health').expect(200);
      expect(res.body).toMatchObject({ status: 'degraded', storage: 'down' });
    } finally {
      await t.close();
      await s3.close();
    }
  });
});
