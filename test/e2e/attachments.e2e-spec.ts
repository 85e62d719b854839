import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  docx,
  documentXml,
  minimalPdf,
  png,
} from '../../libs/knowledge/src/attachments/content/testing/fixtures';
import {
  givenUser,
  type GivenUser,
  login,
  type Session,
  LESSON_SECTIONS,
} from '../support/factories';
import { filesIn } from '../support/files';
import { createTestApp, type TestApp } from '../support/test-app';

const MAX = 64 * 1024;

interface Upload {
  name: string;
  data: Buffer;
  contentType?: string;
}

describe('attachments: the upload battery', () => {
  let t: TestApp;
  let author: Session;
  let authorUser: GivenUser;
  let verifier: Session;
  let asnDinkes: Session;
  let assetId: string;

  const upload = (s: Session, id: string, files: Upload[]) => {
    let req = t.http().post(`/api/v1/assets/${id}/attachments`).set(s.auth);
    for (const f of files) {
      req = req.attach('files', f.data, {
        filename: f.name,
        contentType: f.contentType ?? 'application/octet-stream',
      });
    }
    return req;
  };
  const rowCount = async (): Promise<number> =>
    (await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM attachments`))[0].n;
  const storedFiles = (): string[] => filesIn(t.config.storage.uploadDir);
  const tempFiles = (): string[] => filesIn(join(t.config.storage.uploadDir, 'tmp'));

  async function newDraft(s: Session, body: Record<string, unknown> = {}): Promise<string> {
    const res = await t
      .http()
      .post('/api/v1/assets')
      .set(s.auth)
      .send({
        type: 'pelajaran',
        title: 'Aset dengan lampiran',
        sections: LESSON_SECTIONS,
        ...body,
      });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_BYTES: String(MAX) });
    authorUser = await givenUser(t.ds);
    author = await login(t.http, authorUser);
    verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    asnDinkes = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
    assetId = await newDraft(author);
  });
  afterAll(() => t.close());

  it('requires login (401), an editable asset (404 / 403) and at least one file (400)', async () => {
    await t
      .http()
      .post(`/api/v1/assets/${assetId}/attachments`)
      .attach('files', minimalPdf('x'), 'a.pdf')
      .expect(401);
    await upload(asnDinkes, assetId, [{ name: 'a.pdf', data: minimalPdf('x') }]).expect(404);
    await upload(verifier, assetId, [{ name: 'a.pdf', data: minimalPdf('x') }]).expect(403);
    const none = await t
      .http()
      .post(`/api/v1/assets/${assetId}/attachments`)
      .set(author.auth)
      .field('note', 'x');
    expect(none.status).toBe(400);
    expect(none.body.details).toEqual([{ field: 'files', problems: ['required'] }]);
    const json = await t
      .http()
      .post(`/api/v1/assets/${assetId}/attachments`)
      .set(author.auth)
      .send({ files: [] });
    expect(json.status).toBe(415);
    expect(json.body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      details: { accepted: ['multipart/form-data'] },
    });
    expect(await rowCount()).toBe(0);
  });

  it('accepts genuine files whatever Content-Type the client claims, storing the sniffed type', async () => {
    const res = await upload(author, assetId, [
      {
        name: 'Laporan Kegiatan.pdf',
        data: minimalPdf('Laporan kegiatan triwulan'),
        contentType: 'text/html',
      },
      { name: 'foto.PNG', data: png(), contentType: 'application/pdf' },
      {
        name: 'panduan.docx',
        data: docx(documentXml('<w:p><w:r><w:t>Langkah pertama</w:t></w:r></w:p>')),
        contentType: 'application/zip',
      },
      {
        name: 'catatan.md',
        data: Buffer.from('# Catatan\nIsi catatan rapat.\n'),
        contentType: 'application/x-msdownload',
      },
    ]).expect(201);
    expect(res.body.map((a: { name: string; mime: string }) => [a.name, a.mime])).toEqual([
      ['Laporan Kegiatan.pdf', 'application/pdf'],
      ['foto.PNG', 'image/png'],
      ['panduan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['catatan.md', 'text/plain; charset=utf-8'],
    ]);
    const rows = await t.ds.query<
      { kind: string; size_bytes: string; sha256: string; storage_key: string }[]
    >(
      `SELECT kind, size_bytes, sha256, storage_key FROM attachments WHERE asset_id = $1 ORDER BY created_at, display_name`,
      [assetId],
    );
    expect(rows.map((r) => r.kind).sort()).toEqual(['docx', 'pdf', 'png', 'text']);
    for (const r of rows) {
      expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(r.storage_key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    }
    // One extraction job per extractable file, enqueued with the rows.
    const jobs = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM jobs WHERE queue = 'attachment.extract' AND status = 'pending'`,
    );
    expect(jobs[0].n).toBe(4);
  });

  it('refuses HTML, SVG and executables renamed as documents (415), storing nothing', async () => {
    const before = await rowCount();
    const cases: Upload[] = [
      {
        name: 'laporan.pdf',
        data: Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'),
      },
      {
        name: 'gambar.png',
        data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      },
      {
        name: 'program.pdf',
        data: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200)]),
      },
      { name: 'arsip.docx', data: Buffer.from('PK\u0003\u0004 not really a document') },
      { name: 'catatan.txt', data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 1)]) },
    ];
    for (const c of cases) {
      const res = await upload(author, assetId, [c]).expect(415);
      expect(res.body).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', details: { name: c.name } });
    }
    const mismatch = await upload(author, assetId, [
      { name: 'laporan.docx', data: minimalPdf('x') },
    ]).expect(415);
    expect(mismatch.body).toMatchObject({
      code: 'FILE_EXTENSION_MISMATCH',
      details: { detected: 'pdf' },
    });
    // One bad file refuses the whole upload.
    await upload(author, assetId, [
      { name: 'baik.pdf', data: minimalPdf('baik sekali') },
      { name: 'jahat.pdf', data: Buffer.from('<html></html>') },
    ]).expect(415);
    expect(await rowCount()).toBe(before);
    expect(tempFiles()).toEqual([]);
  });

  it('never turns client file names into paths', async () => {
    const res = await upload(author, assetId, [
      { name: '../../../etc/cron.d/x.pdf', data: minimalPdf('traversal') },
      { name: '..\\..\\windows\\evil.pdf', data: minimalPdf('traversal 2') },
    ]).expect(201);
    expect(res.body.map((a: { name: string }) => a.name)).toEqual(['x.pdf', 'evil.pdf']);
    // Stored under server-generated keys only: nothing of the client's path reaches the disk.
    const keys = await t.ds.query<{ storage_key: string }[]>(
      `SELECT storage_key FROM attachments WHERE id = ANY($1::uuid[])`,
      [res.body.map((a: { id: string }) => a.id)],
    );
    expect(keys).toHaveLength(2);
    for (const { storage_key } of keys) {
      expect(storage_key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
      expect(storedFiles().some((f) => f.endsWith(storage_key))).toBe(true);
    }
    expect(storedFiles().some((f) => /cron\.d|windows|evil|x\.pdf/.test(f))).toBe(false);
  });

  it('takes exactly the size limit and refuses one byte more (413), keeping nothing partial', async () => {
    const before = await rowCount();
    const exact = Buffer.alloc(MAX, 'a');
    await upload(author, assetId, [{ name: 'pas.txt', data: exact }]).expect(201);
    const over = Buffer.alloc(MAX + 1, 'b');
    const res = await upload(author, assetId, [{ name: 'lebih.txt', data: over }]).expect(413);
    expect(res.body).toMatchObject({ code: 'FILE_TOO_LARGE', details: { maxBytes: MAX } });
    expect(await rowCount()).toBe(before + 1);
    expect(tempFiles()).toEqual([]);
  });

  it('refuses more than 10 files (400 TOO_MANY_FILES) and files in another field', async () => {
    const files = Array.from({ length: 11 }, (_, i) => ({
      name: `f${i}.txt`,
      data: Buffer.from(`berkas ${i}`),
    }));
    const res = await upload(author, assetId, files).expect(400);
    expect(res.body.code).toBe('TOO_MANY_FILES');
    const other = await t
      .http()
      .post(`/api/v1/assets/${assetId}/attachments`)
      .set(author.auth)
      .attach('file', Buffer.from('isi'), 'a.txt')
      .expect(400);
    expect(other.body.code).toBe('UNEXPECTED_FIELD');
    expect(tempFiles()).toEqual([]);
  });

  it('stores the same bytes once per asset', async () => {
    const data = Buffer.from('Isi yang sama persis.\n');
    const first = await upload(author, assetId, [{ name: 'satu.txt', data }]).expect(201);
    const second = await upload(author, assetId, [
      { name: 'dua.txt', data },
      { name: 'tiga.txt', data },
    ]).expect(201);
    expect(second.body.map((a: { id: string }) => a.id)).toEqual([first.body[0].id]);
  });

  it('removes a partial file when the client aborts mid-upload', async () => {
    const before = await rowCount();
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const boundary = 'lumbungAbort';
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/assets/${assetId}/attachments`,
        headers: {
          Authorization: `Bearer ${author.token}`,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(MAX),
        },
      });
      req.on('error', () => resolve());
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="putus.txt"\r\n\r\n`,
      );
      req.write(Buffer.alloc(20_000, 'c'));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 150);
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await rowCount()).toBe(before);
    expect(tempFiles()).toEqual([]);
    await t.http().get('/api/v1/health').expect(200);
  });

  it('survives malformed multipart bodies with a 4xx', async () => {
    const bodies = [
      // empty filename plus a truncated closing boundary (expressjs/multer#1338)
      '--X\r\nContent-Disposition: form-data; name="files"; filename=""\r\n\r\nabc\r\n--X',
      '--X\r\nContent-Disposition: form-data; name=""; filename="a.txt"\r\n\r\nabc\r\n--X--\r\n',
      '--X\r\nContent-Disposition: form-data; name="a[b][c][d][e]"\r\n\r\nv\r\n--X--\r\n',
      '--X\r\nContent-Disposition: form-data; name="files[4294967294]"\r\n\r\nv\r\n--X--\r\n',
      '--X\r\nnot a header\r\n\r\n--X--',
      'garbage without boundary',
    ];
    for (const body of bodies) {
      const res = await t
        .http()
        .post(`/api/v1/assets/${assetId}/attachments`)
        .set(author.auth)
        .set('Content-Type', 'multipart/form-data; boundary=X')
        .send(body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(typeof res.body.code).toBe('string');
    }
    await t
      .http()
      .post(`/api/v1/assets/${assetId}/attachments`)
      .set(author.auth)
      .set('Content-Type', 'multipart/form-data')
      .send('x')
      .expect((r) => expect(r.status).toBeLessThan(500));
    await t.http().get('/api/v1/health').expect(200);
  });

  describe('download', () => {
    it('serves the bytes as an attachment with safe headers, under the asset’s access rules', async () => {
      const id = await newDraft(author, { visibility: 'opd' });
      const data = minimalPdf('Dokumen rahasia dinas');
      const up = await upload(author, id, [{ name: 'Rencana "Kerja" 2026.pdf', data }]).expect(201);
      const attachmentId = up.body[0].id as string;
      const res = await t
        .http()
        .get(`/api/v1/attachments/${attachmentId}`)
        .set(author.auth)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(Buffer.compare(res.body as Buffer, data)).toBe(0);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Rencana _Kerja_ 2026.pdf"; filename*=UTF-8''Rencana%20%22Kerja%22%202026.pdf`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      // Draft: others cannot reach the file, exactly like a missing one.
      const missing = await t
        .http()
        .get('/api/v1/attachments/00000000-0000-4000-8000-000000000000')
        .set(asnDinkes.auth);
      const forbidden = await t
        .http()
        .get(`/api/v1/attachments/${attachmentId}`)
        .set(asnDinkes.auth);
      expect([forbidden.status, forbidden.body]).toEqual([404, missing.body]);
      await t.http().get(`/api/v1/attachments/${attachmentId}`).expect(404);
      // Published with opd visibility: the OPD reads it, other OPDs still do not.
      await t.http().post(`/api/v1/assets/${id}/submit`).set(author.auth).expect(200);
      await t.http().post(`/api/v1/assets/${id}/approve`).set(verifier.auth).expect(200);
      const colleague = await login(t.http, await givenUser(t.ds));
      await t.http().get(`/api/v1/attachments/${attachmentId}`).set(colleague.auth).expect(200);
      await t.http().get(`/api/v1/attachments/${attachmentId}`).set(asnDinkes.auth).expect(404);
    });

    it('lets authors delete a file; its bytes go with the next job run', async () => {
      const id = await newDraft(author);
      const up = await upload(author, id, [
        { name: 'hapus.txt', data: Buffer.from('akan dihapus') },
      ]).expect(201);
      const attachmentId = up.body[0].id as string;
      const [{ storage_key }] = await t.ds.query<{ storage_key: string }[]>(
        `SELECT storage_key FROM attachments WHERE id = $1`,
        [attachmentId],
      );
      await t.http().delete(`/api/v1/attachments/${attachmentId}`).set(asnDinkes.auth).expect(404);
      await t.http().delete(`/api/v1/attachments/${attachmentId}`).set(author.auth).expect(204);
      await t.http().get(`/api/v1/attachments/${attachmentId}`).set(author.auth).expect(404);
      await t.drainJobs();
      expect(storedFiles().some((f) => f.endsWith(storage_key))).toBe(false);
    });

    it('removes the bytes of a deleted draft’s files with the next job run', async () => {
      const id = await newDraft(author);
      await upload(author, id, [{ name: 'draf.txt', data: Buffer.from('draf dihapus') }]).expect(
        201,
      );
      const [{ storage_key }] = await t.ds.query<{ storage_key: string }[]>(
        `SELECT storage_key FROM attachments WHERE asset_id = $1`,
        [id],
      );
      expect(storedFiles().some((f) => f.endsWith(storage_key))).toBe(true);
      await t.http().delete(`/api/v1/assets/${id}`).set(author.auth).expect(204);
      await t.drainJobs();
      expect(storedFiles().some((f) => f.endsWith(storage_key))).toBe(false);
    });
  });

  describe('text extraction in the worker', () => {
    it('extracts PDF, DOCX and text; marks unreadable files without losing them', async () => {
      const id = await newDraft(author);
      await upload(author, id, [
        { name: 'a.pdf', data: minimalPdf('Pengetahuan tacit ASN') },
        {
          name: 'b.docx',
          data: docx(documentXml('<w:p><w:r><w:t>Jejaring kontak dinas</w:t></w:r></w:p>')),
        },
        { name: 'c.txt', data: Buffer.from('Catatan lapangan petugas') },
        { name: 'd.pdf', data: Buffer.from('%PDF-1.7\nthis is not really a pdf') },
        { name: 'e.png', data: png() },
      ]).expect(201);
      await t.drainJobs();
      const rows = await t.ds.query<
        { display_name: string; text_status: string; extracted_text: string | null }[]
      >(
        `SELECT display_name, text_status, extracted_text FROM attachments WHERE asset_id = $1 ORDER BY display_name`,
        [id],
      );
      expect(rows.map((r) => [r.display_name, r.text_status])).toEqual([
        ['a.pdf', 'extracted'],
        ['b.docx', 'extracted'],
        ['c.txt', 'extracted'],
        ['d.pdf', 'unreadable'],
        ['e.png', 'not_applicable'],
      ]);
      expect(rows[0].extracted_text).toContain('Pengetahuan tacit ASN');
      expect(rows[1].extracted_text).toContain('Jejaring kontak dinas');
      expect(rows[2].extracted_text).toBe('Catatan lapangan petugas');
      const detail = await t.http().get(`/api/v1/assets/${id}`).set(author.auth).expect(200);
      expect(detail.body.attachments).toHaveLength(5);
      // Replaying the jobs changes nothing (idempotent handlers).
      await t.ds.query(
        `UPDATE jobs SET status = 'pending', run_at = now() WHERE queue = 'attachment.extract'`,
      );
      await t.drainJobs();
      const again = await t.ds.query<{ text_status: string }[]>(
        `SELECT text_status FROM attachments WHERE asset_id = $1 ORDER BY display_name`,
        [id],
      );
      expect(again.map((r) => r.text_status)).toEqual(rows.map((r) => r.text_status));
    });
  });

  it('a dokumen needs an attachment before it can be submitted', async () => {
    const res = await t
      .http()
      .post('/api/v1/assets')
      .set(author.auth)
      .send({
        type: 'dokumen',
        title: 'Pergub tentang KM',
        sections: { ringkasan: 'Ringkasan pergub' },
        summary: 'x',
        tags: ['km'],
        seciMode: 'kombinasi',
      });
    const id = res.body.id as string;
    const attachment = {
      key: 'attachment',
      label: 'Lampiran (minimal satu berkas)',
      labelEn: 'Attachment (at least one file)',
    };
    expect(res.body.missing).toEqual([attachment]);
    expect(res.body.completeness).toBe(0.8);
    const refused = await t.http().post(`/api/v1/assets/${id}/submit`).set(author.auth).expect(422);
    expect(refused.body.details.missing).toEqual([attachment]);
    expect(refused.body.message).toBe(
      'Bagian wajib belum diisi: Lampiran (minimal satu berkas). Lengkapi sebelum mengajukan.',
    );
    await upload(author, id, [{ name: 'pergub.pdf', data: minimalPdf('Pergub') }]).expect(201);
    const after = await t.http().get(`/api/v1/assets/${id}`).set(author.auth).expect(200);
    expect(after.body.completeness).toBe(1);
    await t.http().post(`/api/v1/assets/${id}/submit`).set(author.auth).expect(200);
  });
});
