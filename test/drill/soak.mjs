// Drill 8 (issue 20, quality.md FT-05): a soak of mixed good, malformed and aborted uploads beside
// the workload. Not in CI: `npm run drill -- soak` runs 30 minutes (SOAK_MINUTES to change it);
// `--quick` runs one. Start and end figures: the API's open file descriptors and resident memory,
// the upload scratch folder, and the sizes of the tables uploads write. Must stay flat.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sleep } from '../bench/search-stack.mjs';
import { textFile } from './workload.mjs';
import { fdCount, rssMb } from './proc.mjs';

const MB = 1024 * 1024;

/** Files and bytes under a folder (the upload scratch space). */
function folder(dir) {
  let files = 0;
  let bytes = 0;
  try {
    for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!d.isFile()) continue;
      files += 1;
      bytes += statSync(join(d.parentPath, d.name)).size;
    }
  } catch {
    /* not made yet */
  }
  return { files, bytes };
}

async function figures(ctx) {
  const pid = ctx.api().child.pid;
  const { rows } = await ctx.stack.db.query(
    `SELECT relname AS t, pg_total_relation_size(c.oid)::bigint AS bytes FROM pg_class c
      WHERE relname IN ('attachments', 'jobs', 'idempotency_keys', 'audit_log', 'usage_events')`,
  );
  return {
    fds: fdCount(pid),
    rssMb: Math.round(rssMb(pid)),
    scratch: folder(join(ctx.uploadDir, 'tmp')),
    tables: Object.fromEntries(rows.map((r) => [r.t, Number(r.bytes)])),
  };
}

/** One upload of each kind: good, malformed (a type the sniffer refuses), and aborted midway. */
async function round(ctx, assetId, token, tally) {
  const { w } = ctx;
  const base = ctx.api().base;
  const good = await w.upload(w.users.author, assetId, 256 * 1024 + Math.floor(Math.random() * MB));
  tally.good += good.outcome === 'stored' ? 1 : 0;
  // An executable named as a PDF: refused with a 4xx by content sniffing, nothing kept.
  const form = new FormData();
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(4096)]);
  form.append('files', new Blob([elf], { type: 'application/pdf' }), 'laporan.pdf');
  const bad = await w.call('POST', `/api/v1/assets/${assetId}/attachments`, {
    token,
    form,
    expect: [400, 415, 422],
  });
  tally.malformed += [400, 415, 422].includes(bad.status) ? 1 : 0;
  tally.unexpected += bad.status >= 500 ? 1 : 0;
  // A large body whose sender goes away after a few chunks.
  const file = textFile(4 * MB);
  const stream = new ReadableStream({
    async pull(controller) {
      controller.enqueue(file.buf.subarray(0, 64 * 1024));
      await sleep(20);
    },
  });
  const abort = new AbortController();
  setTimeout(() => abort.abort(), 150);
  const boundary = `----soak${randomUUID()}`;
  await fetch(`${base}/api/v1/assets/${assetId}/attachments`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    body: stream,
    duplex: 'half',
    signal: abort.signal,
  }).catch(() => undefined);
  tally.aborted += 1;
}

export const soak = {
  label: 'mixed good, malformed and aborted uploads',
  onlyWhenNamed: true,
  async inject(ctx) {
    const { w, options } = ctx;
    const minutes = options.quick ? 1 : Number(process.env.SOAK_MINUTES ?? 30);
    const draft = await w.idempotent('POST', '/api/v1/assets', {
      user: w.users.author,
      make: () => ({
        json: { type: 'pelajaran', title: `Uji ketahanan ${randomUUID().slice(0, 8)}` },
      }),
    });
    if (draft.status !== 201) throw new Error(`the drill's draft was not created: ${draft.status}`);
    w.acked.assets.push({ id: draft.body.id, title: draft.body.title });
    w.ack();
    const start = await figures(ctx);
    const tally = { good: 0, malformed: 0, aborted: 0, unexpected: 0 };
    const until = Date.now() + minutes * 60_000;
    // A fresh draft every 25 rounds, as people attach a handful of files to each asset.
    let assetId = draft.body.id;
    for (let n = 1; Date.now() < until; n++) {
      await round(ctx, assetId, await w.token(w.users.author), tally);
      // About 360 requests a minute from this person: under the per-address limit (600).
      await sleep(500);
      if (n % 25 === 0) {
        const next = await w.idempotent('POST', '/api/v1/assets', {
          user: w.users.author,
          make: () => ({
            json: { type: 'pelajaran', title: `Uji ketahanan ${randomUUID().slice(0, 8)}` },
          }),
        });
        if (next.status === 201) {
          w.acked.assets.push({ id: next.body.id, title: next.body.title });
          w.ack();
          assetId = next.body.id;
        }
      }
    }
    return { start, tally, minutes };
  },
  async heal() {},
  async check(ctx, { start, tally, minutes }) {
    // Let aborted requests' clean-up and the GC settle before the end figures.
    await sleep(3000);
    const end = await figures(ctx);
    const problems = [];
    if (end.fds - start.fds > 20) problems.push(`open files grew ${start.fds} → ${end.fds}`);
    if (end.rssMb - start.rssMb > 150)
      problems.push(`API RSS grew ${start.rssMb} → ${end.rssMb} MB`);
    if (end.scratch.files > start.scratch.files)
      problems.push(`scratch folder holds ${end.scratch.files - start.scratch.files} more files`);
    if (tally.unexpected > 0) problems.push(`${tally.unexpected} malformed uploads answered 5xx`);
    if (tally.good === 0) problems.push('no good upload was stored');
    process.stderr.write(
      `  soak ${minutes} min: ${JSON.stringify(tally)}\n  start ${JSON.stringify(start)}\n  end   ${JSON.stringify(end)}\n`,
    );
    return problems;
  },
};
