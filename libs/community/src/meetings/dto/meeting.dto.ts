import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AttachmentSummaryDto, SECI_MODES } from '@lumbung/knowledge';
import { IsInReportYears, QueryQuarter, QueryYear } from '@lumbung/platform';

export const MEETING_MODES = ['luring', 'daring', 'hibrida'] as const;
export const MAX_ATTENDEES = 1000;

export class CreateMeetingDto {
  @ApiProperty({
    example: '2025-03-31T09:00:00+07:00',
    description: 'ISO date-time; grouped in WIB; from 2000 on',
  })
  @IsISO8601({ strict: true })
  @IsInReportYears()
  heldAt: string;

  @ApiProperty({ enum: MEETING_MODES })
  @IsIn(MEETING_MODES)
  mode: (typeof MEETING_MODES)[number];

  @ApiProperty({ minLength: 3, maxLength: 300 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(3, 300)
  topic: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  agenda?: string;

  @ApiPropertyOptional({ description: 'Minutes (notulen), Markdown', maxLength: 100000 })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  minutes?: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 720 })
  @IsInt()
  @Min(1)
  @Max(720)
  durationMinutes: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_ATTENDEES })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTENDEES)
  @IsUUID('all', { each: true })
  attendeeIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    pattern: '^\\d{18}$',
    maxItems: MAX_ATTENDEES,
    description: '18-digit NIPs',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTENDEES)
  @Matches(/^\d{18}$/, { each: true })
  attendeeNips?: string[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 10000,
    default: 0,
    description: 'External guests',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  guestCount?: number;

  @ApiPropertyOptional({ enum: SECI_MODES })
  @IsOptional()
  @IsIn(SECI_MODES)
  seciMode?: string;

  @ApiPropertyOptional({
    enum: ['cop', 'internal'],
    default: 'cop',
    description:
      "Who reads the minutes: the CoP's members and host OPD, or (published) every logged-in ASN",
  })
  @IsOptional()
  @IsIn(['cop', 'internal'])
  minutesVisibility?: 'cop' | 'internal';

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 50,
    description: 'Assets produced from the meeting (readable by you)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  outputAssetIds?: string[];
}

export class UpdateMeetingDto extends PartialType(CreateMeetingDto) {}

export class ListMeetingsQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, example: 2025 })
  @IsOptional()
  @QueryYear()
  year?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 4, description: 'Triwulan (WIB)' })
  @IsOptional()
  @QueryQuarter()
  quarter?: number;
}

export class AttendeeDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The OPD the attendee belonged to on the meeting date' })
  opdCode: string;
}

/** An output asset of a meeting: its title and type only for callers who may read it. */
export class MeetingOutputDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true }) type: string | null;
  @ApiProperty({ description: 'True when the caller may not open this asset' })
  restricted: boolean;
}

export class MeetingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) copId: string;
  @ApiProperty({ format: 'date-time' }) heldAt: string;
  @ApiProperty({ format: 'date', description: 'YYYY-MM-DD in WIB' }) heldDate: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Triwulan 1–4 (WIB)' }) quarter: number;
  @ApiProperty({ enum: MEETING_MODES }) mode: string;
  @ApiProperty() topic: string;
  @ApiProperty() agenda: string;
  @ApiProperty() minutes: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty() guestCount: number;
  @ApiProperty({ enum: SECI_MODES, nullable: true }) seciMode: string | null;
  @ApiProperty({ enum: ['cop', 'internal'] }) minutesVisibility: string;
  @ApiProperty({ type: [AttendeeDto] }) attendees: AttendeeDto[];
  @ApiProperty({ type: [String], format: 'uuid' }) outputAssetIds: string[];
  @ApiProperty({
    type: () => [MeetingOutputDto],
    description: 'The output assets in the same order, titled when the caller may read them',
  })
  outputs: MeetingOutputDto[];
  @ApiProperty({
    type: [AttachmentSummaryDto],
    description: 'Evidence files (photos, attendance sheet)',
  })
  attachments: AttachmentSummaryDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

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

export class AttendancePreviewDto {
  @ApiProperty({ type: [AttendanceRowDto] }) rows: AttendanceRowDto[];
  @ApiProperty({ description: 'Rows found (distinct people)' }) found: number;
  @ApiProperty() unknown: number;
  @ApiProperty() duplicate: number;
  @ApiProperty() invalid: number;
}
