import { ApiProperty } from '@nestjs/swagger';
import { PersonRefDto } from './person-ref.dto';

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
