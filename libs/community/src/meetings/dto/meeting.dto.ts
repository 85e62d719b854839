import { ApiProperty } from '@nestjs/swagger';
import { AttachmentSummaryDto, SECI_MODES } from '@lumbung/knowledge';
import { AttendeeDto } from './attendee.dto';
import { MeetingOutputDto } from './meeting-output.dto';
import { MEETING_MODES } from './meeting.shared';

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
