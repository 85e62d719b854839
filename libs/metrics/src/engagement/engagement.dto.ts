import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class ReuseReportDto {
  @ApiProperty({ minLength: 30, maxLength: 4000, description: 'How the asset was applied' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(30)
  @MaxLength(4000)
  story!: string;
}

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

export class EndorsementStateDto {
  @ApiProperty() endorsed!: boolean;
  @ApiProperty({ description: 'People who find it useful ("bermanfaat")' }) endorsements!: number;
}

export class ReuseReporterDto {
  @ApiProperty() name!: string;
  @ApiProperty() opdCode!: string;
}

export class ReuseReportResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() story!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: ReuseReporterDto }) reporter!: ReuseReporterDto;
}

export class ClientEventResponseDto {
  @ApiProperty({ description: 'false when this Idempotency-Key was already recorded' })
  recorded!: boolean;
}
