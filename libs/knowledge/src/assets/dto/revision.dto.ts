import { ApiProperty } from '@nestjs/swagger';
import { ASSET_TYPES, SECI_MODES, VISIBILITIES } from '../asset-types';
import { PersonRefDto } from './person-ref.dto';
import { RevisionSummaryDto } from './revision-summary.dto';

export class RevisionDto extends RevisionSummaryDto {
  @ApiProperty({ enum: ASSET_TYPES }) type: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) sections: Record<
    string,
    string
  >;
  @ApiProperty() body: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ enum: VISIBILITIES }) visibility: string;
  @ApiProperty({ enum: SECI_MODES, nullable: true }) seciMode: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) copId: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) narasumber: PersonRefDto | null;
}
