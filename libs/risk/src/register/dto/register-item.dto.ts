import { ApiProperty } from '@nestjs/swagger';
import { DEPARTURE_REASONS, JABATAN_CATEGORIES } from '@lumbung/identity';
import { CriticalityOverrideDto } from './criticality-override.dto';
import { PlanSummaryDto } from './plan-summary.dto';
import { TopicStandingDto } from './topic-standing.dto';

/** One person on the register. Never a birth date or a NIP: only the computed departure month. */
export class RegisterItemDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() jabatan: string;
  @ApiProperty({ enum: JABATAN_CATEGORIES }) jabatanKategori: string;
  @ApiProperty({ example: '2027-04', description: 'YYYY-MM' }) departureMonth: string;
  @ApiProperty({
    enum: ['bup', 'rencana'],
    description: 'Statutory retirement or planned departure',
  })
  departureKind: string;
  @ApiProperty({ type: String, enum: DEPARTURE_REASONS, nullable: true })
  departureReason: string | null;
  @ApiProperty({ description: 'Whole months until the departure (negative once past)' })
  monthsToDeparture: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) attrition: number;
  @ApiProperty({ minimum: 1, maximum: 5, description: 'The override when set, else computed' })
  criticality: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) criticalityComputed: number;
  @ApiProperty({ type: CriticalityOverrideDto, nullable: true })
  criticalityOverride: CriticalityOverrideDto | null;
  @ApiProperty({ minimum: 1, maximum: 25, description: 'attrition × criticality' }) risk: number;
  @ApiProperty({ description: 'risk ≥ 15' }) high: boolean;
  @ApiProperty({ type: [String], description: 'The strongest topics (at most 5)' })
  topics: string[];
  @ApiProperty({ type: [TopicStandingDto] }) topicDetails: TopicStandingDto[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Share of those topics with at least one published asset (null without topics)',
  })
  documentedShare: number | null;
  @ApiProperty({ type: PlanSummaryDto, nullable: true }) plan: PlanSummaryDto | null;
}
