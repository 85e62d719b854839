import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserDirectory } from '@lumbung/identity';
import { NotificationScans, Notifier } from '@lumbung/notifications';
import { wibDay } from '@lumbung/platform';

/** An interview not yet held is "due" from this many days before its target date. */
export const INTERVIEW_DUE_DAYS = 7;

/**
 * The daily scan that tells the interviewer of a planned retention interview that its target
 * date is within a week (or has passed). Only the interviewer, who was named on the plan and may
 * read it; the key names the target date, so a moved date is announced again, once.
 */
@Injectable()
export class InterviewDueScan implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scans: NotificationScans,
    private readonly notifier: Notifier,
    private readonly users: UserDirectory,
  ) {}

  onModuleInit(): void {
    this.scans.register({ name: 'retention_interview_due', run: () => this.run() });
  }

  async run(now = new Date()): Promise<void> {
    const due = await this.ds.query<
      { id: string; userId: string; interviewerId: string; targetDate: string }[]
    >(
      `SELECT id, user_id AS "userId", interviewer_id AS "interviewerId", target_date::text AS "targetDate"
         FROM retention_plans
        WHERE state = 'direncanakan' AND target_date <= $1::date + $2::int
        ORDER BY target_date, id`,
      [wibDay(now), INTERVIEW_DUE_DAYS],
    );
    const people = await this.users.byIds([...new Set(due.map((p) => p.userId))]);
    for (const plan of due) {
      await this.ds.transaction((tx) =>
        this.notifier.notify(tx, {
          type: 'retention_interview_due',
          key: `retention_interview_due:${plan.id}:${plan.targetDate}`,
          to: { userIds: [plan.interviewerId] },
          link: `/orang/${plan.userId}`,
          params: {
            personName: people.get(plan.userId)?.name ?? '',
            dueDate: plan.targetDate,
          },
        }),
      );
    }
  }
}
