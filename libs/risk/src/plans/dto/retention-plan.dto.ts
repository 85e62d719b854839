import { ApiProperty } from '@nestjs/swagger';
import { DEPARTURE_REASONS } from '@lumbung/identity';
import { PersonRefDto } from '@lumbung/knowledge';
import { PLAN_STATES } from '../plan-state';

export class RetentionPlanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: PersonRefDto }) person: PersonRefDto;
  @ApiProperty() opdCode: string;
  @ApiProperty({ type: PersonRefDto }) interviewer: PersonRefDto;
  @ApiProperty({ format: 'date' }) targetDate: string;
  @ApiProperty() notes: string;
  @ApiProperty({ enum: PLAN_STATES }) state: string;
  @ApiProperty({ description: 'Not yet interviewed, and the target passed or departure ≤ 60 days' })
  overdue: boolean;
  @ApiProperty({ example: '2027-04' }) departureMonth: string;
  @ApiProperty({ enum: ['bup', 'rencana'] }) departureKind: string;
  @ApiProperty({ type: String, enum: DEPARTURE_REASONS, nullable: true })
  departureReason: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) interviewedOn: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The published interview, when the caller may read it',
  })
  assetId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  assetPublishedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ description: 'Send back as expectedVersion when editing' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
