import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HighlightDto {
  @ApiProperty({ enum: ['title', 'summary', 'text'] }) field: string;
  @ApiProperty({ description: 'Plain text, never HTML; render as text' }) text: string;
  @ApiProperty({
    description: '[start, end) offsets of matched words in text',
    type: 'array',
    items: { type: 'array', items: { type: 'integer' } },
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
  @ApiProperty() type: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty() opdCode: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiPropertyOptional({ nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: [HighlightDto] }) highlights: HighlightDto[];
}

export class SearchResponseDto {
  @ApiProperty({ enum: ['meilisearch', 'postgres'] }) engine: 'meilisearch' | 'postgres';
  @ApiProperty() query: string;
  @ApiProperty({ description: 'Matches the caller may read' }) total: number;
  @ApiProperty({
    description: 'True when total is Meilisearch’s estimate (capped at 1000), not an exact count',
  })
  totalIsEstimate: boolean;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty({ format: 'uuid', description: 'Report clicks against this id' }) searchId: string;
  @ApiProperty({ type: [SearchHitDto] }) hits: SearchHitDto[];
  @ApiProperty({
    description: 'Counts per value, only over what the caller may read',
    example: { type: { praktik_baik: 3 }, opdCode: { BPSDM: 2 }, tags: { sdm: 1 } },
  })
  facets: {
    type: Record<string, number>;
    opdCode: Record<string, number>;
    tags: Record<string, number>;
  };
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
