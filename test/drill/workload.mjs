// The drills' client side: a bounded mixed workload of real users against the API (logins,
// search as you type, asset create/edit/submit/approve, uploads, meeting logs, views, downloads,
// imports), every answer recorded and every acknowledged write kept for the invariant checks.
// Creating requests carry an Idempotency-Key and are retried with it until they are answered,
// as a careful client would after a dropped connection.
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { sleep } from '../bench/search-stack.mjs';

export const PASSWORD = 'Lumbung#2025';
const MB = 1024 * 1024;
const WORDS = [
  'pelayanan',
  'kepegawaian',
  'anggaran',
  'posyandu',
  'banjir',
  'pompa',
  'retribusi',
  'arsip',
  'pelatihan',
  'jalan',
];
const LESSON_SECTIONS = {
  rencana: 'Rencana kerja triwulan',
  yang_terjadi: 'Yang terjadi di lapangan',
  mengapa_berbeda: 'Mengapa berbeda dari rencana',
  lain_kali: 'Yang dilakukan lain kali',
};

/** How an answer counts in the table's "errors by kind". */
/** A stable private address for one client (a person's token or login name). */
export function clientAddress(who) {
  const h = createHash('sha256').update(who).digest();
  return `10.77.${h[0]}.${(h[1] % 254) + 1}`;
}

export function kindOf(status, error) {
  if (error) return error.name === 'TimeoutError' ? 'timeout' : 'network';
  if (status >= 200 && status < 300) return 'ok';
  return String(status);
}

