import { ApiProperty } from '@nestjs/swagger';
import { ASSET_STATUSES, ASSET_TYPES, VISIBILITIES } from '../asset-types';
import { RejectionDto } from './rejection.dto';

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
