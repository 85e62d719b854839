/** A row of the meeting log, as stored (columns aliased to camelCase by `MEETING_COLUMNS`). */
export interface MeetingRow {
  id: string;
  copId: string;
  heldAt: Date;
  heldDateWib: string;
  year: number;
  quarter: number;
  mode: string;
  topic: string;
  agenda: string;
  minutes: string;
  durationMinutes: number;
  guestCount: number;
  seciMode: string | null;
  minutesVisibility: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The select list of a `MeetingRow` from `meetings` (unaliased table, or pass its alias). */
export function meetingColumns(alias?: string): string {
  const c = alias ? `${alias}.` : '';
  return `${c}id, ${c}cop_id AS "copId", ${c}held_at AS "heldAt", ${c}held_date_wib AS "heldDateWib",
          ${c}year, ${c}quarter, ${c}mode, ${c}topic, ${c}agenda, ${c}minutes,
          ${c}duration_minutes AS "durationMinutes", ${c}guest_count AS "guestCount",
          ${c}seci_mode AS "seciMode", ${c}minutes_visibility AS "minutesVisibility",
          ${c}created_at AS "createdAt", ${c}updated_at AS "updatedAt"`;
}
