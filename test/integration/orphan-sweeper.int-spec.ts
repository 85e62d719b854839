import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { OrphanFileSweeper } from '@lumbung/knowledge';
import { BlobStorage } from '@lumbung/platform';
import { givenAsset, givenAttachment, givenUser, login } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const HOURS = 3_600_000;

describe('the orphan-file sweeper on real PostgreSQL and disk', () => {
  let t: TestApp;
  let storage: BlobStorage;
  let sweeper: OrphanFileSweeper;
  let assetId: string;
  let author: Awaited<ReturnType<typeof login>>;
  /** As if the sweep ran this long after now (past the 6-hour grace period). */
  const later = () => new Date(Date.now() + 7 * HOURS);

  beforeAll(async () => {
    t = await createTestApp();
    storage = t.app.get(BlobStorage);
    sweeper = new OrphanFileSweeper(t.ds, t.config, storage);
    const user = await givenUser(t.ds);
    author = await login(t.http, user);
    assetId = await givenAsset(t.http, author, author, 'draft', { title: 'Aset berkas' });
  });
  afterAll(() => t.close());

  /** A file in the store that no attachment names (an API killed between store and commit). */
  async function givenOrphan(): Promise<string> {
    const temp = await storage.tempPath();
    await writeFile(temp, 'yatim');
    return storage.adopt(temp);
  }
  const stored = async (key: string) => (await storage.stat(key)) !== undefined;
  const keyOf = async (attachmentId: string) =>
    (
      await t.ds.query<{ storage_key: string }[]>(
        `SELECT storage_key FROM attachments WHERE id = $1`,
        [attachmentId],
      )
    )[0].storage_key;

  it('removes old orphans and keeps referenced files and orphans still within the grace period', async () => {
    const attached = await keyOf(await givenAttachment(t.http, author, assetId));
    const orphan = await givenOrphan();

    const now = await sweeper.sweep();
    expect(now.orphansRemoved).toBe(0);
    expect(await stored(orphan)).toBe(true);

    const report = await sweeper.sweep({ now: later() });
    expect(report.orphansRemoved).toBe(1);
    expect(report.scanned).toBeGreaterThanOrEqual(2);
    expect(await stored(orphan)).toBe(false);
    expect(await stored(attached)).toBe(true);
  });

  it('only reports in a dry run', async () => {
    const orphan = await givenOrphan();
    const report = await sweeper.sweep({ now: later(), dryRun: true });
    expect(report.orphansRemoved).toBe(1);
    expect(await stored(orphan)).toBe(true);
    await sweeper.sweep({ now: later() });
    expect(await stored(orphan)).toBe(false);
  });

  it('removes temp files of uploads cut off mid-way once they are old', async () => {
    const temp = await storage.tempPath();
    await writeFile(temp, 'setengah');
    expect((await sweeper.sweep()).tempRemoved).toBe(0);
    expect(existsSync(temp)).toBe(true);
    expect((await sweeper.sweep({ now: later() })).tempRemoved).toBe(1);
    expect(existsSync(temp)).toBe(false);
  });

  it('reports attachment rows whose file is gone, without changing them', async () => {
    const id = await givenAttachment(t.http, author, assetId);
    await storage.delete(await keyOf(id));
    const report = await sweeper.sweep({ now: later() });
    expect(report.rowsWithoutFile).toEqual([id]);
    expect(await t.ds.query(`SELECT id FROM attachments WHERE id = $1`, [id])).toEqual([{ id }]);
  });
});
