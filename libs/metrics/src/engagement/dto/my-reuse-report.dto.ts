import { ApiProperty } from '@nestjs/swagger';
import { MyAssetRefDto } from './my-asset-ref.dto';
import { GONE } from './my-engagement.shared';

export class MyReuseReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'How the caller applied the asset' }) story!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: MyAssetRefDto, nullable: true, description: GONE })
  asset!: MyAssetRefDto | null;
}
