import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { SECI_MODES } from '@lumbung/knowledge';
import { IsInReportYears } from '@lumbung/platform';
import { MEETING_MODES } from './meeting.shared';

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
