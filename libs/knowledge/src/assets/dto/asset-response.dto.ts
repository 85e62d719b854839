import { ApiProperty } from '@nestjs/swagger';
import { SECI_MODES } from '../asset-types';
import { AssetSummaryDto } from './asset-summary.dto';
import { AttachmentSummaryDto } from './attachment-summary.dto';
import { MissingPartDto } from './missing-part.dto';
import { PersonRefDto } from './person-ref.dto';
import { RevisionDto } from './revision.dto';
import { TransitionDto } from './transition.dto';

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