/** One file in the multipart field `files`: the body's parts (the file's bytes not copied). */
export function multipartParts(buf, filename, type = 'text/plain') {
  const boundary = `drill${randomUUID().replace(/-/g, '')}`;
  const parts = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${filename}"\r\n` +
        `Content-Type: ${type}\r\n\r\n`,
    ),
    buf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ];
  return { parts, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A request whose body is `parts`, sent with node:http in 1 MB writes as the socket takes them;
 * resolves with a fetch-like answer ({ status, headers.get, text }), rejects as fetch would
 * (a TimeoutError after `timeoutMs`, the socket's error otherwise).
 */
function sendParts(url, method, headers, parts, timeoutMs) {
  const length = parts.reduce((n, p) => n + p.length, 0);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { ...headers, 'content-length': length } });
    const timer = setTimeout(() => {
      const e = new Error(`no answer in ${timeoutMs} ms`);
      e.name = 'TimeoutError';
      req.destroy(e);
    }, timeoutMs);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(Object.assign(e, { cause: { code: e.code } }));
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode,
          headers: { get: (name) => res.headers[name.toLowerCase()] ?? null },
          text: async () => text,
        });
      });
    });
    const chunks = parts.flatMap((p) =>
      Array.from({ length: Math.ceil(p.length / MB) }, (_, i) => p.subarray(i * MB, (i + 1) * MB)),
    );
    let next = 0;
    const write = () => {
      while (next < chunks.length) {
        if (!req.write(chunks[next++])) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

/** Text of about `bytes` bytes, unique (so its SHA-256 is too). */
export function textFile(bytes) {
  const head = `Berkas latihan ${randomUUID()}\n`;
  const line = `${WORDS.join(' ')} ${randomUUID()}\n`;
  const block = line.repeat(Math.ceil(65536 / line.length));
  const parts = [head];
  let size = head.length;
  while (size < bytes) {
    parts.push(block);
    size += block.length;
  }
  const buf = Buffer.from(parts.join('')).subarray(0, Math.max(bytes, head.length));
  return { buf, sha256: createHash('sha256').update(buf).digest('hex') };
}

/**
 * The client population and the record of what they were told. `target()` gives the API's
 * current base URL (it changes when a drill restarts the API).
 */
export class Workload {
  constructor({ target, users, copId, canary, uploadBytes, clients }) {
    this.target = target;
    this.users = users;
    this.copId = copId;
    this.canary = canary;
    this.uploadBytes = uploadBytes;
    this.clients = clients;
    this.requests = 0;
    this.kinds = {};
    this.latencies = [];
    this.leaks = [];
    this.acked = {
      assets: [],
      edits: new Map(),
      uploads: [],
      meetings: [],
      imports: [],
      published: [],
    };
    this.ackedWrites = 0;
    this.running = false;
    this.tokens = new Map();
    this.loginBlockedUntil = new Map();
    this.readable = [];
    this.files = [];
  }

  /** One HTTP call, recorded. Never throws: returns { status, body, error, ms }. */
  async call(
    method,
    path,
    { token, json, form, headers = {}, timeoutMs = 60_000, body, parts, expect = [] } = {},
  ) {
    const t0 = performance.now();
    const started = Date.now();
    let status = 0;
    let parsed;
    let error;
    let retryAfter;
    const sent = {
      // Each person comes from their own address (the API trusts one proxy hop), as in an
      // office network: the per-address limits count people, not the drill's one machine.
      'x-forwarded-for': clientAddress(token ?? json?.username ?? 'anonymous'),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(json ? { 'content-type': 'application/json' } : {}),
      ...headers,
    };
    try {
      // Large bodies go out as browsers and curl send them (node:http, Content-Length, written as
      // the socket takes them): undici's fetch, given 50 concurrent 49 MB bodies that the server
      // reads a few at a time, ended 42 of 50 in EPIPE where node:http got every answer (20
      // stored, 30 answered 503 UPLOADS_BUSY), measured 4 December 2026.
      const res = parts
        ? await sendParts(`${this.target()}${path}`, method, sent, parts, timeoutMs)
        : await fetch(`${this.target()}${path}`, {
            method,
            headers: sent,
            body: json ? JSON.stringify(json) : (form ?? body),
            ...(body && typeof body.getReader === 'function' ? { duplex: 'half' } : {}),
            signal: AbortSignal.timeout(timeoutMs),
          });
      status = res.status;
      retryAfter = Number(res.headers.get('retry-after')) || undefined;
      const text = await res.text();
      parsed = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    } catch (e) {
      error = e;
    }
    const ms = performance.now() - t0;
    this.requests += 1;
    // An expected refusal (the canary's 404) is the right answer, not an error.
    const kind = expect.includes(status) ? 'ok' : kindOf(status, error);
    this.kinds[kind] = (this.kinds[kind] ?? 0) + 1;
    this.latencies.push({
      started,
      ms,
      kind,
      path: `${method} ${path.split('?')[0]}`,
      // A refusal's code, or why no answer came (ECONNRESET, EPIPE, UND_ERR_SOCKET…).
      code: parsed?.code ?? error?.cause?.code ?? error?.code ?? error?.cause?.message,
    });
    return { status, body: parsed, error, ms, retryAfter };
  }

  async token(user) {
    const known = this.tokens.get(user);
    if (known) return known;
    // Refused for signing in too often: wait as told, as a person's browser would.
    const wait = (this.loginBlockedUntil.get(user) ?? 0) - Date.now();
    if (wait > 0) await sleep(wait);
    return this.login(user);
  }

  async login(user) {
    // While refused (429), a client does not try again before Retry-After: every attempt counts
    // against the per-address limit, so retrying at once would keep the person locked out.
    if ((this.loginBlockedUntil.get(user) ?? 0) > Date.now()) return this.tokens.get(user);
    const res = await this.call('POST', '/api/v1/auth/login', {
      json: { username: user, password: PASSWORD },
    });
    if (res.status === 429)
      this.loginBlockedUntil.set(user, Date.now() + (res.retryAfter ?? 10) * 1000);
    if (res.status !== 200) {
      this.lastLoginRefusal = { user, status: res.status, body: res.body, error: res.error };
      return undefined;
    }
    this.tokens.set(user, res.body.accessToken);
    return res.body.accessToken;
  }

  /**
   * Sends a creating request with one Idempotency-Key until it is answered (2xx or a refusal
   * that is final), as a client retrying after a timeout or a dropped connection would.
   */
  async idempotent(method, path, { user, make, deadlineMs = 120_000 }) {
    const key = randomUUID();
    const until = Date.now() + deadlineMs;
    let last;
    for (let attempt = 0; Date.now() < until; attempt++) {
      const token = await this.token(user);
      if (!token) {
        await sleep(500);
        continue;
      }
      // The request's own headers (a multipart boundary) join the key; they used to replace it,
      // so uploads were retried without their Idempotency-Key.
      const made = make();
      const res = await this.call(method, path, {
        token,
        ...made,
        headers: { ...made.headers, 'Idempotency-Key': key },
      });
      if (res.status >= 200 && res.status < 300) return { ...res, key, attempts: attempt + 1 };
      if (res.status === 401) this.tokens.delete(user);
      // Retryable: no answer, the server or database away, the key still held by a dead attempt.
      const retry =
        !res.status ||
        res.status >= 500 ||
        res.status === 401 ||
        res.status === 429 ||
        res.body?.code === 'IDEMPOTENCY_IN_PROGRESS';
      if (!retry) return { ...res, key, attempts: attempt + 1 };
      last = {
        status: res.status,
        code: res.body?.code ?? res.error?.cause?.code ?? res.error?.code,
      };
      // As told by Retry-After (a busy line of uploads, a held key), else a short backoff.
      await sleep(Math.max((res.retryAfter ?? 0) * 1000, Math.min(2000, 200 * 2 ** attempt)));
    }
    // `last` tells a clean refusal repeated until the deadline (503 with a code) from a
    // connection the server dropped (status 0).
    return { status: 0, key, gaveUp: true, last, lastLoginRefusal: this.lastLoginRefusal };
  }

  ack(n = 1) {
    this.ackedWrites += n;
  }

  async searchAsYouType(user) {
    const token = await this.token(user);
    const word = WORDS[Math.floor(Math.random() * WORDS.length)];
    for (let n = 3; n <= Math.min(word.length, 6); n++) {
      await this.call('GET', `/api/v1/search?q=${encodeURIComponent(word.slice(0, n))}`, {
        token,
        timeoutMs: 20_000,
      });
    }
  }

  /** The canary: a BPSDM-only asset that a DINKES reader must never see, by id or in search. */
  async canaryCheck() {
    const token = await this.token('asn.dinkes@lumbung.test');
    if (!token) return;
    const byId = await this.call('GET', `/api/v1/assets/${this.canary.id}`, {
      token,
      expect: [404],
    });
    if (byId.status === 200) this.leaks.push({ via: 'GET', status: byId.status });
    const found = await this.call(
      'GET',
      `/api/v1/search?q=${encodeURIComponent(this.canary.word)}`,
      { token },
    );
    if (found.status === 200 && JSON.stringify(found.body).includes(this.canary.id))
      this.leaks.push({ via: 'search' });
  }

  /** Draft → edit → upload → submit → approve, each acknowledgement recorded. */
  async assetLifecycle(author, verifier) {
    const title = `Latihan ${randomUUID().slice(0, 8)}`;
    const created = await this.idempotent('POST', '/api/v1/assets', {
      user: author,
      make: () => ({
        json: { type: 'pelajaran', title, summary: 'Ringkasan latihan', sections: LESSON_SECTIONS },
      }),
    });
    if (created.status !== 201) return;
    const id = created.body.id;
    this.acked.assets.push({ id, title, key: created.key });
    this.ack();
    await this.edit(author, id);
    const { ids: files } = await this.upload(author, id, this.uploadBytes());
    const token = await this.token(author);
    const submitted = await this.call('POST', `/api/v1/assets/${id}/submit`, { token, json: {} });
    if (submitted.status !== 200) return;
    this.ack();
    const approved = await this.call('POST', `/api/v1/assets/${id}/approve`, {
      token: await this.token(verifier),
      json: {},
    });
    if (approved.status === 200) {
      this.acked.published.push(id);
      this.readable.push(id);
      // Files of a published asset are readable by every reader; a draft's are not.
      this.files.push(...files);
      this.ack();
    }
  }

  /** An edit: its value is acknowledged, or at least attempted (it may have committed). */
  async edit(author, id) {
    const summary = `Ringkasan diubah ${randomUUID().slice(0, 8)}`;
    const entry = this.acked.edits.get(id) ?? { acked: undefined, attempted: [] };
    this.acked.edits.set(id, entry);
    entry.attempted.push(summary);
    const res = await this.call('PATCH', `/api/v1/assets/${id}`, {
      token: await this.token(author),
      json: { summary },
    });
    if (res.status === 200) {
      entry.acked = summary;
      entry.attempted = [];
      this.ack();
    }
  }

  async upload(author, assetId, bytes, { deadlineMs } = {}) {
    const file = textFile(bytes);
    const res = await this.idempotent('POST', `/api/v1/assets/${assetId}/attachments`, {
      user: author,
      // A plain multipart body with its Content-Length, sent as browsers and curl send it (see
      // sendParts: undici's fetch lost most of a burst of large uploads to EPIPE).
      make: () => ({ ...multipartParts(file.buf, 'latihan.txt'), timeoutMs: 300_000 }),
      deadlineMs,
    });
    if (res.status !== 201) {
      // Answered with a refusal (a status and, for the API's own answers, a code), or never
      // answered at all (status 0: every attempt's connection dropped).
      const answer = res.gaveUp ? res.last : { status: res.status, code: res.body?.code };
      return { ids: [], outcome: answer?.status ? 'refused' : 'dropped', answer };
    }
    const ids = res.body.map((a) => a.id);
    this.acked.uploads.push({ assetId, sha256: file.sha256, size: file.buf.length, ids });
    this.ack();
    return { ids, outcome: 'stored', attempts: res.attempts };
  }

  async meeting(lead) {
    const topic = `Pertemuan latihan ${randomUUID().slice(0, 8)}`;
    const heldAt = new Date(Date.now() - 86_400_000).toISOString();
    const res = await this.idempotent('POST', `/api/v1/cops/${this.copId}/meetings`, {
      user: lead,
      make: () => ({ json: { heldAt, mode: 'daring', topic, durationMinutes: 60 } }),
    });
    if (res.status !== 201) return;
    this.acked.meetings.push({ id: res.body.id, topic });
    this.ack();
  }

  async import(admin, lines = 3) {
    const externalIds = Array.from({ length: lines }, () => `latihan-${randomUUID()}`);
    const text = externalIds
      .map((externalId, i) =>
        JSON.stringify({
          externalId,
          type: 'dokumen',
          title: `Dokumen impor ${externalId.slice(8, 16)} ${i}`,
          opdCode: 'BPSDM',
          visibility: 'internal',
        }),
      )
      .join('\n');
    const res = await this.idempotent('POST', '/api/v1/assets/import', {
      user: admin,
      make: () => {
        const form = new FormData();
        form.append('file', new Blob([text], { type: 'application/x-ndjson' }), 'latihan.jsonl');
        return { form };
      },
    });
    if (res.status !== 200) return;
    this.acked.imports.push({ externalIds });
    this.readable.push(...res.body.lines.map((l) => l.assetId).filter(Boolean));
    this.ack();
  }

  async readSome(reader) {
    const token = await this.token(reader);
    const id = this.readable[Math.floor(Math.random() * this.readable.length)];
    if (id) await this.call('GET', `/api/v1/assets/${id}`, { token });
    const file = this.files[Math.floor(Math.random() * this.files.length)];
    if (file) await this.call('GET', `/api/v1/attachments/${file}`, { token, timeoutMs: 120_000 });
  }

  /** One client's loop: a different mix per client, until stopped or `rounds` are done. */
  async client(n, rounds) {
    const u = this.users;
    for (let round = 0; this.running && round < rounds; round++) {
      switch ((n + round) % 6) {
        case 0:
          await this.assetLifecycle(u.author, u.verifier);
          break;
        case 1:
          await this.searchAsYouType(u.reader);
          await this.canaryCheck();
          break;
        case 2:
          await this.meeting(u.lead);
          break;
        case 3:
          await this.import(u.admin);
          break;
        case 4:
          await this.readSome(u.reader);
          await this.login(u.reader);
          break;
        default:
          await this.searchAsYouType(u.author);
          await this.readSome(u.author);
      }
    }
  }

  start(rounds = Infinity) {
    this.running = true;
    this.loops = Array.from({ length: this.clients }, (_, i) => this.client(i, rounds));
  }

  async stop() {
    this.running = false;
    await Promise.all(this.loops ?? []);
  }
}
