import { ApiProperty } from '@nestjs/swagger';
import { ReuseReporterDto } from './reuse-reporter.dto';

export class ReuseReportResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() story!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: ReuseReporterDto }) reporter!: ReuseReporterDto;
}
