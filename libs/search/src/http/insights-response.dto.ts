import { ApiProperty } from '@nestjs/swagger';

export class QueryStatDto {
  @ApiProperty({ description: 'Normalised query' }) query: string;
  @ApiProperty() searches: number;
  @ApiProperty({ description: 'Distinct callers (anonymous ones by daily pseudonym)' })
  users: number;
}

export class SearchInsightsDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) to: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: every OPD' })
  opdCode: string | null;
  @ApiProperty() searches: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Share of searches with a click' })
  clickThroughRate: number;
  @ApiProperty({ type: [QueryStatDto], description: 'The 20 most frequent' })
  topQueries: QueryStatDto[];
  @ApiProperty({
    type: [QueryStatDto],
    description: 'The 20 most frequent with no result: the gaps CoPs can close',
  })
  zeroResultQueries: QueryStatDto[];
}
