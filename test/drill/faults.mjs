// One fault per drill: how it is injected, healed and what it must show beyond the common
// invariants. Drills are listed in priority order (issue 20): 4, 2, 5, …
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { sleep } from '../bench/search-stack.mjs';
import { slowClients } from './slow-clients.mjs';
import { textFile } from './workload.mjs';

const MB = 1024 * 1024;

/** Processes whose parent is `pid`. */
function childrenOf(pid) {
  const out = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid)
        out.push(Number(name));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** Pids of processes started from this one running `script` (the worker has no handle here). */
export function childPids(script) {
  return childrenOf(process.pid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(script);
    } catch {
      return false;
    }
  });
}

async function gone(pid, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await sleep(20);
  }
}

/**
 * A multipart body streamed in 64 KB chunks; the first `slowMs` spread over the whole file and
 * `onHalf` called once half the bytes are out (the moment a drill kills the API).
 */
function multipartStream(file, { slowMs = 0, onHalf } = {}) {
  const boundary = `drill${randomUUID().replace(/-/g, '')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="latihan.txt"\r\n` +
      `Content-Type: text/plain\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunks = [head];
  for (let i = 0; i < file.length; i += 64 * 1024) chunks.push(file.subarray(i, i + 64 * 1024));
  chunks.push(tail);
  const pause = slowMs / chunks.length;
  let i = 0;
  let halfSignalled = false;
  const body = new ReadableStream({
    async pull(controller) {
      if (i >= chunks.length) return controller.close();
      if (pause > 0) await sleep(pause);
      controller.enqueue(chunks[i++]);
      if (!halfSignalled && i >= chunks.length / 2) {
        halfSignalled = true;
        onHalf?.();
      }
    },
  });
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Drill 4: the API SIGKILLed mid-upload, mid-import, mid-edit and mid-meeting-log. */
const apiKill = {
  label: 'API SIGKILL mid-write, retried with the same Idempotency-Key',
  async inject(ctx) {
    const { w } = ctx;
    const u = w.users;
    // A draft to upload to and edit, made before the fault.
    const draft = await w.idempotent('POST', '/api/v1/assets', {
      user: u.author,
      make: () => ({ json: { type: 'pelajaran', title: `Sasaran ${randomUUID().slice(0, 8)}` } }),
    });
    if (draft.status !== 201)
      throw new Error(
        `the drill's draft was not created: ${draft.status} ${JSON.stringify(draft.body ?? draft.lastLoginRefusal ?? null)}`,
      );
    w.acked.assets.push({ id: draft.body.id, title: draft.body.title });
    w.ack();
    const file = textFile(ctx.options.quick ? 4 * MB : 40 * MB);
    let half;
    const halfway = new Promise((resolve) => (half = resolve));
    let first = true;
    const upload = w.idempotent('POST', `/api/v1/assets/${draft.body.id}/attachments`, {
      user: u.author,
      make: () => {
        // The first attempt trickles (so the kill lands mid-upload); retries stream at once.
        const stream = multipartStream(file.buf, first ? { slowMs: 6000, onHalf: half } : {});
        first = false;
        return { body: stream.body, headers: stream.headers, timeoutMs: 300_000 };
      },
    });
    await halfway;
    // The other writes start together, and the API dies while they run.
    const others = [w.import(u.admin, 20), w.edit(u.author, draft.body.id), w.meeting(u.lead)];
    await sleep(15);
    const pid = ctx.api().child.pid;
    process.kill(pid, 'SIGKILL');
    ctx.killed.add('api');
    await gone(pid);
    return { upload, others, draft: draft.body.id, file };
  },
  async heal(ctx) {
    await ctx.restartApi();
  },
  async after(ctx, { upload, others, draft, file }) {
    const res = await upload;
    await Promise.all(others);
    if (res.status === 201) {
      ctx.w.acked.uploads.push({
        assetId: draft,
        sha256: file.sha256,
        size: file.buf.length,
        ids: res.body.map((a) => a.id),
      });
      ctx.w.ack();
    }
    ctx.uploadResult = res;
  },
  check(ctx) {
    const r = ctx.uploadResult;
    if (r.status !== 201) return [`interrupted upload never converged (${r.status})`];
    if (r.attempts < 2) return ['the kill did not land mid-upload (first attempt answered)'];
    return [];
  },
};

