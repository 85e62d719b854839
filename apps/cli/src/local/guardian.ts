import { createInterface } from 'node:readline';

/**
 * The launcher's guardian: a small separate process that outlives the launcher only to clean up
 * after it. The launcher tells it (one JSON line each on its stdin) every process it started and
 * how that process stops cleanly; when the launcher exits normally it says `done`. If its stdin
 * closes without `done`, the launcher died (SIGKILL, a crash, OOM), and the guardian stops what
 * it left: the API and the worker first, then Meilisearch and PostgreSQL (SIGINT: a fast,
 * clean shutdown), escalating only if one does not stop in time.
 */

export interface GuardedProcess {
  pid: number;
  name: string;
  /** The signal that stops it cleanly (SIGINT for PostgreSQL: fast shutdown). */
  signal: NodeJS.Signals;
  /** Stopped in rounds: 0 (the API, the worker) before 1 (the servers they use). */
  round: 0 | 1;
  /** Sent when it has not stopped after `graceMs`. */
  escalate: NodeJS.Signals;
  graceMs: number;
}

export type GuardianMessage = { watch: GuardedProcess } | { done: true };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function send(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

async function stopAll(watched: GuardedProcess[]): Promise<void> {
  for (const round of [0, 1] as const) {
    const group = watched.filter((p) => p.round === round && alive(p.pid));
    for (const p of group) send(p.pid, p.signal);
    await Promise.all(
      group.map(async (p) => {
        const deadline = Date.now() + p.graceMs;
        while (alive(p.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        if (alive(p.pid)) send(p.pid, p.escalate);
      }),
    );
  }
}

export function runGuardian(): void {
  // Ctrl-C reaches the whole process group; the launcher handles it. The guardian only acts
  // when the launcher is gone.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => undefined);
  const watched: GuardedProcess[] = [];
  let done = false;
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    try {
      const message = JSON.parse(line) as GuardianMessage;
      if ('done' in message) done = true;
      else watched.push(message.watch);
    } catch {
      // not ours
    }
  });
  lines.on('close', () => {
    if (done) process.exit(0);
    void stopAll(watched).then(() => process.exit(0));
  });
}

// Run as its own process by the launcher (`node guardian.js`).
if (require.main === module) runGuardian();
