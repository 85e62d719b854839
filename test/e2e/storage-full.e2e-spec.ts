import fs from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { givenAsset, givenUser, login, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

describe('uploads when the file store is full', () => {
  let t: TestApp;
  let author: Session;
  let assetId: string;
  let full: jest.SpyInstance | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    author = await login(t.http, await givenUser(t.ds));
    assetId = await givenAsset(t.http, author, author, 'draft', { title: 'Aset penuh' });
  });
  afterAll(() => t.close());
  afterEach(() => full?.mockRestore());

  /** Writes into the upload temp folder open the file, then fail as a full disk does. */
  function fillTheDisk(): void {
    const tmp = join(t.config.storage.uploadDir, 'tmp');
    const real = fs.createWriteStream;
    full = jest
      .spyOn(fs, 'createWriteStream')
      .mockImplementation(
        (path: fs.PathLike, options?: Parameters<typeof fs.createWriteStream>[1]) => {
          const stream = real(path, options);
          if (String(path).startsWith(tmp)) {
            stream._write = (_chunk, _enc, done) =>
              done(
                Object.assign(new Error('ENOSPC: no space left on device, write'), {
                  code: 'ENOSPC',
                  errno: -28,
                  syscall: 'write',
                }),
              );
          }
          return stream;
        },
      );
  }

  const upload = () =>
    t
      .http()
      .post(`/api/v1/assets/${assetId}/attachments`)
      .set(author.auth)
      .attach('files', Buffer.from('Catatan rapat yang tidak muat'), 'catatan.txt');
  const attachmentCount = async () =>
    (
      await t.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM attachments WHERE asset_id = $1`,
        [assetId],
      )
    )[0].n;
  const tempFiles = () => {
    try {
      return readdirSync(join(t.config.storage.uploadDir, 'tmp'));
    } catch {
      return [];
    }
  };

  it('answers 507 STORAGE_FULL, keeps no temp file and no row, and other routes keep working', async () => {
    fillTheDisk();
    const res = await upload().expect(507);
    expect(res.body).toEqual({
      code: 'STORAGE_FULL',
      message: 'Ruang penyimpanan berkas penuh. Berkas tidak disimpan; coba lagi nanti.',
    });
    expect(full).toHaveBeenCalled();
    expect(tempFiles()).toEqual([]);
    expect(await attachmentCount()).toBe(0);

    await t.http().get(`/api/v1/assets/${assetId}`).set(author.auth).expect(200);
    await t
      .http()
      .patch(`/api/v1/assets/${assetId}`)
      .set(author.auth)
      .send({ summary: 'Tetap bisa diubah saat disk penuh' })
      .expect(200);
  });

  it('stores uploads again once there is space', async () => {
    await upload().expect(201);
    expect(await attachmentCount()).toBe(1);
  });
});
