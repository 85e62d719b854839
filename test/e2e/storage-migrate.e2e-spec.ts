import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { type AppConfig, S3BlobStorage } from '@lumbung/platform';
import { migrateStorageToS3 } from '../../apps/cli/src/storage-migrate';
import {
  docx,
  documentXml,
  minimalPdf,
} from '../../libs/knowledge/src/attachments/content/testing/fixtures';
import { binary } from '../support/binary';
import {
  givenUser,
  type GivenUser,
  login,
  type Session,
  LESSON_SECTIONS,
} from '../support/factories';
import { startTestS3, type TestS3 } from '../support/s3';
import { createTestApp, startApi, testConfig, type TestApp } from '../support/test-app';

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('storage:migrate-to-s3: disk files into a bucket, verified by hash', () => {
  let s3: TestS3;
  let t: TestApp;
  let user: GivenUser;
  let author: Session;
  /** The migration's environment: the same database and UPLOAD_DIR, STORAGE=s3. */
  let target: AppConfig;
  const files: Record<'a' | 'b' | 'c' | 'd', { id: string; key: string; bytes: Buffer }> =
    {} as never;
  const onDisk = (key: string): string => join(t.config.storage.uploadDir, 'objects', key);

  beforeAll(async () => {
    s3 = await startTestS3();
    t = await createTestApp();
    user = await givenUser(t.ds);
    author = await login(t.http, user);
    const draft = await t
      .http()
      .post('/api/v1/assets')
      .set(author.auth)
      .send({ type: 'pelajaran', title: 'Aset sebelum migrasi', sections: LESSON_SECTIONS })
      .expect(201);
    const bytes = {
      a: minimalPdf('Standar pelayanan minimal'),
      b: docx(documentXml('<w:p><w:r><w:t>Prosedur tanggap darurat</w:t></w:r></w:p>')),
      c: Buffer.from('Catatan rapat yang nanti rusak di disk\n'),
      d: Buffer.from('Catatan yang nanti hilang dari disk\n'),
    };
    const res = await t
      .http()
      .post(`/api/v1/assets/${draft.body.id as string}/attachments`)
      .set(author.auth)
      .attach('files', bytes.a, 'a.pdf')
      .attach('files', bytes.b, 'b.docx')
      .attach('files', bytes.c, 'c.txt')
      .attach('files', bytes.d, 'd.txt')
      .expect(201);
    for (const [i, name] of (['a', 'b', 'c', 'd'] as const).entries()) {
      const id = (res.body as { id: string }[])[i].id;
      const [{ storage_key: key }] = await t.ds.query<{ storage_key: string }[]>(
        `SELECT storage_key FROM attachments WHERE id = $1`,
        [id],
      );
      files[name] = { id, key, bytes: bytes[name] };
    }
    target = testConfig(t.config.database.url, {
      ...s3.env,
      UPLOAD_DIR: t.config.storage.uploadDir,
    });
  });
  afterAll(async () => {
    await t.close();
    await s3.close();
  });

  it('refuses to run without a bucket to copy into', async () => {
    await expect(migrateStorageToS3(t.config)).rejects.toThrow('STORAGE must be s3');
    expect(await s3.keys()).toEqual([]);
  });

  it('copies good files, refuses a corrupted one and reports a missing one', async () => {
    // Same length, other bytes: only the hash can tell.
    await writeFile(onDisk(files.c.key), Buffer.from('X'.repeat(files.c.bytes.length)));
    await rm(onDisk(files.d.key));
    const seen: string[] = [];
    const summary = await migrateStorageToS3(target, (_n, outcome, key) =>
      seen.push(`${outcome} ${key}`),
    );
    expect(summary).toEqual({
      total: 4,
      copied: 2,
      present: 0,
      corrupt: [files.c.key],
      missing: [files.d.key],
      failed: [],
    });
    expect(seen).toHaveLength(4);
    expect(await s3.keys()).toEqual([files.a.key, files.b.key].sort());
    for (const f of [files.a, files.b]) {
      expect(await s3.metadata(f.key)).toEqual({ sha256: sha256(f.bytes) });
    }
    // The disk is left as it was.
    expect(await readFile(onDisk(files.a.key))).toEqual(files.a.bytes);
  });

  it('resumes: a copy lost or left stale (an interrupted run) is sent again', async () => {
    const bucket = new S3BlobStorage(target);
    try {
      await bucket.delete(files.a.key);
      const stale = join(mkdtempSync(join(tmpdir(), 'lumbung-stale-')), 'stale');
      await writeFile(stale, Buffer.from('sisa unggahan yang terputus'));
      await bucket.upload(files.b.key, stale);
      rmSync(stale, { force: true });
      const summary = await migrateStorageToS3(target);
      expect(summary).toMatchObject({ total: 4, copied: 2, present: 0 });
      const { stream } = await bucket.open(files.b.key);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks)).toEqual(files.b.bytes);
    } finally {
      bucket.close();
    }
  });

  it('is idempotent: a second run sends nothing and reports the same problems', async () => {
    const writes = s3.events.length;
    expect(await migrateStorageToS3(target)).toEqual({
      total: 4,
      copied: 0,
      present: 2,
      corrupt: [files.c.key],
      missing: [files.d.key],
      failed: [],
    });
    expect(s3.events.length).toBe(writes);
  });

  it('copies the repaired file, and the API on STORAGE=s3 serves every file byte-equal', async () => {
    await writeFile(onDisk(files.c.key), files.c.bytes);
    expect(await migrateStorageToS3(target)).toMatchObject({
      copied: 1,
      present: 2,
      corrupt: [],
      missing: [files.d.key],
    });
    const scratch = mkdtempSync(join(tmpdir(), 'lumbung-scratch-'));
    let api: NestExpressApplication | undefined;
    try {
      // A second API on the same database, reading from the bucket with a disk of its own.
      const started = await startApi(
        testConfig(t.config.database.url, { ...s3.env, UPLOAD_DIR: scratch }),
      );
      api = started;
      const http = () => request(started.getHttpServer());
      const session = await login(http, user);
      for (const f of [files.a, files.b, files.c]) {
        const res = await http()
          .get(`/api/v1/attachments/${f.id}`)
          .set(session.auth)
          .buffer(true)
          .parse(binary)
          .expect(200);
        expect(sha256(res.body as Buffer)).toBe(sha256(f.bytes));
      }
    } finally {
      await api?.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('runs as the CLI command: a line per file not moved, the summary, exit status 1 until all are safe', async () => {
    const root = resolve(__dirname, '../..');
    execFileSync('npm', ['run', '--silent', 'build:api'], { cwd: root, stdio: 'ignore' });
    // Asynchronously: s3rver answers from this process, so a synchronous spawn would deadlock.
    const run = await new Promise<{ status: number; stdout: string; stderr: string }>((done) => {
      const child = execFile(
        'node',
        ['dist/apps/cli/src/main.js', 'storage:migrate-to-s3'],
        {
          cwd: root,
          timeout: 60_000,
          env: {
            PATH: process.env.PATH,
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
            DATABASE_URL: t.config.database.url,
            MEILI_HOST: t.config.search.host,
            JWT_SECRET: t.config.auth.jwtSecret,
            UPLOAD_DIR: t.config.storage.uploadDir,
            ...s3.env,
          },
        },
        (error, stdout, stderr) =>
          done({ status: child.exitCode ?? (error ? -1 : 0), stdout, stderr }),
      );
    });
    expect(run.stderr).toBe('');
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { msg: 'file not migrated', outcome: 'missing', key: files.d.key },
      {
        msg: 'storage migrated to s3',
        total: 4,
        copied: 0,
        present: 3,
        corrupt: [],
        missing: [files.d.key],
        failed: [],
      },
    ]);
    expect(run.status).toBe(1);
  });
});
