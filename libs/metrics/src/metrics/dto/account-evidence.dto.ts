import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AnomalyAssetDto } from './anomaly-asset.dto';

/** Evidence of one account's concentration on an asset, or burst of reads, over a run of days. */
export class AccountEvidenceDto {
  @ApiProperty({ format: 'date', description: 'First WIB day of the run' }) day!: string;
  @ApiProperty({ format: 'date', description: 'Last WIB day of the run' }) lastDay!: string;
  @ApiProperty({ description: 'Flagged days in the run' }) days!: number;
  @ApiProperty({ description: 'The account’s counted views (reads for a burst) over the run' })
  value!: number;
  @ApiProperty({ description: 'All counted views of the asset on those days (burst: = value)' })
  total!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'A stable pseudonym of the account (never who it is)',
  })
  account!: string | null;
  @ApiProperty({ type: String, nullable: true }) accountOpdCode!: string | null;
  @ApiPropertyOptional({ type: AnomalyAssetDto, description: 'Concentrations: the asset' })
  asset?: AnomalyAssetDto;
}
