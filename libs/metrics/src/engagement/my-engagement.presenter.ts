import type { MyAssetRefDto } from './dto/my-asset-ref.dto';
import type { MyEndorsementDto } from './dto/my-endorsement.dto';
import type { MyReuseReportDto } from './dto/my-reuse-report.dto';

/** The asset of one of the caller's rows, and whether the caller may still read it. */
export interface MyAssetColumns {
  assetId: string;
  title: string;
  type: string;
  opdCode: string;
  readable: boolean;
}

export type MyEndorsementRow = MyAssetColumns & { createdAt: Date };
export type MyReuseReportRow = MyAssetColumns & { id: string; story: string; createdAt: Date };

/** The caller's endorsements and reuse reports as the API answers them: pure, no reads. */
export function presentMyEndorsement(r: MyEndorsementRow): MyEndorsementDto {
  return { asset: presentMyAssetRef(r), endorsedAt: r.createdAt.toISOString() };
}

export function presentMyReuseReport(r: MyReuseReportRow): MyReuseReportDto {
  return {
    id: r.id,
    story: r.story,
    createdAt: r.createdAt.toISOString(),
    asset: presentMyAssetRef(r),
  };
}

/** An asset the caller may no longer read is named by nothing (null). */
export function presentMyAssetRef(r: MyAssetColumns): MyAssetRefDto | null {
  return r.readable ? { id: r.assetId, title: r.title, type: r.type, opdCode: r.opdCode } : null;
}
