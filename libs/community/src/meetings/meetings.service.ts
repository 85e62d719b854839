import { Inject, Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditService,
  CommonErrors,
  isUuid,
  type Language,
  passes,
  type LocalizedText,
  wibPeriod,
  IdempotencyStore,
} from '@lumbung/platform';
import { type PersonLookup, type Principal, UserDirectory } from '@lumbung/identity';
import { AssetsService, AttachmentsService } from '@lumbung/knowledge';
import { CommunityErrors } from '../community.errors';
import { runsCop, seesCopActivity } from '../cops/cop.policy';
import type { CopRow } from '../cops/cop-row';
import { CopsService } from '../cops/cops.service';
import { readAttendanceSheet, type SheetEntry } from './attendance-sheet';
import type { AttendancePreviewDto } from './dto/attendance-preview.dto';
import type { AttendanceRowDto } from './dto/attendance-row.dto';
import type { CreateMeetingDto } from './dto/create-meeting.dto';
import type { ListMeetingsQueryDto } from './dto/list-meetings-query.dto';
import type { UpdateMeetingDto } from './dto/update-meeting.dto';
import { AWARD_YEAR_LOCK, type AwardYearLock } from './award-year-lock.port';
import { touchMeetings } from './meeting-search';
import { MeetingAnnouncer } from './meeting-announcer';
import { normalizeTopic } from './topic';

/** Clocks drift: a meeting "now" on a slightly fast phone is not in the future. */
const FUTURE_GRACE_MS = 5 * 60_000;

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

/**
 * The meeting log. Only the CoP's leads and its host OPD's admins write; members, the host OPD,
 * assessors, admins and the meeting's own attendees read. Attendees are stored with the OPD they belonged to on the date.
 */
