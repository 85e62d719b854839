import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CommonErrors, type Language, type LocalizedText } from '@lumbung/platform';
import { type PersonLookup, type Principal, UserDirectory } from '@lumbung/identity';
import { CommunityErrors } from '../community.errors';
import { runsCop } from '../cops/cop.policy';
import { CopsService } from '../cops/cops.service';
import { readAttendanceSheet, type SheetEntry } from './attendance-sheet';
import type { AttendancePreviewDto } from './dto/attendance-preview.dto';
import type { AttendanceRowDto } from './dto/attendance-row.dto';

const ROW_MESSAGES: Record<string, LocalizedText> = {
  found: { id: 'Ditemukan; akan dicatat hadir.', en: 'Found; will be recorded as present.' },
  unknown: {
    id: 'NIP ini tidak dikenal atau tidak aktif di portal.',
    en: 'This NIP is unknown or inactive in the portal.',
  },
  duplicate: {
    id: 'NIP ini sudah ada di baris sebelumnya; dihitung sekali.',
    en: 'This NIP appears in an earlier row; counted once.',
  },
  empty: { id: 'Kolom NIP kosong.', en: 'The NIP cell is empty.' },
  format: { id: 'Bukan NIP: NIP terdiri atas 18 angka.', en: 'Not a NIP: a NIP has 18 digits.' },
  imprecise: {
    id: 'Excel menyimpan NIP ini sebagai angka sehingga digit terakhirnya hilang; format kolom NIP sebagai teks.',
    en: 'Excel stored this NIP as a number and lost its last digits; format the NIP column as text.',
  },
};

/**
 * A meeting's attendees: finding people to record, reading an attendance sheet, and storing each
 * attendee with the OPD they belonged to on the date.
 */
@Injectable()
export class MeetingAttendeesService {
  constructor(
    private readonly cops: CopsService,
    private readonly users: UserDirectory,
  ) {}

  /**
   * The attendee picker: people by name or NIP with their OPD, for those who record who attended
   * (the CoP's leads and host OPD's admins) and admins, who manage members and read every user
   * anyway. To anyone else the route does not exist (404), so it is no way to list the staff.
   */
  async lookupPeople(
    p: Principal,
    copId: string,
    q: string,
    limit: number,
  ): Promise<PersonLookup[]> {
    const cop = await this.cops.get(undefined, copId);
    if (!runsCop(p, cop) && !p.isAdmin) throw CommonErrors.notFound();
    return this.users.lookup(q, limit);
  }

  /**
   * An attendance sheet read row by row against the portal's people, saving nothing: the form
   * shows the report and adds the people found. For those who log this CoP's meetings (404 to
   * others: it turns NIPs into names).
   */
  async previewAttendance(
    p: Principal,
    copId: string,
    file: Buffer | undefined,
    lang: Language,
  ): Promise<AttendancePreviewDto> {
    const cop = await this.cops.get(undefined, copId);
    if (!runsCop(p, cop)) throw CommonErrors.notFound();
    if (!file) throw CommunityErrors.attendanceSheet('missing');
    const sheet = await readAttendanceSheet(file);
    if (!sheet.ok) throw CommunityErrors.attendanceSheet(sheet.problem);
    const nips = [...new Set(sheet.entries.flatMap((e) => (e.nip ? [e.nip] : [])))];
    const people = await this.users.byNips(nips);
    const seen = new Set<string>();
    const rows = sheet.entries.map((e) => this.reportRow(e, people, seen, lang));
    const count = (s: AttendanceRowDto['status']) => rows.filter((r) => r.status === s).length;
    return {
      rows,
      found: count('found'),
      unknown: count('unknown'),
      duplicate: count('duplicate'),
      invalid: count('invalid'),
    };
  }

  private reportRow(
    e: SheetEntry,
    people: Awaited<ReturnType<UserDirectory['byNips']>>,
    seen: Set<string>,
    lang: Language,
  ): AttendanceRowDto {
    const say = (t: LocalizedText) => t[lang];
    const base = { row: e.row, ...(e.name ? { name: e.name.slice(0, 200) } : {}) };
    if (!e.nip) {
      return {
        ...base,
        nip: e.rawNip.slice(0, 40),
        status: 'invalid',
        message: say(ROW_MESSAGES[e.problem ?? 'format']),
      };
    }
    if (seen.has(e.nip)) {
      return { ...base, nip: e.nip, status: 'duplicate', message: say(ROW_MESSAGES.duplicate) };
    }
    seen.add(e.nip);
    const person = people.get(e.nip);
    if (!person?.active) {
      return { ...base, nip: e.nip, status: 'unknown', message: say(ROW_MESSAGES.unknown) };
    }
    return {
      row: e.row,
      nip: e.nip,
      name: person.name,
      userId: person.id,
      opdCode: person.opdCode,
      status: 'found',
      message: say(ROW_MESSAGES.found),
    };
  }

  /** Attendees by id and/or NIP; any unknown one refuses the whole meeting (reported by NIP). */
  async resolve(ids: string[], nips: string[]): Promise<string[]> {
    const byId = await this.users.byIds([...new Set(ids)]);
    const byNip = await this.users.byNips([...new Set(nips)]);
    const unknownNips = [...new Set(nips)].filter((n) => !byNip.has(n));
    const unknownIds = [...new Set(ids)].filter((i) => !byId.has(i));
    if (unknownNips.length > 0) throw CommunityErrors.unknownUsers('attendeeNips', unknownNips);
    if (unknownIds.length > 0) throw CommunityErrors.unknownUsers('attendeeIds', unknownIds);
    return [...new Set([...byId.keys(), ...[...byNip.values()].map((u) => u.id)])];
  }

  /** Stores the attendees again (the given ones, or the same people re-dated to `heldAt`). */
  async rewrite(
    tx: EntityManager,
    meetingId: string,
    heldAt: Date,
    attendees: string[] | undefined,
  ): Promise<void> {
    const keep =
      attendees ??
      (
        await tx.query<{ userId: string }[]>(
          `SELECT user_id AS "userId" FROM meeting_attendees WHERE meeting_id = $1`,
          [meetingId],
        )
      ).map((r) => r.userId);
    await tx.query(`DELETE FROM meeting_attendees WHERE meeting_id = $1`, [meetingId]);
    await this.write(tx, meetingId, heldAt, keep);
  }

  /** Each attendee with the OPD they belonged to at the meeting time (user_opd_history). */
  async write(
    tx: EntityManager,
    meetingId: string,
    heldAt: Date,
    userIds: string[],
  ): Promise<void> {
    if (userIds.length === 0) return;
    await tx.query(
      `INSERT INTO meeting_attendees (meeting_id, user_id, opd_id)
       SELECT $1, u.id, COALESCE(
                (SELECT h.opd_id FROM user_opd_history h
                  WHERE h.user_id = u.id AND h.valid_from <= $2 AND (h.valid_to IS NULL OR h.valid_to > $2)
                  ORDER BY h.valid_from DESC LIMIT 1),
                u.opd_id)
         FROM identity_people u WHERE u.id = ANY($3::uuid[])`,
      [meetingId, heldAt, userIds],
    );
  }
}
