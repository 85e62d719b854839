import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSET_STATUSES, ASSET_TYPES, SECI_MODES, VISIBILITIES } from '../asset-types';

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() opdCode: string;
}

export class TransitionDto {
  @ApiProperty({ enum: ['create', 'submit', 'approve', 'reject', 'archive', 'reverify', 'import'] })
  action: string;
  @ApiPropertyOptional({ enum: ASSET_STATUSES, nullable: true }) from: string | null;
  @ApiProperty({ enum: ASSET_STATUSES }) to: string;
  @ApiProperty({ type: PersonRefDto }) actor: PersonRefDto;
  @ApiPropertyOptional({ nullable: true }) comment: string | null;
  @ApiProperty() at: string;
}

export class AttachmentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Sanitised display name' }) name: string;
  @ApiProperty() mime: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ enum: ['pending', 'extracted', 'unreadable', 'not_applicable'] })
  textStatus: string;
  @ApiProperty({ enum: ['not_scanned', 'clean', 'pending_scan'] }) scanStatus: string;
  @ApiProperty() createdAt: string;
}

export class AssetSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ASSET_TYPES }) type: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() opdCode: string;
  @ApiProperty({ enum: VISIBILITIES }) visibility: string;
  @ApiProperty({ enum: ASSET_STATUSES }) status: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) completeness: number;
  @ApiProperty({ description: 'Past reviewDueAt: still readable, flagged for review' })
  needsReview: boolean;
  @ApiPropertyOptional({ nullable: true }) publishedAt: string | null;
  @ApiProperty() updatedAt: string;
}

export class AssetResponseDto extends AssetSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  sections: Record<string, string>;
  @ApiProperty({ description: 'Markdown' }) body: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) copId: string | null;
  @ApiProperty({ type: [PersonRefDto] }) authors: PersonRefDto[];
  @ApiPropertyOptional({ type: PersonRefDto, nullable: true }) narasumber: PersonRefDto | null;
  @ApiPropertyOptional({ enum: SECI_MODES, nullable: true }) seciMode: string | null;
  @ApiProperty({
    type: [String],
    description:
      'What completeness still misses (section:<key>, summary, tags, seciMode, attachment)',
  })
  missing: string[];
  @ApiProperty({ description: 'Latest revision number (0 = never published)' }) revision: number;
  @ApiProperty({ description: 'Send back as expectedVersion when editing' }) version: number;
  @ApiPropertyOptional({ nullable: true }) externalId: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true }) submittedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) verifiedAt: string | null;
  @ApiPropertyOptional({ type: PersonRefDto, nullable: true }) verifiedBy: PersonRefDto | null;
  @ApiPropertyOptional({ nullable: true }) reviewDueAt: string | null;
  @ApiPropertyOptional({ nullable: true }) archivedAt: string | null;
  @ApiProperty({ type: [TransitionDto] }) transitions: TransitionDto[];
  @ApiProperty({ type: [AttachmentSummaryDto] }) attachments: AttachmentSummaryDto[];
}

export class AssetPageDto {
  @ApiProperty({ type: [AssetSummaryDto] }) items: AssetSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}

export class RevisionSummaryDto {
  @ApiProperty() n: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: PersonRefDto }) createdBy: PersonRefDto;
  @ApiProperty() createdAt: string;
}

export class RevisionDto extends RevisionSummaryDto {
  @ApiProperty({ enum: ASSET_TYPES }) type: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) sections: Record<
    string,
    string
  >;
  @ApiProperty() body: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ enum: VISIBILITIES }) visibility: string;
  @ApiPropertyOptional({ enum: SECI_MODES, nullable: true }) seciMode: string | null;
}

export class SectionTemplateDto {
  @ApiProperty() key: string;
  @ApiProperty({ example: { id: 'Latar belakang', en: 'Background' } }) label: {
    id: string;
    en: string;
  };
  @ApiProperty() required: boolean;
  @ApiProperty({ enum: ['text', 'user'] }) kind: string;
}

export class AssetTypeDto {
  @ApiProperty({ enum: ASSET_TYPES }) type: string;
  @ApiProperty() label: { id: string; en: string };
  @ApiProperty({ type: [SectionTemplateDto] }) sections: SectionTemplateDto[];
  @ApiProperty() requiresAttachment: boolean;
}
