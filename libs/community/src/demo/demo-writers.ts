import type { EntityManager } from 'typeorm';

/**
 * What the demo year (apps/cli) writes of CoPs and meetings, on the seeding transaction:
 * libs/community owns `cops`, `cop_memberships`, `meetings`, `meeting_attendees` and
 * `meeting_outputs`.
 */

/** The OPD's first CoP (by founding, then name), if it has one. */
export async function demoFirstCopOf(m: EntityManager, opdId: string): Promise<string | undefined> {
  const [cop] = await m.query<{ id: string }[]>(
    `SELECT c.id FROM cops c WHERE c.opd_id = $1 ORDER BY c.created_at, c.name LIMIT 1`,
    [opdId],
  );
  return cop?.id;
}

/** A demo CoP; its lead is granted separately (identity's `grantDemoCopLead`). */
export async function addDemoCop(
  m: EntityManager,
  cop: {
    name: string;
    theme: string;
    opdId: string;
    description: string;
    skReference: string;
    createdBy: string;
    createdAt: string;
  },
): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO cops (name, theme, opd_id, description, sk_reference, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      cop.name,
      cop.theme,
      cop.opdId,
      cop.description,
      cop.skReference,
      cop.createdBy,
      cop.createdAt,
    ],
  );
  return row.id;
}

/** These people join the CoP at `joinedAt` (those already in it stay as they are). */
export async function addDemoMembers(
  m: EntityManager,
  copId: string,
  userIds: readonly string[],
  joinedAt: string,
): Promise<void> {
  await m.query(
    `INSERT INTO cop_memberships (cop_id, user_id, joined_at)
     SELECT $1, u, $3 FROM unnest($2::uuid[]) u
     ON CONFLICT DO NOTHING`,
    [copId, userIds, joinedAt],
  );
}

/**
 * The CoP's current members, in no set order (ids are random): the demo puts them in email order
 * (identity's `demoInEmailOrder`) before it draws from them.
 */
export async function demoMembersOf(m: EntityManager, copId: string): Promise<string[]> {
  const rows = await m.query<{ userId: string }[]>(
    `SELECT user_id AS "userId" FROM cop_memberships WHERE cop_id = $1 AND left_at IS NULL`,
    [copId],
  );
  return rows.map((r) => r.userId);
}

/** A demo meeting (its WIB date, year and quarter as given); undefined if it clashes. */
export async function addDemoMeeting(
  m: EntityManager,
  meeting: {
    copId: string;
    heldAt: string;
    year: number;
    quarter: number;
    mode: string;
    topic: string;
    agenda: string;
    minutes: string;
    durationMinutes: number;
    minutesVisibility: string;
    createdBy: string;
    minutesAt: string | null;
  },
): Promise<string | undefined> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO meetings (cop_id, held_at, held_date_wib, year, quarter, mode, topic, topic_norm, agenda,
                           minutes, duration_minutes, seci_mode, minutes_visibility, created_by, minutes_at)
     VALUES ($1, $2, ($2::timestamptz AT TIME ZONE 'Asia/Jakarta')::date, $3, $4, $5, $6::text, lower($6::text), $7,
             $8, $9, 'sosialisasi', $10, $11, $12)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      meeting.copId,
      meeting.heldAt,
      meeting.year,
      meeting.quarter,
      meeting.mode,
      meeting.topic,
      meeting.agenda,
      meeting.minutes,
      meeting.durationMinutes,
      meeting.minutesVisibility,
      meeting.createdBy,
      meeting.minutesAt,
    ],
  );
  return row?.id;
}

/** Who attended, each with the OPD they belonged to then. */
export async function addDemoAttendees(
  m: EntityManager,
  meetingId: string,
  attendees: readonly { userId: string; opdId: string }[],
): Promise<void> {
  await m.query(
    `INSERT INTO meeting_attendees (meeting_id, user_id, opd_id)
     SELECT $1, u, o FROM unnest($2::uuid[], $3::uuid[]) AS a(u, o) ON CONFLICT DO NOTHING`,
    [meetingId, attendees.map((a) => a.userId), attendees.map((a) => a.opdId)],
  );
}

/** The asset came out of the meeting. */
export async function addDemoMeetingOutput(
  m: EntityManager,
  meetingId: string,
  assetId: string,
): Promise<void> {
  await m.query(
    `INSERT INTO meeting_outputs (meeting_id, asset_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [meetingId, assetId],
  );
}
