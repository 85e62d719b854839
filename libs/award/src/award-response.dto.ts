import type { Type } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { AnomalyFlagDto, OpdMetricsDto } from '@lumbung/metrics';
import { ASPECT_KEYS, type AspectKey } from './scoring';

/** A schema with one property per aspect of ASPECT_KEYS, so the document follows the list. */
export function perAspect(name: string, property: ApiPropertyOptions): Type {
  const dto = class {};
  Object.defineProperty(dto, 'name', { value: name });
  for (const key of ASPECT_KEYS) ApiProperty(property)(dto.prototype, key);
  return dto;
}

/** A number per aspect (weights, data scores). */
const AspectNumbersDto = perAspect('AspectNumbersDto', { type: Number });
type AspectNumbersDto = Record<AspectKey, number>;

export class RubricVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ type: AspectNumbersDto, description: 'Weight of each aspect in the total' })
  aspectWeights: AspectNumbersDto;
  @ApiProperty({ type: AspectNumbersDto, description: 'w (0–1) per aspect in w·D + (1−w)·A' })
  dataWeights: AspectNumbersDto;
  @ApiProperty({ description: 'How many top-ranked OPD win (ties at the cut-off all win)' })
  winners: number;
  @ApiProperty({ description: 'Version of the data-score formulas', example: 'kma-data-2025.1' })
  rulesVersion: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class TieRuleDto {
  @ApiProperty() id: string;
  @ApiProperty() en: string;
}

export class AwardYearDto {
  @ApiProperty() year: number;
  @ApiProperty() rubricVersion: number;
  @ApiProperty({ type: RubricVersionDto, description: 'The current rubric' })
  rubric: RubricVersionDto;
  @ApiProperty({ type: [RubricVersionDto], description: 'Every version, oldest first' })
  rubricHistory: RubricVersionDto[];
  @ApiProperty() finalized: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finalizedAt: string | null;
  @ApiProperty({ type: TieRuleDto, description: 'The tie rule published with the results' })
  tieRule: TieRuleDto;
}

export class AwardYearSummaryDto {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Finalised: the ranking is published and frozen' })
  finalized: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finalizedAt: string | null;
}

export class AssessmentEntryDto {
  @ApiProperty({ enum: ASPECT_KEYS }) aspect: AspectKey;
  @ApiProperty({ minimum: 0, maximum: 100 }) score: number;
  @ApiProperty() justification: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Assessor name (null for callers who see every OPD’s metrics but not who scored)',
  })
  assessor: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class AssessmentResultDto {
  @ApiProperty() opdCode: string;
  @ApiProperty({ enum: ASPECT_KEYS }) aspect: AspectKey;
  @ApiProperty({ type: AssessmentEntryDto, description: 'The score now in force' })
  current: AssessmentEntryDto;
  @ApiProperty({
    type: [AssessmentEntryDto],
    description: 'Every score of the aspect, newest first',
  })
  history: AssessmentEntryDto[];
}

export class AspectScoreDto {
  @ApiProperty({ description: 'Data score D, 0–100' }) data: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Assessor score A (null: none yet)' })
  assessor: number | null;
  @ApiProperty({ description: 'w·D + (1−w)·A, or D while provisional; 2 decimals' })
  score: number;
  @ApiProperty({ description: 'The data weight w' }) weight: number;
  @ApiProperty({ description: 'No assessor has scored the aspect yet' }) provisional: boolean;
}

const AspectScoresDto = perAspect('AspectScoresDto', { type: AspectScoreDto });

export class ScoreRowDto {
  @ApiProperty() opdCode: string;
  @ApiProperty() opdName: string;
  @ApiProperty({ type: AspectScoresDto }) aspects: Record<AspectKey, AspectScoreDto>;
  @ApiProperty({ description: 'Aspect-weighted mean of the aspect scores, 2 decimals' })
  total: number;
  @ApiProperty({ description: 'Some aspect is still provisional' }) provisional: boolean;
  @ApiProperty({ description: 'Standard competition rank (1, 2, 2, 4)' }) rank: number;
  @ApiProperty() winner: boolean;
  @ApiProperty() rubricVersion: number;
}

export class InputScoreDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ type: Number, nullable: true, description: 'As computed (null: not available)' })
  raw: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'After per-100-ASN, log or clamping' })
  transformed: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '0–100 across the OPD of the run' })
  normalised: number | null;
  @ApiProperty({ description: 'Nominal weight within the aspect' }) weight: number;
  @ApiProperty({ description: 'The formula, in Indonesian' }) formula: string;
  @ApiProperty({ description: 'The formula, in English' }) formulaEn: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The number the label names, in `unit` (2 decimals): the rate per 100 ASN, a percentage, active quarters of 4, or the value itself',
  })
  value: number | null;
  @ApiProperty({ enum: ['per100Asn', 'percent', 'quarters', 'number'] }) unit: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The count behind a per-100-ASN rate, shown beside it; null for other units',
  })
  count: number | null;
}

export class AspectDrillDownDto extends AspectScoreDto {
  @ApiProperty() label: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ type: [InputScoreDto] }) inputs: InputScoreDto[];
  @ApiProperty({ type: [AssessmentEntryDto], description: 'Newest first' })
  assessments: AssessmentEntryDto[];
}

