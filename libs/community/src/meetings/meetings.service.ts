import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, CommonErrors, wibPeriod, IdempotencyStore } from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';
import { AssetsService } from '@lumbung/knowledge';
import { CommunityErrors } from '../community.errors';
import { runsCop, seesCopActivity } from '../cops/cop.policy';
import { CopsService } from '../cops/cops.service';
import type { CreateMeetingDto } from './dto/create-meeting.dto';
import type { ListMeetingsQueryDto } from './dto/list-meetings-query.dto';
import type { UpdateMeetingDto } from './dto/update-meeting.dto';
import { MeetingAccess } from './meeting-access';
import { MeetingAttendeesService } from './meeting-attendees.service';
import { type MeetingRow, meetingColumns } from './meeting-row';
import type { MeetingAttendeeRow } from './meeting.presenter';
import { AWARD_YEAR_LOCK, type AwardYearLock } from './award-year-lock.port';
import { touchMeetings } from './meeting-search';
import { MeetingAnnouncer } from './meeting-announcer';
import { normalizeTopic } from './topic';

/** Clocks drift: a meeting "now" on a slightly fast phone is not in the future. */
const FUTURE_GRACE_MS = 5 * 60_000;

/**
 * The meeting log: logging, correcting and deleting meetings (who may: MeetingAccess), with
 * their attendees (MeetingAttendeesService) and output assets.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cops: CopsService,
    private readonly assets: AssetsService,
    private readonly access: MeetingAccess,
    private readonly attendees: MeetingAttendeesService,
    private readonly audit: AuditService,
    private readonly announce: MeetingAnnouncer,
    private readonly idempotency: IdempotencyStore,
    @Optional() @Inject(AWARD_YEAR_LOCK) private readonly awardYears?: AwardYearLock,
  ) {}

  async list(p: Principal, copId: string, q: ListMeetingsQueryDto): Promise<MeetingRow[]> {
    const cop = await this.cops.get(undefined, copId);
    if (!seesCopActivity(p, cop)) throw CommonErrors.notFound();
    return this.ds.query<MeetingRow[]>(
      `SELECT ${meetingColumns()} FROM meetings WHERE cop_id = $1 AND ($2::int IS NULL OR year = $2) AND ($3::int IS NULL OR quarter = $3)
        ORDER BY held_at DESC, id`,
      [copId, q.year ?? null, q.quarter ?? null],
    );
  }

  async create(p: Principal, copId: string, dto: CreateMeetingDto): Promise<MeetingRow> {
    const cop = await this.cops.get(undefined, copId);
    if (!runsCop(p, cop))
      throw seesCopActivity(p, cop) ? CommonErrors.forbidden() : CommonErrors.notFound();
    const heldAt = new Date(dto.heldAt);
    const period = await this.checkDate(heldAt);
    const attendees = await this.attendees.resolve(dto.attendeeIds ?? [], dto.attendeeNips ?? []);
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
      await this.attendees.write(tx, row.id, heldAt, attendees);
      await this.writeOutputs(tx, row.id, outputs);
      await this.audit.record(tx, {
        actorId: p.userId,
        action: 'meeting_logged',
        targetType: 'meeting',
        targetId: row.id,
      });
      await touchMeetings(tx, [row.id]);
      await this.announce.logged(tx, cop, { id: row.id, topic: dto.topic }, p.userId);
      return row.id;
    });
    return this.get(p, id);
  }

  async get(p: Principal, id: string): Promise<MeetingRow> {
    return (await this.access.findFor(this.ds.manager, p, id, 'read')).meeting;
  }

  async update(p: Principal, id: string, dto: UpdateMeetingDto): Promise<MeetingRow> {
    const { meeting } = await this.access.findFor(this.ds.manager, p, id, 'write');
    await this.checkDate(meeting.heldAt);
    const heldAt = dto.heldAt ? new Date(dto.heldAt) : meeting.heldAt;
    const period = dto.heldAt
      ? await this.checkDate(heldAt)
      : { date: meeting.heldDateWib, year: meeting.year, quarter: meeting.quarter };
    const topic = dto.topic ?? meeting.topic;
    const attendees =
      dto.attendeeIds || dto.attendeeNips
        ? await this.attendees.resolve(dto.attendeeIds ?? [], dto.attendeeNips ?? [])
        : undefined;
    const outputs = dto.outputAssetIds ? await this.checkOutputs(p, dto.outputAssetIds) : undefined;
    await this.ds.transaction(async (tx) => {
      if (dto.heldAt || dto.topic)
        await this.assertNotDuplicate(tx, meeting.copId, period.date, topic, id);
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
      if (attendees || dto.heldAt) await this.attendees.rewrite(tx, id, heldAt, attendees);
      if (outputs) {
        await tx.query(`DELETE FROM meeting_outputs WHERE meeting_id = $1`, [id]);
        await this.writeOutputs(tx, id, outputs);
      }
      await this.audit.record(tx, {
        actorId: p.userId,
        action: 'meeting_updated',
        targetType: 'meeting',
        targetId: id,
      });
      await touchMeetings(tx, [id]);
    });
    return this.get(p, id);
  }

  async remove(p: Principal, id: string): Promise<void> {
    const { meeting } = await this.access.findFor(this.ds.manager, p, id, 'write');
    await this.checkDate(meeting.heldAt);
    await this.ds.transaction(async (tx) => {
      await tx.query(`DELETE FROM meetings WHERE id = $1`, [id]);
      await this.audit.record(tx, {
        actorId: p.userId,
        action: 'meeting_deleted',
        targetType: 'meeting',
        targetId: id,
      });
      await touchMeetings(tx, [id]);
    });
  }

  async details(ids: string[]): Promise<{
    attendees: Map<string, MeetingAttendeeRow[]>;
    outputs: Map<string, string[]>;
    files: Map<string, string[]>;
  }> {
    const group = <T extends { meetingId: string }>(rows: T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(r.meetingId, [...(m.get(r.meetingId) ?? []), r]);
      return m;
    };
    const attendees = await this.ds.query<MeetingAttendeeRow[]>(
      `SELECT a.meeting_id AS "meetingId", a.user_id AS "userId", u.name, o.code AS "opdCode"
         FROM meeting_attendees a JOIN identity_people u ON u.id = a.user_id JOIN identity_opds o ON o.id = a.opd_id
        WHERE a.meeting_id = ANY($1::uuid[]) ORDER BY u.name`,
      [ids],
    );
    const outputs = await this.ds.query<{ meetingId: string; assetId: string }[]>(
      `SELECT meeting_id AS "meetingId", asset_id AS "assetId" FROM meeting_outputs WHERE meeting_id = ANY($1::uuid[]) ORDER BY asset_id`,
      [ids],
    );
    const files = await this.ds.query<{ meetingId: string; id: string }[]>(
      `SELECT meeting_id AS "meetingId", id FROM knowledge_meeting_files WHERE meeting_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [ids],
    );
    return {
      attendees: group(attendees),
      outputs: new Map([...group(outputs)].map(([k, v]) => [k, v.map((x) => x.assetId)])),
      files: new Map([...group(files)].map(([k, v]) => [k, v.map((x) => x.id)])),
    };
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

  private async checkOutputs(p: Principal, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const readable = new Set(await this.assets.readableIds(p, unique));
    const missing = unique.filter((id) => !readable.has(id));
    if (missing.length > 0) throw CommunityErrors.unreadableOutputs(missing);
    return unique;
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
