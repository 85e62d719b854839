import { Injectable } from '@nestjs/common';
import type { Page } from '@lumbung/platform';
import { type Principal, UserDirectory } from '@lumbung/identity';
import { readerOf } from '../assets/asset-read.rule';
import type { AssetEntity } from '../assets/asset.entity';
import { AssetViewService } from '../assets/asset-view.service';
import { computeCompleteness } from '../assets/completeness';
import type { ReviewItemDto } from './dto/review-item.dto';
import { type ReviewList, ReviewQueueRepository } from './review-queue.repository';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * What waits for a verifier in the OPDs they verify: submissions (the oldest first) and published
 * assets whose review date has passed or comes within 30 days. Others' OPDs never appear.
 */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly repo: ReviewQueueRepository,
    private readonly view: AssetViewService,
    private readonly users: UserDirectory,
  ) {}

  async list(
    principal: Principal,
    list: ReviewList,
    q: { page: number; limit: number },
  ): Promise<Page<ReviewItemDto>> {
    const reader = readerOf(principal)!;
    const [assets, total] = await this.repo.page(reader, list, q.page, q.limit);
    return { items: await this.present(assets, principal.userId), total, ...q };
  }

  private async present(assets: AssetEntity[], callerId: string): Promise<ReviewItemDto[]> {
    const ids = assets.map((a) => a.id);
    const [summaries, people, attachments] = await Promise.all([
      this.view.summaries(assets),
      this.users.byIds([...new Set(assets.flatMap((a) => a.authorIds))]),
      this.repo.attachmentCounts(ids),
    ]);
    return assets.map((a, i) => ({
      ...summaries[i],
      authors: a.authorIds.map((id) => ({
        id,
        name: people.get(id)?.name ?? '',
        opdCode: people.get(id)?.opdCode ?? '',
      })),
      byCaller: a.authorIds.includes(callerId),
      submittedAt: iso(a.submittedAt),
      verifiedAt: iso(a.verifiedAt),
      reviewDueAt: iso(a.reviewDueAt),
      missing: computeCompleteness({ ...a, attachmentCount: attachments.get(a.id) ?? 0 }).missing,
    }));
  }
}
