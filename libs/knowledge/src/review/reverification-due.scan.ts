import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationScans, Notifier } from '@lumbung/notifications';
import { REVERIFY_SOON_DAYS } from './review-queue.repository';

/**
 * The daily scan that tells an OPD's verifiers (not the asset's authors, who may not verify it)
 * that a published asset's review date has come within 30 days or passed. The event key names
 * the due date: once per due date, however often the scan runs; a re-verification sets a new one.
 */
@Injectable()
export class ReverificationDueScan implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scans: NotificationScans,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.scans.register({ name: 'reverification_due', run: () => this.run() });
  }

  async run(): Promise<void> {
    const due = await this.ds.query<
      { id: string; title: string; opdId: string; authorIds: string[]; due: string }[]
    >(
      `SELECT id, title, opd_id AS "opdId", author_ids AS "authorIds", (review_due_at AT TIME ZONE 'Asia/Jakarta')::date::text AS due
         FROM assets
        WHERE status = 'published' AND review_due_at < now() + make_interval(days => $1)
        ORDER BY review_due_at, id`,
      [REVERIFY_SOON_DAYS],
    );
    for (const a of due) {
      await this.ds.transaction((tx) =>
        this.notifier.notify(tx, {
          type: 'reverification_due',
          key: `reverification_due:${a.id}:${a.due}`,
          to: { verifiersOf: a.opdId },
          except: a.authorIds,
          link: `/tinjauan/${a.id}`,
          params: { assetTitle: a.title, dueDate: a.due },
        }),
      );
    }
  }
}