@Injectable()
export class MeetingsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cops: CopsService,
    private readonly users: UserDirectory,
    private readonly assets: AssetsService,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditService,
    private readonly announce: MeetingAnnouncer,
    private readonly idempotency: IdempotencyStore,
    @Optional() @Inject(AWARD_YEAR_LOCK) private readonly awardYears?: AwardYearLock,
  ) {}

  onModuleInit(): void {
    this.attachments.registerMeetingGuard({
      canRead: (p, id) => passes(this.findFor(this.ds.manager, p, id, 'read')),
      canWrite: (p, id, tx) => passes(this.findFor(tx ?? this.ds.manager, p, id, 'write')),
    });
  }

  async list(p: Principal, copId: string, q: ListMeetingsQueryDto): Promise<MeetingRow[]> {
    const cop = await this.cops.get(copId);
    if (!seesCopActivity(p, cop)) throw CommonErrors.notFound();
    return this.ds.query<MeetingRow[]>(
      `SELECT * FROM meetings WHERE cop_id = $1 AND ($2::int IS NULL OR year = $2) AND ($3::int IS NULL OR quarter = $3)
        ORDER BY held_at DESC, id`,
      [copId, q.year ?? null, q.quarter ?? null],
    );
  }

  async create(p: Principal, copId: string, dto: CreateMeetingDto): Promise<MeetingRow> {
    const cop = await this.cops.get(copId);
    if (!runsCop(p, cop))
      throw seesCopActivity(p, cop) ? CommonErrors.forbidden() : CommonErrors.notFound();
    const heldAt = new Date(dto.heldAt);
    const period = await this.checkDate(heldAt);
    const attendees = await this.resolveAttendees(dto.attendeeIds ?? [], dto.attendeeNips ?? []);
    const outputs = await this.checkOutputs(p, dto.outputAssetIds ?? []);
    const id = await this.ds.transaction(async (tx) => {
      await this.assertNotDuplicate(tx, copId, period.date, dto.topic);
      await this.idempotency.markApplied(tx);
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO meetings (cop_id, held_at, held_date_wib, year, quarter, mode, topic, topic_norm, agenda, minutes,
                               duration_minutes, guest_count, seci_mode, created_by, minutes_at, minutes_visibility)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, CASE WHEN $10 <> '' THEN now() END, $15)
         RETURNING id`,
        [
          copId,
          heldAt,
          period.date,
          period.year,
          period.quarter,
          dto.mode,
          dto.topic,
          normalizeTopic(dto.topic),
          dto.agenda ?? '',
          dto.minutes ?? '',
          dto.durationMinutes,
          dto.guestCount ?? 0,
          dto.seciMode ?? null,
          p.userId,
          dto.minutesVisibility ?? 'cop',
        ],
      );
      await this.writeAttendees(tx, row.id, heldAt, attendees);
      await this.writeOutputs(tx, row.id, outputs);
      await this.audit.record(
        { actorId: p.userId, action: 'meeting_logged', targetType: 'meeting', targetId: row.id },
        tx,
      );
      await touchMeetings(tx, [row.id]);
      await this.announce.logged(tx, cop, { id: row.id, topic: dto.topic }, p.userId);
      return row.id;
    });
    return this.get(p, id);
  }

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
    const cop = await this.cops.get(copId);
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
    const cop = await this.cops.get(copId);
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

  async get(p: Principal, id: string): Promise<MeetingRow> {
    return (await this.findFor(this.ds.manager, p, id, 'read')).meeting;
  }

  async update(p: Principal, id: string, dto: UpdateMeetingDto): Promise<MeetingRow> {
    const { meeting } = await this.findFor(this.ds.manager, p, id, 'write');
    await this.checkDate(meeting.held_at);
    const heldAt = dto.heldAt ? new Date(dto.heldAt) : meeting.held_at;
    const period = dto.heldAt
      ? await this.checkDate(heldAt)
      : { date: meeting.held_date_wib, year: meeting.year, quarter: meeting.quarter };
    const topic = dto.topic ?? meeting.topic;
    const attendees =
      dto.attendeeIds || dto.attendeeNips
        ? await this.resolveAttendees(dto.attendeeIds ?? [], dto.attendeeNips ?? [])
        : undefined;
    const outputs = dto.outputAssetIds ? await this.checkOutputs(p, dto.outputAssetIds) : undefined;
    await this.ds.transaction(async (tx) => {
      if (dto.heldAt || dto.topic)
        await this.assertNotDuplicate(tx, meeting.cop_id, period.date, topic, id);
      await tx.query(
        `UPDATE meetings SET held_at = $2, held_date_wib = $3, year = $4, quarter = $5, mode = COALESCE($6, mode),
                topic = $7, topic_norm = $8, agenda = COALESCE($9, agenda), minutes = COALESCE($10, minutes),
                duration_minutes = COALESCE($11, duration_minutes), guest_count = COALESCE($12, guest_count),
                seci_mode = COALESCE($13, seci_mode), minutes_visibility = COALESCE($14, minutes_visibility),
                updated_at = now(),
                minutes_at = CASE WHEN minutes_at IS NULL AND COALESCE($10, minutes) <> '' THEN now() ELSE minutes_at END
          WHERE id = $1`,
        [
          id,
          heldAt,
          period.date,
          period.year,
          period.quarter,
          dto.mode ?? null,
          topic,
          normalizeTopic(topic),
          dto.agenda ?? null,
          dto.minutes ?? null,
          dto.durationMinutes ?? null,
          dto.guestCount ?? null,
          dto.seciMode ?? null,
          dto.minutesVisibility ?? null,
        ],
      );
      if (attendees || dto.heldAt) {
        const keep =
          attendees ??
          (
            await tx.query<{ user_id: string }[]>(
              `SELECT user_id FROM meeting_attendees WHERE meeting_id = $1`,
              [id],
            )
          ).map((r) => r.user_id);
        await tx.query(`DELETE FROM meeting_attendees WHERE meeting_id = $1`, [id]);
        await this.writeAttendees(tx, id, heldAt, keep);
      }
      if (outputs) {
        await tx.query(`DELETE FROM meeting_outputs WHERE meeting_id = $1`, [id]);
        await this.writeOutputs(tx, id, outputs);
      }
      await this.audit.record(
        { actorId: p.userId, action: 'meeting_updated', targetType: 'meeting', targetId: id },
        tx,
      );
      await touchMeetings(tx, [id]);
    });
    return this.get(p, id);
  }

  async remove(p: Principal, id: string): Promise<void> {
    const { meeting } = await this.findFor(this.ds.manager, p, id, 'write');
    await this.checkDate(meeting.held_at);
    await this.ds.transaction(async (tx) => {
      await tx.query(`DELETE FROM meetings WHERE id = $1`, [id]);
      await this.audit.record(
        { actorId: p.userId, action: 'meeting_deleted', targetType: 'meeting', targetId: id },
        tx,
      );
      await touchMeetings(tx, [id]);
    });
  }

  async attach(p: Principal, id: string, req: Request, res: Response): Promise<string[]> {
    await this.findFor(this.ds.manager, p, id, 'write');
    return this.attachments.uploadForMeeting(p.userId, id, req, res, async (tx) => {
      // Holds the meeting while its files are added, and re-checks access on the same connection.
      await tx.query(`SELECT 1 FROM meetings WHERE id = $1 FOR UPDATE`, [id]);
      await this.findFor(tx, p, id, 'write');
    });
  }

  async details(ids: string[]): Promise<{
    attendees: Map<string, { user_id: string; name: string; opd_code: string }[]>;
    outputs: Map<string, string[]>;
    files: Map<string, string[]>;
  }> {
    const group = <T extends { meeting_id: string }>(rows: T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(r.meeting_id, [...(m.get(r.meeting_id) ?? []), r]);
      return m;
    };
    const attendees = await this.ds.query<
      { meeting_id: string; user_id: string; name: string; opd_code: string }[]
    >(
      `SELECT a.meeting_id, a.user_id, u.name, o.code AS opd_code
         FROM meeting_attendees a JOIN identity_people u ON u.id = a.user_id JOIN identity_opds o ON o.id = a.opd_id
        WHERE a.meeting_id = ANY($1::uuid[]) ORDER BY u.name`,
      [ids],
    );
    const outputs = await this.ds.query<{ meeting_id: string; asset_id: string }[]>(
      `SELECT meeting_id, asset_id FROM meeting_outputs WHERE meeting_id = ANY($1::uuid[]) ORDER BY asset_id`,
      [ids],
    );
    const files = await this.ds.query<{ meeting_id: string; id: string }[]>(
      `SELECT meeting_id, id FROM knowledge_meeting_files WHERE meeting_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [ids],
    );
    return {
      attendees: group(attendees),
      outputs: new Map([...group(outputs)].map(([k, v]) => [k, v.map((x) => x.asset_id)])),
      files: new Map([...group(files)].map(([k, v]) => [k, v.map((x) => x.id)])),
    };
  }

  /** The meeting and its CoP if the caller may read (or, with 'write', change) it; else 404/403. */
  private async findFor(
    m: EntityManager,
    p: Principal,
    id: string,
    need: 'read' | 'write',
  ): Promise<{ meeting: MeetingRow; cop: CopRow }> {
    const [meeting] = isUuid(id)
      ? await m.query<MeetingRow[]>(`SELECT * FROM meetings WHERE id = $1`, [id])
      : [];
    if (!meeting) throw CommonErrors.notFound();
    const cop = await this.cops.get(meeting.cop_id, m);
    // Published minutes are readable by every logged-in ASN; otherwise members and the host OPD,
    // and whoever attended (a guest from another OPD reads the record of their own meeting, not
    // the CoP's other meetings or `cop` assets).
    const readable =
      meeting.minutes_visibility === 'internal' ||
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

  /** Not in the future; not inside an award year that has been finalised. */
  private async checkDate(heldAt: Date): Promise<ReturnType<typeof wibPeriod>> {
    if (heldAt.getTime() > Date.now() + FUTURE_GRACE_MS) throw CommunityErrors.futureMeeting();
    const period = wibPeriod(heldAt);
    // Only a process without libs/award lacks the lock, and none of those logs meetings.
    if (!this.awardYears) throw new Error('AWARD_YEAR_LOCK is not provided (import AwardModule)');
    await this.awardYears.assertMeetingsOpen(undefined, period.year);
    return period;
  }

  private async assertNotDuplicate(
    tx: EntityManager,
    copId: string,
    date: string,
    topic: string,
    exceptId?: string,
  ): Promise<void> {
    const [dup] = await tx.query<{ id: string }[]>(
      `SELECT id FROM meetings WHERE cop_id = $1 AND held_date_wib = $2 AND topic_norm = $3 AND id IS DISTINCT FROM $4::uuid`,
      [copId, date, normalizeTopic(topic), exceptId ?? null],
    );
    if (dup) throw CommunityErrors.duplicateMeeting(dup.id);
  }

  /** Attendees by id and/or NIP; any unknown one refuses the whole meeting (reported by NIP). */
  private async resolveAttendees(ids: string[], nips: string[]): Promise<string[]> {
    const byId = await this.users.byIds([...new Set(ids)]);
    const byNip = await this.users.byNips([...new Set(nips)]);
    const unknownNips = [...new Set(nips)].filter((n) => !byNip.has(n));
    const unknownIds = [...new Set(ids)].filter((i) => !byId.has(i));
    if (unknownNips.length > 0) throw CommunityErrors.unknownUsers('attendeeNips', unknownNips);
    if (unknownIds.length > 0) throw CommunityErrors.unknownUsers('attendeeIds', unknownIds);
    return [...new Set([...byId.keys(), ...[...byNip.values()].map((u) => u.id)])];
  }

  private async checkOutputs(p: Principal, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const readable = new Set(await this.assets.readableIds(p, unique));
    const missing = unique.filter((id) => !readable.has(id));
    if (missing.length > 0) throw CommunityErrors.unreadableOutputs(missing);
    return unique;
  }

  /** Each attendee with the OPD they belonged to at the meeting time (user_opd_history). */
  private async writeAttendees(
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

  private async writeOutputs(
    tx: EntityManager,
    meetingId: string,
    assetIds: string[],
  ): Promise<void> {
    if (assetIds.length === 0) return;
    await tx.query(
      `INSERT INTO meeting_outputs (meeting_id, asset_id) SELECT $1, a FROM unnest($2::uuid[]) AS a`,
      [meetingId, assetIds],
    );
  }
}
