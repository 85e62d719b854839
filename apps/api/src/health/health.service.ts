import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BlobStorage, readAppMeta } from '@lumbung/platform';
import { SearchClient } from '@lumbung/search';
import type { HealthDto, SearchDriftDto } from './health.dto';

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly search: SearchClient,
    private readonly storage: BlobStorage,
  ) {}

  async check(): Promise<HealthDto> {
    // While the breaker is open search is down by definition (its probe is asking the engine);
    // asking a hung engine here too would make every health check wait for it.
    const searchBreaker = this.search.breakerState;
    const [database, search, storage] = await Promise.all([
      withTimeout(this.ds.query('SELECT 1'), 2000).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      searchBreaker === 'closed'
        ? this.search.isHealthy().then((ok) => (ok ? ('up' as const) : ('down' as const)))
        : ('down' as const),
      withTimeout(this.storage.check(), 2000).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
    ]);
    const status =
      database === 'down' ? 'down' : search === 'down' || storage === 'down' ? 'degraded' : 'ok';
    const drift =
      database === 'up'
        ? await readAppMeta<Omit<SearchDriftDto, 'pending'> & { pending?: number }>(
            this.ds,
            'search_drift',
          ).then(
            // Reports written before `pending` existed had none queued that they knew of.
            (value) => (value ? { ...value, pending: value.pending ?? 0 } : null),
            () => null,
          )
        : null;
    return {
      status,
      database,
      search,
      storage,
      searchBreaker,
      checkedAt: new Date().toISOString(),
      searchIndex: drift,
    };
  }
}