/** All PostgreSQL processes: the postmaster and its children. */
function postgresPids(stack) {
  return [stack.pg.pid, ...childrenOf(stack.pg.pid)];
}

/** Drill 2: PostgreSQL paused (SIGSTOP of the postmaster and every backend). */
const pgPause = {
  label: 'PostgreSQL SIGSTOP (10 s; 5 s quick)',
  async inject(ctx) {
    const pids = postgresPids(ctx.stack);
    const rssBefore = rssOf(ctx.api().child.pid);
    const from = Date.now();
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    let peak = rssBefore;
    const until = Date.now() + (ctx.options.quick ? 5000 : 10_000);
    while (Date.now() < until) {
      peak = Math.max(peak, rssOf(ctx.api().child.pid));
      await sleep(100);
    }
    return { pids, from, to: Date.now(), rssBefore, peak };
  },
  async heal(_ctx, { pids }) {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        /* gone */
      }
    }
  },
  check(ctx, { from, to, rssBefore, peak }) {
    const bound =
      Number(process.env.DB_QUERY_TIMEOUT_MS) + Number(process.env.DB_CONNECT_TIMEOUT_MS) + 2000;
    const during = ctx.w.latencies.filter((l) => l.started >= from && l.started < to);
    const problems = [];
    const slow = during.filter((l) => l.ms > bound);
    if (slow.length > 0)
      problems.push(
        `${slow.length} requests during the pause took over ${bound} ms (max ${Math.round(Math.max(...slow.map((l) => l.ms)))})`,
      );
    const fiveHundreds = during.filter((l) => l.kind === '500');
    if (fiveHundreds.length > 0)
      problems.push(`${fiveHundreds.length} answered 500 during the pause`);
    if (peak - rssBefore > 150)
      problems.push(`API RSS grew ${Math.round(peak - rssBefore)} MB while paused`);
    return problems;
  },
};

function rssOf(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Drill 5: the worker SIGKILLed while it runs jobs (search sync, extraction, rollup fold). */
const workerKill = {
  label: 'worker SIGKILL mid-batch',
  async inject(ctx) {
    const { w, stack } = ctx;
    const u = w.users;
    // Work for the worker: a large file to extract and assets to publish (search sync).
    const draft = await w.idempotent('POST', '/api/v1/assets', {
      user: u.author,
      make: () => ({ json: { type: 'pelajaran', title: `Beban ${randomUUID().slice(0, 8)}` } }),
    });
    if (draft.status !== 201)
      throw new Error(
        `the drill's draft was not created: ${draft.status} ${JSON.stringify(draft.body ?? draft.lastLoginRefusal ?? null)}`,
      );
    w.acked.assets.push({ id: draft.body.id, title: draft.body.title });
    w.ack();
    const burst = [
      w.upload(u.author, draft.body.id, ctx.options.quick ? 8 * MB : 30 * MB),
      w.import(u.admin, 50),
    ];
    const until = Date.now() + 20_000;
    let running = [];
    while (Date.now() < until) {
      const { rows } = await stack.db.query(`SELECT id, queue FROM jobs WHERE status = 'running'`);
      if (rows.length > 0) {
        running = rows;
        break;
      }
      await sleep(5);
    }
    const [pid] = childPids('apps/worker/src/main.js');
    process.kill(pid, 'SIGKILL');
    ctx.killed.add('worker');
    await gone(pid);
    await Promise.all(burst);
    return { running };
  },
  async heal(ctx) {
    // Forget the killed child (it exited by signal), then start a new worker.
    await ctx.stack.stopWorker();
    await ctx.stack.startWorker();
  },
  async check(ctx, { running }) {
    if (running.length === 0) return ['no job was running when the worker was killed'];
    const { rows } = await ctx.stack.db.query(
      `SELECT id, status, attempts FROM jobs WHERE id = ANY($1::bigint[])`,
      [running.map((r) => r.id)],
    );
    return rows
      .filter((r) => r.status !== 'done')
      .map((r) => `job ${r.id} ${r.status} after the worker was killed`);
  },
};

export const FAULTS = {
  'api-kill': apiKill,
  'pg-pause': pgPause,
  'worker-kill': workerKill,
  'slow-clients': slowClients,
};
