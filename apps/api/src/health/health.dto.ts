import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'] })
  status: 'ok' | 'degraded' | 'down';

  @ApiProperty({ enum: ['up', 'down'] })
  database: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'], description: 'Search down degrades, it does not fail' })
  search: 'up' | 'down';

  @ApiProperty()
  checkedAt: string;

  @ApiPropertyOptional({
    description:
      'Last PostgreSQL ↔ Meilisearch comparison (ids and version stamps) and what it repaired',
    nullable: true,
  })
  searchIndex: Record<string, unknown> | null;
}
