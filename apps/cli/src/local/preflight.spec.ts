import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertDataFolderFree, assertPortFree } from './preflight';

describe('npm start preflight', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-preflight-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const withPid = (pid: number): string => {
    const data = join(dir, String(pid));
    mkdirSync(join(data, 'pg'), { recursive: true });
    writeFileSync(join(data, 'pg', 'postmaster.pid'), `${pid}\n/data\n1700000000\n5432\n`);
    return data;
  };

  it('refuses a data folder whose PostgreSQL is still running, naming the folder and the way out', () => {
    const data = withPid(process.pid);
    expect(() => assertDataFolderFree(data)).toThrow(
      `the data folder ${data} is in use by another running Lumbung (its PostgreSQL has pid ${process.pid}); stop that one first, or set LUMBUNG_DATA_DIR to another folder`,
    );
  });

  it('accepts a new folder, and one whose PostgreSQL died leaving its pid file', () => {
    expect(() => assertDataFolderFree(join(dir, 'baru'))).not.toThrow();
    expect(() => assertDataFolderFree(withPid(2 ** 22 + 7))).not.toThrow();
  });

  it('refuses a port another program listens on, and accepts it once free', async () => {
    const holder: Server = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()));
    const { port } = holder.address() as { port: number };
    await expect(assertPortFree('127.0.0.1', port)).rejects.toThrow(
      `port ${port} on 127.0.0.1 is already in use by another program; stop it, or set PORT to a free port`,
    );
    await new Promise<void>((r) => holder.close(() => r()));
    await expect(assertPortFree('127.0.0.1', port)).resolves.toBeUndefined();
  });
});
