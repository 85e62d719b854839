import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'] })
  status: 'ok' | 'degraded' | 'down';

  @ApiProperty({ enum: ['up', 'down'] })
  database: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'], description: 'Search down degrades, it does not fail' })
  search: 'up' | 'down';

  @ApiProperty({
    enum: ['closed', 'open', 'half_open'],
    description:
      'Circuit breaker of the search path: open or half_open means searches are answered from ' +
      'PostgreSQL without asking Meilisearch (and search is down)',
  })
  searchBreaker: 'closed' | 'open' | 'half_open';

  @ApiProperty()
  checkedAt: string;

  @ApiPropertyOptional({
    description:
      'Last PostgreSQL ↔ Meilisearch comparison (ids and version stamps) and what it repaired',
    nullable: true,
  })
  searchIndex: Record<string, unknown> | null;
}
