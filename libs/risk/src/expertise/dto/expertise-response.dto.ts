import { ApiProperty } from '@nestjs/swagger';
import { AssetTypeCountDto } from './asset-type-count.dto';
import { DeclaredTopicsDto } from './declared-topics.dto';
import { TopicEvidenceDto } from './topic-evidence.dto';

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
