import type { Server } from 'node:http';
import type { AppConfig } from '../config/app-config';

/**
 * Drops slow clients (slowloris: headers or bodies trickled a byte at a time) so they cannot hold
 * sockets and memory: headers must arrive within headersTimeoutMs, the whole request within
 * requestTimeoutMs (answered 408 by Node), and an idle keep-alive socket closes after
 * keepAliveTimeoutMs. Must run before listen: Node reads the checking interval when it starts
 * listening, and its 30 s default would let a slow client outstay its timeout by that much.
 */
export function applyServerTimeouts(server: Server, http: AppConfig['http']): void {
  server.headersTimeout = http.headersTimeoutMs;
  server.requestTimeout = http.requestTimeoutMs;
  server.keepAliveTimeout = http.keepAliveTimeoutMs;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    Math.min(1000, http.headersTimeoutMs);
}
