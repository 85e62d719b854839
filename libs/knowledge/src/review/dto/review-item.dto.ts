import { ApiProperty } from '@nestjs/swagger';
import { AssetSummaryDto } from '../../assets/dto/asset-summary.dto';
import { MissingPartDto } from '../../assets/dto/missing-part.dto';
import { PersonRefDto } from '../../assets/dto/person-ref.dto';

/** An asset as a verifier's lists show it: who wrote it, when it came in or falls due, what is empty. */
export class ReviewItemDto extends AssetSummaryDto {
  @ApiProperty({ type: [PersonRefDto] }) authors: PersonRefDto[];
  @ApiProperty({ description: 'The caller is one of its authors (a verifier may not review it)' })
  byCaller: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verifiedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewDueAt: string | null;
  @ApiProperty({ type: [MissingPartDto], description: 'What completeness still misses' })
  missing: MissingPartDto[];
}
