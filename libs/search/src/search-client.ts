import http from 'node:http';
import https from 'node:https';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Meilisearch, type MultiSearchResponse, type SearchResponse } from 'meilisearch';
import { APP_CONFIG } from '@lumbung/platform';
import type { AppConfig } from '@lumbung/platform';

const TIMEOUT_MS = 5000;

/** A search request that failed on the wire or answered non-2xx (the caller falls back). */
export class MeilisearchHttpError extends Error {
  override readonly name = 'MeilisearchHttpError';
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The Meilisearch client, configured once from AppConfig. */
@Injectable()
export class SearchClient implements OnModuleDestroy {
  readonly client: Meilisearch;
  private readonly host: URL;
  private readonly agent: http.Agent;

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {
    this.client = new Meilisearch({
      host: config.search.host,
      apiKey: config.search.apiKey || undefined,
      timeout: TIMEOUT_MS,
      // Compressed responses arrive chunked and wait for a delayed ACK on kept-alive connections:
      // +45 ms per search measured here (shared/docs/performance.md §5.3). Ask for identity.
      requestInit: { headers: { 'Accept-Encoding': 'identity' } },
    });
    this.host = new URL(config.search.host);
    const Agent = this.host.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true, maxSockets: 64 });
  }

  onModuleDestroy(): void {
    this.agent.destroy();
  }

  /**
   * One search, for the per-request path. Sent with node:http on a kept-alive agent rather than
   * through the client's fetch: undici's fetch and its web streams cost about as much CPU as the
   * rest of an API search request (test/bench/search-speed). Same wire format, same identity
   * encoding; any failure is a {@link MeilisearchHttpError}.
   */
  search<T extends Record<string, unknown>>(
    uid: string,
    body: Record<string, unknown>,
  ): Promise<SearchResponse<T>> {
    return this.post(`/indexes/${encodeURIComponent(uid)}/search`, body);
  }

  multiSearch(body: { queries: Record<string, unknown>[] }): Promise<MultiSearchResponse> {
    return this.post('/multi-search', body);
  }

  private post<T>(path: string, body: unknown): Promise<T> {
    const payload = JSON.stringify(body);
    const url = new URL(path, this.host);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<T>((resolve, reject) => {
      const req = transport.request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          timeout: TIMEOUT_MS,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            'accept-encoding': 'identity',
            ...(this.config.search.apiKey
              ? { authorization: `Bearer ${this.config.search.apiKey}` }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) => reject(new MeilisearchHttpError(e.message)));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            let parsed: unknown;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              return reject(new MeilisearchHttpError(`unparsable response (${status})`, status));
            }
            if (status >= 200 && status < 300) return resolve(parsed as T);
            const err = (parsed ?? {}) as { message?: string; code?: string };
            reject(new MeilisearchHttpError(err.message ?? `HTTP ${status}`, status, err.code));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timed out after ${TIMEOUT_MS} ms`)));
      req.on('error', (e) => reject(new MeilisearchHttpError(e.message)));
      req.end(payload);
    });
  }

  /** Index uid with the configured prefix (tests and deployments can share one server). */
  indexUid(name: string): string {
    return `${this.config.search.indexPrefix}_${name}`;
  }

  /** True when Meilisearch answers its health route in time. */
  async isHealthy(timeoutMs = 2000): Promise<boolean> {
    try {
      const res = await fetch(new URL('/health', this.config.search.host), {
        signal: AbortSignal.timeout(timeoutMs),
      });
      return res.ok;
    } catch {
      return false;
    }
  }
}
