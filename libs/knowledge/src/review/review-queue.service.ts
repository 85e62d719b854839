import { Injectable } from '@nestjs/common';
import type { Page } from '@lumbung/platform';
import { type Principal, UserDirectory } from '@lumbung/identity';
import { readerOf } from '../assets/asset-read.rule';
import type { AssetEntity } from '../assets/asset.entity';
import { AssetViewService } from '../assets/asset-view.service';
import type { ReviewItemDto } from './dto/review-item.dto';
import { type ReviewList, ReviewQueueRepository } from './review-queue.repository';
import { presentReviewItem } from './review-queue.presenter';

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
    return assets.map((a, i) =>
      presentReviewItem(a, summaries[i], people, attachments.get(a.id) ?? 0, callerId),
    );
  }
}
