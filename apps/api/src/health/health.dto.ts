import { ApiProperty } from '@nestjs/swagger';

/** The last PostgreSQL ↔ Meilisearch comparison the worker made (ids and version stamps). */
export class SearchDriftDto {
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
  @ApiProperty({ description: 'Documents in the index' }) indexed: number;
  @ApiProperty({ description: 'Assets PostgreSQL says are searchable' }) searchable: number;
  @ApiProperty({ description: 'Searchable assets not in the index, with no sync queued (drift)' })
  missing: number;
  @ApiProperty({ description: 'Indexed with an older version, no sync queued (drift)' })
  stale: number;
  @ApiProperty({ description: 'In the index but no longer searchable, no sync queued (drift)' })
  extra: number;
  @ApiProperty({
    description: 'Assets whose sync was queued or running: indexing in progress, not drift',
  })
  pending: number;
  @ApiProperty({ description: 'Repairs queued' }) repaired: number;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'] })
  status: 'ok' | 'degraded' | 'down';

  @ApiProperty({ enum: ['up', 'down'] })
  database: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'], description: 'Search down degrades, it does not fail' })
  search: 'up' | 'down';

  @ApiProperty({
    enum: ['up', 'down'],
    description:
      'Where files live (STORAGE: the disk or the S3 bucket); down degrades: uploads and ' +
      'downloads fail, the rest works',
  })
  storage: 'up' | 'down';

  @ApiProperty({
    enum: ['closed', 'open', 'half_open'],
    description:
      'Circuit breaker of the search path: open or half_open means searches are answered from ' +
      'PostgreSQL without asking Meilisearch (and search is down)',
  })
  searchBreaker: 'closed' | 'open' | 'half_open';

  @ApiProperty({ format: 'date-time' })
  checkedAt: string;

  @ApiProperty({
    type: SearchDriftDto,
    nullable: true,
    description: 'Last drift check and what it repaired (null before the first, or database down)',
  })
  searchIndex: SearchDriftDto | null;
}