const AspectDrillDownsDto = perAspect('AspectDrillDownsDto', { type: AspectDrillDownDto });

export class QuarterDataScoresDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4 }) quarter: number;
  @ApiProperty({ type: AspectNumbersDto, description: 'Data score of each aspect in the Triwulan' })
  data: AspectNumbersDto;
}

export class EvidenceAssetDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() type: string;
  @ApiProperty() visibility: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) completeness: number;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ example: '/api/v1/assets/…' }) href: string;
}

export class EvidenceMeetingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'CoP name' }) cop: string;
  @ApiProperty({ format: 'date' }) heldDate: string;
  @ApiProperty() quarter: number;
  @ApiProperty() topic: string;
  @ApiProperty() attendees: number;
  @ApiProperty({ description: 'Minutes or an output asset within 14 days' }) documented: boolean;
  @ApiProperty({ example: '/api/v1/meetings/…' }) href: string;
}

export class EvidenceReuseReportDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null (with title and story) when the caller may not read the asset',
  })
  assetId: string | null;
  @ApiProperty({ type: String, nullable: true }) assetTitle: string | null;
  @ApiProperty() reporterOpdCode: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) story: string | null;
}

export class AwardEvidenceDto {
  @ApiProperty({ type: [EvidenceAssetDto], description: 'Published in the year, readable by you' })
  assets: EvidenceAssetDto[];
  @ApiProperty({ description: 'Published in the year but not readable by you' })
  restrictedAssets: number;
  @ApiProperty({ type: [EvidenceMeetingDto] }) meetings: EvidenceMeetingDto[];
  @ApiProperty({ type: [EvidenceReuseReportDto] }) reuseReports: EvidenceReuseReportDto[];
  @ApiProperty({ type: [AnomalyFlagDto] }) anomalies: AnomalyFlagDto[];
}

export class DrillDownDto {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'From the finalised snapshot (not recomputed)' }) frozen: boolean;
  @ApiProperty() rubricVersion: number;
  @ApiProperty() opdCode: string;
  @ApiProperty() opdName: string;
  @ApiProperty() rank: number;
  @ApiProperty() total: number;
  @ApiProperty() winner: boolean;
  @ApiProperty() provisional: boolean;
  @ApiProperty({ type: AspectDrillDownsDto }) aspects: Record<AspectKey, AspectDrillDownDto>;
  @ApiProperty({ type: [QuarterDataScoresDto] }) quarters: QuarterDataScoresDto[];
  @ApiProperty({ type: OpdMetricsDto, description: 'The metric inputs of the year' })
  metrics: OpdMetricsDto;
  @ApiProperty({ type: AwardEvidenceDto }) evidence: AwardEvidenceDto;
}

export class FinalizedDto {
  @ApiProperty() year: number;
  @ApiProperty({ format: 'date-time' }) finalizedAt: string;
  @ApiProperty() rubricVersion: number;
}

export class RankingPositionDto {
  @ApiProperty() total: number;
  @ApiProperty() rank: number;
  @ApiProperty() winner: boolean;
}

export class AspectChangeDto {
  @ApiProperty({ enum: ASPECT_KEYS }) aspect: AspectKey;
  @ApiProperty() before: number;
  @ApiProperty() after: number;
}

export class InputChangeDto {
  @ApiProperty({ enum: ASPECT_KEYS }) aspect: AspectKey;
  @ApiProperty({ description: 'Input key' }) input: string;
  @ApiProperty({ description: 'What the input is, in Indonesian' }) label: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ type: Number, nullable: true }) before: number | null;
  @ApiProperty({ type: Number, nullable: true }) after: number | null;
}

export class RestatementChangeDto {
  @ApiProperty() opdCode: string;
  @ApiProperty() opdName: string;
  @ApiProperty({ type: RankingPositionDto, description: 'As finalised' })
  before: RankingPositionDto;
  @ApiProperty({ type: RankingPositionDto, description: 'Recomputed from today’s data' })
  after: RankingPositionDto;
  @ApiProperty({ type: [AspectChangeDto] }) aspects: AspectChangeDto[];
  @ApiProperty({ type: [InputChangeDto] }) inputs: InputChangeDto[];
}

export class RestatementReasonsDto {
  @ApiProperty() assetsChanged: number;
  @ApiProperty() meetingsChanged: number;
  @ApiProperty() opdDirectoryChanged: number;
  @ApiProperty() usageDaysRefolded: number;
  @ApiProperty({ description: 'Usage events recorded after finalising' }) lateEvents: number;
}

export class RestatementDto {
  @ApiProperty() year: number;
  @ApiProperty({ format: 'date-time' }) finalizedAt: string;
  @ApiProperty() rubricVersion: number;
  @ApiProperty({ description: 'OPD whose results would change' }) changed: number;
  @ApiProperty({ type: [RestatementChangeDto] }) changes: RestatementChangeDto[];
  @ApiProperty({
    type: RestatementReasonsDto,
    description: 'Data changed since finalising, by kind',
  })
  reasons: RestatementReasonsDto;
}
