import { ApiProperty } from '@nestjs/swagger';
import { MyAssetRefDto } from './my-asset-ref.dto';
import { GONE } from './my-engagement.shared';

export class MyEndorsementDto {
  @ApiProperty({ type: MyAssetRefDto, nullable: true, description: GONE })
  asset!: MyAssetRefDto | null;
  @ApiProperty({ format: 'date-time' }) endorsedAt!: string;
}
