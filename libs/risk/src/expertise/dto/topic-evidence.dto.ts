import { ApiProperty } from '@nestjs/swagger';
import { AssetEvidenceDto } from './asset-evidence.dto';
import { CopEvidenceDto } from './cop-evidence.dto';

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
