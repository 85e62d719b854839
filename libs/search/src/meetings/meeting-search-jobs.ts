import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { enqueueJobs, JobRunner, QUEUES } from '@lumbung/platform';
import { AssetIndex, type AssetSearchDocument, MEETING_DOC_PREFIX } from '../asset-index';
import { stripMarkers } from '../highlight';
import { stemsOf } from '../indonesian-stem';

interface Row {
  id: string;
  topic: string;
  agenda: string;
  minutes: string;
  heldAt: Date;
  updatedAt: Date;
  copId: string;
  opdId: string;
  opdCode: string;
  copName: string;
  evidenceText: string | null;
  minutesVisibility: string;
}

/**
 * Meeting minutes in search, as their own hit kind, readable by the CoP's members and its host
 * OPD (the access filter's `meeting` clause), built from community's contract views. Delivered by
 * the worker like asset documents (community writes `search.meeting` for every changed meeting;
 * after a rebuild every meeting is queued again).
 */
@Injectable()
export class MeetingSearchJobs implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly runner: JobRunner,
    private readonly index: AssetIndex,
  ) {}

  onModuleInit(): void {
    this.runner.registerBatch({
      queue: QUEUES.searchMeeting,
      batchSize: 500,
      handleBatch: (payloads) => this.sync(payloads.map((p) => p.meetingId)),
    });
    this.runner.register({
      queue: QUEUES.searchRebuilt,
      handle: async () => {
        const rows = await this.ds.query<{ id: string }[]>(`SELECT id FROM community_meetings`);
        await enqueueJobs(
          this.ds.manager,
          QUEUES.searchMeeting,
          rows.map((r) => ({ payload: { meetingId: r.id }, dedupeKey: r.id })),
        );
      },
    });
  }

  async sync(ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    const rows = await this.ds.query<Row[]>(
      `SELECT mt.id, mt.topic, mt.agenda, mt.minutes, mt.held_at AS "heldAt", mt.updated_at AS "updatedAt",
              mt.cop_id AS "copId", c.opd_id AS "opdId", mt.minutes_visibility AS "minutesVisibility",
              o.code AS "opdCode", c.name AS "copName",
              (SELECT string_agg(f.extracted_text, E'\\n') FROM knowledge_meeting_files f
                WHERE f.meeting_id = mt.id AND f.text_status = 'extracted' AND f.scan_status <> 'pending_scan')
                AS "evidenceText"
         FROM community_meetings mt JOIN community_cops c ON c.id = mt.cop_id JOIN identity_opds o ON o.id = c.opd_id
        WHERE mt.id = ANY($1::uuid[])`,
      [unique],
    );
    const docs: AssetSearchDocument[] = rows.map((r) => ({
      id: `${MEETING_DOC_PREFIX}${r.id}`,
      kind: 'meeting',
      type: 'meeting',
      title: stripMarkers(r.topic),
      tags: [],
      summary: stripMarkers(r.agenda).slice(0, 2000),
      sections: stripMarkers(r.copName),
      body: stripMarkers(r.minutes).slice(0, 100_000),
      attachmentText: stripMarkers(r.evidenceText ?? '').slice(0, 100_000),
      authorNames: [],
      authorIds: [],
      stems: stemsOf(`${r.topic} ${r.agenda} ${r.minutes}`),
      opdId: r.opdId,
      opdCode: r.opdCode,
      copId: r.copId,
      // Published minutes are `internal`; otherwise the CoP's members and its host OPD.
      visibility: r.minutesVisibility === 'internal' ? 'internal' : 'meeting',
      publishedAt: r.heldAt.getTime(),
      updatedAt: r.updatedAt.getTime(),
      stamp: String(r.updatedAt.getTime()),
    }));
    await this.index.upsert(docs);
    const found = new Set(rows.map((r) => r.id));
    await this.index.remove(
      unique.filter((id) => !found.has(id)).map((id) => `${MEETING_DOC_PREFIX}${id}`),
    );
  }
}
