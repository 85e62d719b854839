import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Reader, readablePredicate } from '../assets/asset-read.rule';
import { AssetEntity } from '../assets/asset.entity';

/** The lists a verifier works through: what came in, what falls due for re-verification. */
export type ReviewList = 'submitted' | 'overdue' | 'soon';

/** "Soon" for re-verification: due within this many days. */
export const REVERIFY_SOON_DAYS = 30;

const LISTS: Record<ReviewList, { where: string; order: [string, 'ASC' | 'DESC'] }> = {
  submitted: { where: `a.status = 'submitted'`, order: ['a.submitted_at', 'ASC'] },
  overdue: {
    where: `a.status = 'published' AND a.review_due_at < now()`,
    order: ['a.review_due_at', 'ASC'],
  },
  soon: {
    where: `a.status = 'published' AND a.review_due_at >= now()
            AND a.review_due_at < now() + make_interval(days => ${REVERIFY_SOON_DAYS})`,
    order: ['a.review_due_at', 'ASC'],
  },
};

@Injectable()
export class ReviewQueueRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * One page of a review list over the OPDs the reader verifies, the longest-waiting first
   * (oldest submission, or earliest due date). Scoped in the query, with the read rules too.
   */
  async page(
    reader: Reader,
    list: ReviewList,
    page: number,
    limit: number,
  ): Promise<[AssetEntity[], number]> {
    if (reader.verifierOpdIds.length === 0) return [[], 0];
    const pred = readablePredicate('a', reader);
    const { where, order } = LISTS[list];
    return this.ds
      .getRepository(AssetEntity)
      .createQueryBuilder('a')
      .where(pred.sql, pred.params)
      .andWhere('a.opd_id = ANY(:opds::uuid[])', { opds: reader.verifierOpdIds })
      .andWhere(where)
      .orderBy(order[0], order[1], 'NULLS LAST')
      .addOrderBy('a.id', 'ASC')
      .skip((page - 1) * limit)
      .take(limit)
      .getManyAndCount();
  }

  /** Attachments that count for completeness (not waiting for a virus scan), per asset. */
  async attachmentCounts(assetIds: readonly string[]): Promise<Map<string, number>> {
    if (assetIds.length === 0) return new Map();
    const rows = await this.ds.query<{ asset_id: string; n: number }[]>(
      `SELECT asset_id, count(*)::int AS n FROM attachments
        WHERE asset_id = ANY($1::uuid[]) AND scan_status <> 'pending_scan' GROUP BY asset_id`,
      [assetIds],
    );
    return new Map(rows.map((r) => [r.asset_id, r.n]));
  }
}
