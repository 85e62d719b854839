import { ApiProperty } from '@nestjs/swagger';
import { AttendanceRowDto } from './attendance-row.dto';

export class AttendancePreviewDto {
  @ApiProperty({ type: [AttendanceRowDto] }) rows: AttendanceRowDto[];
  @ApiProperty({ description: 'Rows found (distinct people)' }) found: number;
  @ApiProperty() unknown: number;
  @ApiProperty() duplicate: number;
  @ApiProperty() invalid: number;
}
