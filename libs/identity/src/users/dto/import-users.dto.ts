import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class RowProblemDto {
  @ApiProperty({ example: 'UNKNOWN_OPD' })
  code: string;

  @ApiPropertyOptional({ example: 'opd_code' })
  field?: string;
}

class ImportRowDto {
  @ApiProperty({ description: 'Line number in the file (header is line 1)' })
  line: number;

  @ApiProperty()
  nip: string;

  @ApiProperty({ enum: ['created', 'updated', 'unchanged', 'rejected'] })
  status: string;

  @ApiPropertyOptional({ format: 'uuid' })
  userId?: string;

  @ApiPropertyOptional({ type: [RowProblemDto] })
  problems?: RowProblemDto[];
}

class ImportSummaryDto {
  @ApiProperty() total: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() rejected: number;
}

export class ImportReportDto {
  @ApiProperty()
  dryRun: boolean;

  @ApiProperty({ type: ImportSummaryDto })
  summary: ImportSummaryDto;

  @ApiProperty({ type: [ImportRowDto] })
  rows: ImportRowDto[];
}
