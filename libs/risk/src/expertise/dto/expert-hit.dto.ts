import { ApiProperty } from '@nestjs/swagger';
import { ExpertEvidenceCountsDto } from './expert-evidence-counts.dto';
import { MatchedTopicDto } from './matched-topic.dto';

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
