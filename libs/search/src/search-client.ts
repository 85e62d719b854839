import { Inject, Injectable } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { APP_CONFIG } from '@lumbung/platform';
import type { AppConfig } from '@lumbung/platform';

/** The Meilisearch client, configured once from AppConfig. */
@Injectable()
export class SearchClient {
  readonly client: Meilisearch;

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {
    this.client = new Meilisearch({
      host: config.search.host,
      apiKey: config.search.apiKey || undefined,
      timeout: 5000,
      // Compressed responses arrive chunked and wait for a delayed ACK on kept-alive connections:
      // +45 ms per search measured here (shared/docs/performance.md §5.3). Ask for identity.
      requestInit: { headers: { 'Accept-Encoding': 'identity' } },
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
