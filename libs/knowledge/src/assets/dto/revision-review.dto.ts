import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQueryDto, UpperCase } from '@lumbung/platform';
import { LocalizedTextDto, PersonRefDto } from './asset-response.dto';

export class FieldChangeDto {
  @ApiProperty({
    enum: ['title', 'summary', 'body', 'tags', 'visibility', 'seciMode', 'narasumberId', 'copId'],
  })
  field: string;
  @ApiProperty({ type: String, nullable: true, description: 'Tags joined by ", "' })
  before: string | null;
  @ApiProperty({ type: String, nullable: true }) after: string | null;
}

export class SectionChangeDto {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextDto }) label: LocalizedTextDto;
  @ApiProperty({ enum: ['added', 'removed', 'changed', 'unchanged'] }) change: string;
  @ApiProperty({ type: String, nullable: true }) before: string | null;
  @ApiProperty({ type: String, nullable: true }) after: string | null;
}

export class RevisionDiffDto {
  @ApiProperty() n: number;
  @ApiProperty({ enum: ['published', 'pending', 'rejected'] }) status: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The published revision compared with: the current one for a pending revision, else the one it was written against (null: compared with nothing)',
  })
  against: number | null;
  @ApiProperty({ type: [FieldChangeDto], description: 'Only the fields that differ' })
  fields: FieldChangeDto[];
  @ApiProperty({
    type: [SectionChangeDto],
    description: 'Every text section of the type’s template, in template order',
  })
  sections: SectionChangeDto[];
}

export class PendingRevisionDto {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty() n: number;
  @ApiProperty({ type: Number, nullable: true }) basedOn: number | null;
  @ApiProperty({ description: 'The proposed title' }) title: string;
  @ApiProperty({ description: 'The published title readers see' }) assetTitle: string;
  @ApiProperty() type: string;
  @ApiProperty() opdCode: string;
  @ApiProperty({ type: PersonRefDto }) createdBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'False when the caller is an author of the asset (self-review)' })
  canReview: boolean;
}

export class PendingRevisionPageDto {
  @ApiProperty({ type: [PendingRevisionDto] }) items: PendingRevisionDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}

export class PendingRevisionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only this OPD (one the caller verifies; any other gives an empty page)',
    pattern: '^[A-Za-z][A-Za-z0-9]{1,15}$',
  })
  @IsOptional()
  @UpperCase()
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/)
  opd?: string;
}
