import http from 'node:http';
import https from 'node:https';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Meilisearch, type MultiSearchResponse, type SearchResponse } from 'meilisearch';
import { APP_CONFIG } from '@lumbung/platform';
import type { AppConfig } from '@lumbung/platform';
import { type BreakerState, CircuitBreaker } from './circuit-breaker';

/** Timeout of the client library's requests (indexing, settings, tasks: never user-facing). */
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

/** The circuit breaker is open: the search was not sent (the caller falls back at once). */
export class SearchCircuitOpenError extends MeilisearchHttpError {
  constructor() {
    super('Meilisearch circuit open: not asked');
  }
}

/**
 * The Meilisearch client, configured once from AppConfig. The per-request search path
 * ({@link search}, {@link multiSearch}) has its own timeout and a circuit breaker: after
 * SEARCH_BREAKER_FAILURES consecutive failures or timeouts, searches are refused at once (the
 * caller answers from PostgreSQL) until a background probe finds the engine answering again.
 * Writes and indexing go through {@link client} and never meet the breaker.
 */
@Injectable()
export class SearchClient implements OnModuleDestroy {
  readonly client: Meilisearch;
  private readonly logger = new Logger('SearchClient');
  private readonly host: URL;
  private readonly agent: http.Agent;
  private readonly breaker: CircuitBreaker;
  /** Searches waiting on the engine, released at once when the breaker opens. */
  private readonly inFlight = new Set<http.ClientRequest>();

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {
    this.client = new Meilisearch({
      host: config.search.host,
      apiKey: config.search.apiKey || undefined,
      timeout: TIMEOUT_MS,
      // Compressed responses arrive chunked and wait for a delayed ACK on kept-alive connections:
      // +45 ms per search measured here (the gzip guard in test/bench/search-speed.bench.mjs).
      // Ask for identity.
      requestInit: { headers: { 'Accept-Encoding': 'identity' } },
    });
    this.host = new URL(config.search.host);
    const Agent = this.host.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true, maxSockets: 64 });
    this.breaker = new CircuitBreaker({
      ...config.search.breaker,
      probe: () => this.send('GET', '/health'),
      onChange: (state, previous) => this.breakerChanged(state, previous),
    });
  }

  onModuleDestroy(): void {
    this.breaker.dispose();
    this.agent.destroy();
  }

  /** closed (searches go to Meilisearch), open or half_open (they go to PostgreSQL). */
  get breakerState(): BreakerState {
    return this.breaker.state;
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
    return this.guarded(`/indexes/${encodeURIComponent(uid)}/search`, body);
  }

  multiSearch(body: { queries: Record<string, unknown>[] }): Promise<MultiSearchResponse> {
    return this.guarded('/multi-search', body);
  }

  /** Values of one facet that start like `facetQuery`, among the documents `filter` lets through. */
  facetSearch(
    uid: string,
    body: { facetName: string; facetQuery: string; filter?: string[]; q?: string },
  ): Promise<{ facetHits: { value: string; count: number }[] }> {
    return this.guarded(`/indexes/${encodeURIComponent(uid)}/facet-search`, body);
  }

  /**
   * A search through the breaker. Failures that say the engine is unreachable, hung or broken
   * (no answer, timeout, 5xx) count; a 4xx is an answer from a live engine and does not, so no
   * request a caller can shape opens the circuit.
   */
  private async guarded<T>(path: string, body: unknown): Promise<T> {
    if (!this.breaker.allows) throw new SearchCircuitOpenError();
    try {
      const result = await this.send<T>('POST', path, body);
      this.breaker.success();
      return result;
    } catch (error) {
      const status = error instanceof MeilisearchHttpError ? error.status : undefined;
      if (status !== undefined && status < 500) this.breaker.success();
      else this.breaker.failure();
      throw error;
    }
  }

  private breakerChanged(state: BreakerState, previous: BreakerState): void {
    if (state === 'open') {
      // Whoever still waits on the engine would only wait for the same timeout: let them go.
      for (const req of this.inFlight) req.destroy(new SearchCircuitOpenError());
      if (previous === 'closed') {
        this.logger.warn(
          { failures: this.config.search.breaker.failures },
          'Meilisearch is failing: searches go to PostgreSQL until it answers again',
        );
      }
    } else if (state === 'closed') {
      this.logger.log('Meilisearch answers again: searches go to Meilisearch');
    }
  }

  private send<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const url = new URL(path, this.host);
    const transport = url.protocol === 'https:' ? https : http;
    const timeoutMs = this.config.search.timeoutMs;
    return new Promise<T>((resolve, reject) => {
      const req = transport.request(
        url,
        {
          method,
          agent: this.agent,
          timeout: timeoutMs,
          headers: {
            ...(payload === undefined
              ? {}
              : {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                }),
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
      this.inFlight.add(req);
      req.once('close', () => this.inFlight.delete(req));
      req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
      req.on('error', (e) =>
        reject(e instanceof MeilisearchHttpError ? e : new MeilisearchHttpError(e.message)),
      );
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
