import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const ATTENDANCE_ROW_STATUSES = ['found', 'unknown', 'duplicate', 'invalid'] as const;

export class AttendanceRowDto {
  @ApiProperty({ description: 'Row number as the spreadsheet shows it (1 = first line)' })
  row: number;
  @ApiProperty({ description: 'The NIP (or, when it is not one, the cell as written, cut at 40)' })
  nip: string;
  @ApiPropertyOptional({ description: "The person's name (from the portal when found)" })
  name?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'When found' })
  userId?: string;
  @ApiPropertyOptional({ description: "When found: the person's OPD now" })
  opdCode?: string;
  @ApiProperty({ enum: ATTENDANCE_ROW_STATUSES }) status: (typeof ATTENDANCE_ROW_STATUSES)[number];
  @ApiProperty({ description: 'What this row means, in the language of the request' })
  message: string;
}
