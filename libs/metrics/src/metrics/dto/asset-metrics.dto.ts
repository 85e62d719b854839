import { ApiProperty } from '@nestjs/swagger';
import { ReadersByOpdDto } from './readers-by-opd.dto';

export class AssetMetricsDto {
  @ApiProperty({ format: 'uuid' }) assetId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty() views!: number;
  @ApiProperty({ description: 'Sum over WIB days of distinct logged-in readers' })
  uniqueReaders!: number;
  @ApiProperty() downloads!: number;
  @ApiProperty() endorsements!: number;
  @ApiProperty() reuseReports!: number;
  @ApiProperty() searchClicks!: number;
  @ApiProperty({ type: [ReadersByOpdDto] }) readersByOpd!: ReadersByOpdDto[];
}
