import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AwardYearLock } from '@lumbung/community';
import { AwardErrors } from './award.errors';

/** libs/community's port: no meeting is logged, changed or removed inside a finalised year. */
@Injectable()
export class MeetingYearLock implements AwardYearLock {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async assertMeetingsOpen(tx: EntityManager | undefined, year: number): Promise<void> {
    const finalized = await (tx ?? this.ds.manager).query<unknown[]>(
      `SELECT 1 FROM award_years WHERE year = $1 AND finalized_at IS NOT NULL`,
      [year],
    );
    if (finalized.length > 0) throw AwardErrors.finalized(year, 'meetings');
  }
}
