import { ApiProperty } from '@nestjs/swagger';

/** An asset in a breakdown: never by title when the caller may not read it. */
export class AnomalyAssetDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id!: string | null;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) type!: string | null;
  @ApiProperty({ description: 'The caller may not read it (then id, title and type are null)' })
  restricted!: boolean;
}
