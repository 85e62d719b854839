import type { UserSummary } from '@lumbung/identity';
import type { AssetEntity } from '../assets/asset.entity';
import { personRef } from '../assets/asset.presenter';
import { computeCompleteness } from '../assets/completeness';
import type { AssetSummaryDto } from '../assets/dto/asset-summary.dto';
import type { ReviewItemDto } from './dto/review-item.dto';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * One asset in a verifier's queue: its summary, its authors from the directory the caller
 * loaded, whether the caller wrote it, and what it still lacks.
 */
export function presentReviewItem(
  a: AssetEntity,
  summary: AssetSummaryDto,
  people: Map<string, Pick<UserSummary, 'name' | 'opdCode'>>,
  attachmentCount: number,
  callerId: string,
): ReviewItemDto {
  return {
    ...summary,
    authors: a.authorIds.map((id) => personRef(id, people.get(id))),
    byCaller: a.authorIds.includes(callerId),
    submittedAt: iso(a.submittedAt),
    verifiedAt: iso(a.verifiedAt),
    reviewDueAt: iso(a.reviewDueAt),
    missing: computeCompleteness({ ...a, attachmentCount }).missing,
  };
}
