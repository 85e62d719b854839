import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSET_TYPES } from '@lumbung/knowledge';

export class HighlightDto {
  @ApiProperty({ enum: ['title', 'summary', 'text'] }) field: string;
  @ApiProperty({ description: 'Plain text, never HTML; render as text' }) text: string;
  @ApiProperty({
    description: '[start, end) offsets of matched words in text',
    type: 'array',
    items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
  })
  marks: [number, number][];
}

export class SearchHitDto {
  @ApiProperty({ format: 'uuid', description: 'Asset id, or meeting id when kind is meeting' })
  id: string;
  @ApiProperty({
    enum: ['asset', 'meeting'],
    description: 'Meeting minutes are their own hit kind',
  })
  kind: 'asset' | 'meeting';
  @ApiProperty({ enum: [...ASSET_TYPES, 'meeting'], description: 'Asset type, or meeting' })
  type: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty() opdCode: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: [HighlightDto] }) highlights: HighlightDto[];
}

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export class SearchFacetsDto {
  @ApiProperty({ ...COUNTS, example: { praktik_baik: 3 } }) type: Record<string, number>;
  @ApiProperty({ ...COUNTS, example: { BPSDM: 2 } }) opdCode: Record<string, number>;
  @ApiProperty({ ...COUNTS, example: { sdm: 1 }, description: 'The 100 most frequent' })
  tags: Record<string, number>;
}

/** Help when a search finds little: every word offered occurs in something the caller may read. */
export class SearchSuggestionsDto {
  @ApiPropertyOptional({
    description:
      'The query with misspelt words replaced by the nearest words of the index ("Mungkin maksud Anda …")',
  })
  correctedQuery?: string;
  @ApiPropertyOptional({
    description: 'Synonym sets with a member among the query’s words (try another member)',
    type: 'array',
    items: { type: 'array', items: { type: 'string' } },
  })
  synonyms?: string[][];
  @ApiPropertyOptional({
    type: [String],
    description: 'Popular queries of the caller’s OPD that found something',
  })
  popular?: string[];
}

export class SearchResponseDto {
  @ApiProperty({
    enum: ['meilisearch', 'postgres'],
    description: 'postgres: the fallback answered (Meilisearch unreachable or failing)',
  })
  engine: 'meilisearch' | 'postgres';
  @ApiProperty() query: string;
  @ApiProperty({
    description:
      'Results the caller may read: the same set that facets count and pages slice (a question’s ' +
      'results are its ranked candidate pool)',
  })
  total: number;
  @ApiProperty({
    description:
      'True when total is not an exact count: Meilisearch counts exactly up to 1000 matches and ' +
      'says 1000 beyond that',
  })
  totalIsEstimate: boolean;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty({ format: 'uuid', description: 'Report clicks against this id' }) searchId: string;
  @ApiProperty({ type: [SearchHitDto] }) hits: SearchHitDto[];
  @ApiProperty({
    type: SearchFacetsDto,
    description: 'Counts per value, only over what the caller may read',
  })
  facets: SearchFacetsDto;
  @ApiPropertyOptional({
    type: SearchSuggestionsDto,
    description: 'Present when the search finds fewer than 3 results',
  })
  suggestions?: SearchSuggestionsDto;
}

export class PersonHitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() opdCode: string;
  @ApiProperty() jabatan: string;
  @ApiProperty({
    description: 'Published assets (readable by the caller) they authored on the topic',
  })
  authoredAssets: number;
  @ApiProperty({
    description: 'Knowledge interviews (readable by the caller) they gave on the topic',
  })
  interviewsGiven: number;
  @ApiProperty({ type: [String], description: 'Most frequent tags of those assets' })
  topTags: string[];
}
