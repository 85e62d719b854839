import { createServer, type Server } from 'node:net';

/** The EICAR test string every antivirus engine detects. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/**
 * A stand-in for clamd speaking its INSTREAM protocol (no ClamAV engine or signature database can
 * be installed offline): it reassembles the length-prefixed chunks and reports EICAR as infected.
 */
export async function startFakeClamd(
  port = 0,
): Promise<{ port: number; scans: () => number; close: () => Promise<void> }> {
  let scans = 0;
  const server: Server = createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let started = false;
    const chunks: Buffer[] = [];
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (!started) {
        const command = Buffer.from('zINSTREAM\0');
        if (buffer.length < command.length) return;
        if (!buffer.subarray(0, command.length).equals(command)) {
          socket.end('UNKNOWN COMMAND\0');
          return;
        }
        started = true;
        buffer = buffer.subarray(command.length);
      }
      while (buffer.length >= 4) {
        const size = buffer.readUInt32BE(0);
        if (size === 0) {
          scans += 1;
          const infected = Buffer.concat(chunks).includes(EICAR);
          socket.end(infected ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (buffer.length < 4 + size) return;
        chunks.push(buffer.subarray(4, 4 + size));
        buffer = buffer.subarray(4 + size);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    scans: () => scans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
