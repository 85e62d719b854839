import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CommonErrors, isUuid } from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';
import type { CopRow } from '../cops/cop-row';
import { runsCop, seesCopActivity } from '../cops/cop.policy';
import { CopsService } from '../cops/cops.service';
import { type MeetingRow, meetingColumns } from './meeting-row';

/**
 * Who may read or change a meeting: its CoP's leads and host OPD's admins write; members, the
 * host OPD, assessors, admins and the meeting's own attendees read.
 */
@Injectable()
export class MeetingAccess {
  constructor(private readonly cops: CopsService) {}

  /** The meeting and its CoP if the caller may read (or, with 'write', change) it; else 404/403. */
  async findFor(
    m: EntityManager,
    p: Principal,
    id: string,
    need: 'read' | 'write',
  ): Promise<{ meeting: MeetingRow; cop: CopRow }> {
    const [meeting] = isUuid(id)
      ? await m.query<MeetingRow[]>(`SELECT ${meetingColumns()} FROM meetings WHERE id = $1`, [id])
      : [];
    if (!meeting) throw CommonErrors.notFound();
    const cop = await this.cops.get(m, meeting.copId);
    // Published minutes are readable by every logged-in ASN; otherwise members and the host OPD,
    // and whoever attended (a guest from another OPD reads the record of their own meeting, not
    // the CoP's other meetings or `cop` assets).
    const readable =
      meeting.minutesVisibility === 'internal' ||
      seesCopActivity(p, cop) ||
      runsCop(p, cop) ||
      (await this.attended(m, p.userId, meeting.id));
    if (!readable) throw CommonErrors.notFound();
    if (need === 'write' && !runsCop(p, cop)) throw CommonErrors.forbidden();
    return { meeting, cop };
  }

  private async attended(m: EntityManager, userId: string, meetingId: string): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `SELECT 1 FROM meeting_attendees WHERE meeting_id = $1 AND user_id = $2`,
      [meetingId, userId],
    );
    return rows.length > 0;
  }
}
