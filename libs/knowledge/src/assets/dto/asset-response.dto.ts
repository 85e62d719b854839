import { ApiProperty } from '@nestjs/swagger';
import { ASSET_STATUSES, ASSET_TYPES, SECI_MODES, VISIBILITIES } from '../asset-types';

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() opdCode: string;
}

export class TransitionDto {
  @ApiProperty({
    enum: [
      'create',
      'submit',
      'approve',
      'reject',
      'archive',
      'reverify',
      'import',
      'approve_revision',
      'revise',
    ],
    description:
      'approve_revision: a verifier published an author’s edit; revise: a verifier’s own edit, published at once',
  })
  action: string;
  @ApiProperty({ enum: ASSET_STATUSES, nullable: true, description: 'null when created' })
  from: string | null;
  @ApiProperty({ enum: ASSET_STATUSES }) to: string;
  @ApiProperty({ type: PersonRefDto }) actor: PersonRefDto;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class AttachmentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Sanitised display name' }) name: string;
  @ApiProperty({ example: 'application/pdf' }) mime: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ enum: ['pending', 'extracted', 'unreadable', 'not_applicable'] })
  textStatus: string;
  @ApiProperty({ enum: ['not_scanned', 'clean', 'pending_scan'] }) scanStatus: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** Why a verifier sent a submission back: shown to its authors until they submit it again. */
export class RejectionDto {
  @ApiProperty({ description: 'What the authors should change' }) comment: string;
  @ApiProperty({ type: PersonRefDto }) by: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) at: string;
}

/** A required part still empty: stable key, and the label the write form shows. */
export class MissingPartDto {
  @ApiProperty({
    example: 'section:yang_terjadi',
    description: 'section:<key>, summary, tags, seciMode or attachment (stable)',
  })
  key: string;
  @ApiProperty({ example: 'Apa yang terjadi', description: 'Label, Indonesian' }) label: string;
  @ApiProperty({ example: 'What happened' }) labelEn: string;
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
  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description:
      'Filled required parts ÷ required parts: each required section, summary, a tag, SECI mode, and an attachment where the type needs one',
  })
  completeness: number;
  @ApiProperty({ description: 'Past reviewDueAt: still readable, flagged for review' })
  needsReview: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({
    type: RejectionDto,
    nullable: true,
    description: 'A draft a verifier sent back: their comment (null once it is submitted again)',
  })
  rejection: RejectionDto | null;
}

export class AssetResponseDto extends AssetSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  sections: Record<string, string>;
  @ApiProperty({ description: 'Markdown' }) body: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) copId: string | null;
  @ApiProperty({ type: [PersonRefDto] }) authors: PersonRefDto[];
  @ApiProperty({ type: PersonRefDto, nullable: true }) narasumber: PersonRefDto | null;
  @ApiProperty({ enum: SECI_MODES, nullable: true }) seciMode: string | null;
  @ApiProperty({
    type: [MissingPartDto],
    description: 'The required parts still empty (what completeness still misses), in form order',
  })
  missing: MissingPartDto[];
  @ApiProperty({ description: 'Latest revision number (0 = never published)' }) revision: number;
  @ApiProperty({ description: 'Send back as expectedVersion when editing' }) version: number;
  @ApiProperty({ type: String, nullable: true, description: 'Id in the source of an import' })
  externalId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verifiedAt: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) verifiedBy: PersonRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewDueAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt: string | null;
  @ApiProperty({ type: [TransitionDto] }) transitions: TransitionDto[];
  @ApiProperty({ type: [AttachmentSummaryDto] }) attachments: AttachmentSummaryDto[];
  @ApiProperty({
    type: () => RevisionDto,
    nullable: true,
    description:
      'An author’s edit of the published asset not published yet: pending review, or rejected (with reviewComment) until the next edit. Only for its authors and the verifiers of its OPD; readers get null and keep seeing the published content.',
  })
  proposedRevision: RevisionDto | null;
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
  @ApiProperty({
    enum: ['published', 'pending', 'rejected'],
    description:
      'pending: an author’s edit waiting for a verifier; rejected: refused with reviewComment (both only for authors and verifiers of the OPD)',
  })
  status: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The published revision this one was written against (null for the first)',
  })
  basedOn: number | null;
  @ApiProperty({ type: PersonRefDto }) createdBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'Last change (a pending edit changes)' })
  updatedAt: string;
  @ApiProperty({
    type: PersonRefDto,
    nullable: true,
    description: 'The verifier who published or rejected it',
  })
  reviewedBy: PersonRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The verifier’s comment' })
  reviewComment: string | null;
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
  @ApiProperty({ enum: SECI_MODES, nullable: true }) seciMode: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) copId: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) narasumber: PersonRefDto | null;
}

/** A label shown to people: Bahasa Indonesia and English. */
export class LocalizedTextDto {
  @ApiProperty({ example: 'Latar belakang' }) id: string;
  @ApiProperty({ example: 'Background' }) en: string;
}

export class SectionTemplateDto {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextDto }) label: LocalizedTextDto;
  @ApiProperty({
    type: LocalizedTextDto,
    description: 'What to write here (shown under the field)',
  })
  guidance: LocalizedTextDto;
  @ApiProperty() required: boolean;
  @ApiProperty({ enum: ['text', 'user'] }) kind: string;
}

export class AssetTypeDto {
  @ApiProperty({ enum: ASSET_TYPES }) type: string;
  @ApiProperty({ type: LocalizedTextDto }) label: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto, description: 'What the type is for, in plain words' })
  description: LocalizedTextDto;
  @ApiProperty({ type: [SectionTemplateDto] }) sections: SectionTemplateDto[];
  @ApiProperty() requiresAttachment: boolean;
}
