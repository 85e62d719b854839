import { createReadStream } from 'node:fs';
import { connect } from 'node:net';

export type ScanVerdict =
  | { result: 'clean' }
  | { result: 'infected'; signature: string }
  | { result: 'error'; reason: string };

/**
 * Scans a file with clamd's INSTREAM command: `zINSTREAM\0`, then chunks prefixed by a 4-byte
 * big-endian length, then a zero-length chunk. Any failure (down, timeout, size limit) is an
 * `error` verdict, never an exception: the caller keeps the file pending and retries.
 */
export function scanWithClamd(
  path: string,
  options: { host: string; port: number; timeoutMs: number },
): Promise<ScanVerdict> {
  return new Promise((resolve) => {
    let settled = false;
    let reply = '';
    const finish = (verdict: ScanVerdict): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      file.destroy();
      resolve(verdict);
    };
    const socket = connect({ host: options.host, port: options.port });
    const file = createReadStream(path, { highWaterMark: 64 * 1024 });
    socket.setTimeout(options.timeoutMs, () => finish({ result: 'error', reason: 'timeout' }));
    socket.on('error', (e) => finish({ result: 'error', reason: e.message }));
    file.on('error', (e) => finish({ result: 'error', reason: e.message }));
    socket.on('data', (d: Buffer) => {
      reply += d.toString('utf8');
      if (reply.includes('\0') || reply.includes('\n')) parse();
    });
    socket.on('end', parse);
    function parse(): void {
      const line = reply.replace(/[\0\n]+$/g, '').trim();
      const found = /^stream: (.+) FOUND$/.exec(line);
      if (found) return finish({ result: 'infected', signature: found[1] });
      if (line === 'stream: OK') return finish({ result: 'clean' });
      finish({ result: 'error', reason: line || 'no_reply' });
    }
    socket.once('connect', () => {
      socket.write('zINSTREAM\0');
      file.on('data', (chunk: Buffer | string) => {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        const len = Buffer.alloc(4);
        len.writeUInt32BE(buf.length);
        if (!socket.write(Buffer.concat([len, buf]))) {
          file.pause();
          socket.once('drain', () => file.resume());
        }
      });
      file.on('end', () => socket.write(Buffer.alloc(4)));
    });
  });
}
