/** A row of the meeting log, as stored. */
export interface MeetingRow {
  id: string;
  cop_id: string;
  held_at: Date;
  held_date_wib: string;
  year: number;
  quarter: number;
  mode: string;
  topic: string;
  agenda: string;
  minutes: string;
  duration_minutes: number;
  guest_count: number;
  seci_mode: string | null;
  minutes_visibility: string;
  created_at: Date;
  updated_at: Date;
}
