import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SuggestQueryDto {
  @ApiProperty({ minLength: 1, maxLength: 100, description: 'What the person has typed so far' })
  @IsString()
  @Length(1, 100)
  q: string;
}

export const SUGGESTION_KINDS = ['asset', 'tag', 'person', 'cop'] as const;

export class SuggestionItemDto {
  @ApiProperty({ enum: SUGGESTION_KINDS }) kind: (typeof SUGGESTION_KINDS)[number];
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Asset, person or CoP id (tags have none: the label is the tag)',
  })
  id?: string;
  @ApiProperty({ description: 'Title, tag, name: plain text' }) label: string;
}

export class SuggestResponseDto {
  @ApiProperty({
    type: [SuggestionItemDto],
    description:
      'Assets and tags the caller may read; people and CoPs for signed-in users (CoPs with cop:read)',
  })
  items: SuggestionItemDto[];
}
