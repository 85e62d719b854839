import { ApiProperty } from '@nestjs/swagger';
import { ASSET_TYPES } from '@lumbung/knowledge';

export class AssetEvidenceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ASSET_TYPES }) type: string;
  @ApiProperty({ enum: ['author', 'narasumber'] }) role: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty() endorsements: number;
  @ApiProperty() reuseReports: number;
  @ApiProperty({ example: '/api/v1/assets/…' }) href: string;
}

export class CopEvidenceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['lead', 'member', 'attendee'] }) role: string;
  @ApiProperty() meetingsAttended: number;
  @ApiProperty({ example: '/api/v1/cops/…' }) href: string;
}

export class TopicEvidenceDto {
  @ApiProperty({ description: 'A normalised tag or CoP theme' }) topic: string;
  @ApiProperty({
    description: 'Evidence points (expertise-scoring.ts), from what the caller may read',
  })
  score: number;
  @ApiProperty({ type: [AssetEvidenceDto] }) assets: AssetEvidenceDto[];
  @ApiProperty({ type: [CopEvidenceDto] }) cops: CopEvidenceDto[];
  @ApiProperty({ enum: ['self', 'opd_admin'], isArray: true, description: 'Who declared it' })
  declared: string[];
}

export class AssetTypeCountDto {
  @ApiProperty({ enum: ASSET_TYPES }) type: string;
  @ApiProperty() count: number;
}

export class DeclaredTopicsDto {
  @ApiProperty({ type: [String] }) self: string[];
  @ApiProperty({ type: [String] }) opdAdmin: string[];
}

/** A person's expertise with its evidence (no NIP, birth date or departure). */
export class ExpertiseResponseDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() opdCode: string;
  @ApiProperty() jabatan: string;
  @ApiProperty({ type: [TopicEvidenceDto] }) topics: TopicEvidenceDto[];
  @ApiProperty({ type: [AssetTypeCountDto], description: 'Readable published assets by type' })
  assetTypes: AssetTypeCountDto[];
  @ApiProperty({ type: DeclaredTopicsDto }) declared: DeclaredTopicsDto;
}

export class MatchedTopicDto {
  @ApiProperty() topic: string;
  @ApiProperty() score: number;
}

export class ExpertEvidenceCountsDto {
  @ApiProperty({ description: 'Readable published assets written on the matched topics' })
  assets: number;
  @ApiProperty({ description: 'Of which interviews given as narasumber' }) interviews: number;
  @ApiProperty() cops: number;
  @ApiProperty() endorsements: number;
  @ApiProperty() reuseReports: number;
  @ApiProperty() declared: boolean;
}

export class ExpertHitDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() opdCode: string;
  @ApiProperty() jabatan: string;
  @ApiProperty({ description: 'Sum of the matched topics’ scores (the ranking)' }) score: number;
  @ApiProperty({ type: [MatchedTopicDto] }) matchedTopics: MatchedTopicDto[];
  @ApiProperty({ type: [String], description: 'Their strongest topics (at most 5)' })
  topTopics: string[];
  @ApiProperty({ type: ExpertEvidenceCountsDto }) evidence: ExpertEvidenceCountsDto;
  @ApiProperty({ example: '/api/v1/people/…/expertise' }) href: string;
}
