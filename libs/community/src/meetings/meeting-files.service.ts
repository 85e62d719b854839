import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { passes } from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';
import { AttachmentsService } from '@lumbung/knowledge';
import { MeetingAccess } from './meeting-access';

/**
 * A meeting's files (photos, attendance sheets): uploaded by those who may change the meeting,
 * read by those who may read it.
 */
@Injectable()
export class MeetingFilesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly attachments: AttachmentsService,
    private readonly access: MeetingAccess,
  ) {}

  onModuleInit(): void {
    this.attachments.registerMeetingGuard({
      canRead: (p, id) => passes(this.access.findFor(this.ds.manager, p, id, 'read')),
      canWrite: (tx, p, id) => passes(this.access.findFor(tx ?? this.ds.manager, p, id, 'write')),
    });
  }

  async attach(p: Principal, id: string, req: Request, res: Response): Promise<string[]> {
    await this.access.findFor(this.ds.manager, p, id, 'write');
    return this.attachments.uploadForMeeting(p.userId, id, req, res, async (tx) => {
      // Holds the meeting while its files are added, and re-checks access on the same connection.
      await tx.query(`SELECT 1 FROM meetings WHERE id = $1 FOR UPDATE`, [id]);
      await this.access.findFor(tx, p, id, 'write');
    });
  }
}
