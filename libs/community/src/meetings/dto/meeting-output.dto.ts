import { ApiProperty } from '@nestjs/swagger';

/** An output asset of a meeting: its title and type only for callers who may read it. */
export class MeetingOutputDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true }) type: string | null;
  @ApiProperty({ description: 'True when the caller may not open this asset' })
  restricted: boolean;
}
