import { ApiProperty } from '@nestjs/swagger';
import { DEPARTURE_REASONS, JABATAN_CATEGORIES } from '@lumbung/identity';
import { PersonRefDto } from '@lumbung/knowledge';
import { PLAN_STATES } from '../../plans/plan-state';

export class CriticalityOverrideDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) value: number;
  @ApiProperty() reason: string;
  @ApiProperty({ type: PersonRefDto }) setBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) setAt: string;
}

export class TopicStandingDto {
  @ApiProperty({ description: 'A normalised tag or CoP theme' }) topic: string;
  @ApiProperty({ description: 'Evidence score from what the caller may read' }) score: number;
  @ApiProperty({ description: 'Other active people of the OPD who hold the topic' })
  othersInOpd: number;
  @ApiProperty({
    description: "Published assets of the OPD on the topic (the person's own interviews excluded)",
  })
  publishedAssets: number;
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 + rarity points + documentation gap' })
  criticality: number;
}

export class PlanSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PLAN_STATES }) state: string;
  @ApiProperty({ type: PersonRefDto }) interviewer: PersonRefDto;
  @ApiProperty({ format: 'date' }) targetDate: string;
  @ApiProperty({ description: 'Not yet interviewed, and the target passed or departure ≤ 60 days' })
  overdue: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) interviewedOn: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assetId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  assetPublishedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

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

export class TimelineMonthDto {
  @ApiProperty({ example: '2027-01' }) month: string;
  @ApiProperty() departures: number;
  @ApiProperty() high: number;
  @ApiProperty() bup: number;
  @ApiProperty() rencana: number;
  @ApiProperty({ type: [String], format: 'uuid' }) userIds: string[];
}

export class PlanCountsDto {
  @ApiProperty() direncanakan: number;
  @ApiProperty() diwawancarai: number;
  @ApiProperty() aset_terbit: number;
  @ApiProperty() dibatalkan: number;
}

export class RegisterSummaryDto {
  @ApiProperty() people: number;
  @ApiProperty() high: number;
  @ApiProperty({ description: 'High-risk people with no plan (or only a cancelled one)' })
  highWithoutPlan: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ description: 'Departure date passed while still active (records to update)' })
  pastDeparture: number;
  @ApiProperty({ type: PlanCountsDto }) plans: PlanCountsDto;
}

export class CoverageSummaryDto {
  @ApiProperty() year: number;
  @ApiProperty() highRisk: number;
  @ApiProperty() covered: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'covered ÷ highRisk; null without any',
  })
  coverage: number | null;
}

export class RegisterResponseDto {
  @ApiProperty() opdCode: string;
  @ApiProperty() opdName: string;
  @ApiProperty({ format: 'date', description: 'The WIB day the register was computed for' })
  asOf: string;
  @ApiProperty() rulesVersion: string;
  @ApiProperty({ example: 15 }) highThreshold: number;
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty({ type: [RegisterItemDto] }) items: RegisterItemDto[];
  @ApiProperty({ type: [TimelineMonthDto], description: 'The next 24 months, unfiltered' })
  timeline: TimelineMonthDto[];
  @ApiProperty({ type: RegisterSummaryDto }) summary: RegisterSummaryDto;
  @ApiProperty({ type: CoverageSummaryDto }) coverage: CoverageSummaryDto;
}

export class OwnRiskResponseDto {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty() rulesVersion: string;
  @ApiProperty({ example: 15 }) highThreshold: number;
  @ApiProperty({ type: RegisterItemDto, nullable: true, description: 'Null for service accounts' })
  item: RegisterItemDto | null;
}
