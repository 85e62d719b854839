import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { applyServerTimeouts } from './server-timeouts';

const HTTP = {
  host: '127.0.0.1',
  port: 0,
  corsOrigins: [],
  trustProxyHops: 0,
  bodyLimitBytes: 1024,
  rateLimitPerMinute: 600,
  rateLimitStore: 'memory' as const,
  headersTimeoutMs: 1000,
  requestTimeoutMs: 2000,
  keepAliveTimeoutMs: 500,
};

/** Opens a raw socket, writes `first`, and resolves with what the server answered before closing. */
function slowClient(server: Server, first: string): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(first));
    // One more byte now and then, like a slowloris client, so the socket is never idle.
    const drip = setInterval(() => socket.write('a'), 200);
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('close', () => {
      clearInterval(drip);
      resolve(answer);
    });
  });
}

describe('applyServerTimeouts', () => {
  let server: Server;

  beforeEach(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    applyServerTimeouts(server, HTTP);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sets the configured timeouts on the server', () => {
    expect(server.headersTimeout).toBe(1000);
    expect(server.requestTimeout).toBe(2000);
    expect(server.keepAliveTimeout).toBe(500);
  });

  it('answers 408 and closes a client that trickles its headers', async () => {
    const answer = await slowClient(server, 'GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers 408 and closes a client that trickles its body', async () => {
    const answer = await slowClient(
      server,
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});
