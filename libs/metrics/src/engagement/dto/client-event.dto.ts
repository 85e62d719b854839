import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';

/** Events a client may report; reads and downloads are recorded by the server itself. */
export const CLIENT_EVENT_TYPES = ['share'] as const;

export class ClientEventDto {
  @ApiProperty({ enum: CLIENT_EVENT_TYPES })
  @IsIn(CLIENT_EVENT_TYPES)
  type!: (typeof CLIENT_EVENT_TYPES)[number];

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assetId!: string;
}
