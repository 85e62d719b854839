import type { AttachmentSummaryDto } from '@lumbung/knowledge';
import type { MeetingDto } from './dto/meeting.dto';
import type { MeetingRow } from './meeting-row';

/** A meeting's attendee as `MeetingsService.details` reads them. */
export interface MeetingAttendeeRow {
  meetingId: string;
  userId: string;
  name: string;
  opdCode: string;
}

/** What a meeting is shown with: loaded by the caller, so presenting reads nothing. */
export interface MeetingRelated {
  attendees: MeetingAttendeeRow[];
  outputAssetIds: string[];
  /** Titles of the output assets the caller may read (the others are shown as restricted). */
  titles: Map<string, { title: string; type: string }>;
  attachments: AttachmentSummaryDto[];
}

/** A meeting as the API answers it: pure. */
export function presentMeeting(m: MeetingRow, related: MeetingRelated): MeetingDto {
  return {
    id: m.id,
    copId: m.copId,
    heldAt: m.heldAt.toISOString(),
    heldDate: m.heldDateWib,
    year: m.year,
    quarter: m.quarter,
    mode: m.mode,
    topic: m.topic,
    agenda: m.agenda,
    minutes: m.minutes,
    durationMinutes: m.durationMinutes,
    guestCount: m.guestCount,
    seciMode: m.seciMode,
    minutesVisibility: m.minutesVisibility,
    attendees: related.attendees.map((a) => ({
      userId: a.userId,
      name: a.name,
      opdCode: a.opdCode,
    })),
    outputAssetIds: related.outputAssetIds,
    outputs: related.outputAssetIds.map((id) => {
      const asset = related.titles.get(id);
      return { id, title: asset?.title ?? null, type: asset?.type ?? null, restricted: !asset };
    }),
    attachments: related.attachments,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}
