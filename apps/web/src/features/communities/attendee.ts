/** An attendee as the meeting form holds them: found by the lookup or by the sheet/NIP report. */
export interface Attendee {
  id: string;
  name: string;
  nip: string;
  opdCode?: string;
}
