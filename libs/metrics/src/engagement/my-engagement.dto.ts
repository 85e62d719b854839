import { ApiProperty } from '@nestjs/swagger';
import { ASSET_TYPES } from '@lumbung/knowledge';

/** An asset the caller may still read, as their own lists name it. */
export class MyAssetRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ASSET_TYPES }) type!: string;
  @ApiProperty() opdCode!: string;
}

const GONE =
  'null when the caller may no longer read the asset (moved OPD, left the CoP…): it is never named';

export class MyEndorsementDto {
  @ApiProperty({ type: MyAssetRefDto, nullable: true, description: GONE })
  asset!: MyAssetRefDto | null;
  @ApiProperty({ format: 'date-time' }) endorsedAt!: string;
}

export class MyEndorsementPageDto {
  @ApiProperty({ type: [MyEndorsementDto] }) items!: MyEndorsementDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

export class MyReuseReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'How the caller applied the asset' }) story!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: MyAssetRefDto, nullable: true, description: GONE })
  asset!: MyAssetRefDto | null;
}

export class MyReuseReportPageDto {
  @ApiProperty({ type: [MyReuseReportDto] }) items!: MyReuseReportDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}
