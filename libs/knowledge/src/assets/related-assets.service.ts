import { Injectable } from '@nestjs/common';
import type { Principal } from '@lumbung/identity';
import { readerOf } from './asset-read.rule';
import { AssetViewService } from './asset-view.service';
import { AssetsRepository } from './assets.repository';
import { AssetsService } from './assets.service';
import type { AssetSummaryDto } from './dto/asset-summary.dto';

/** How many related assets the asset page shows. */
export const RELATED_LIMIT = 5;

/**
 * "Aset terkait" beside an asset: published assets sharing its tags, type or OPD, ranked in SQL
 * under the caller's read rules. Not a search: nothing is logged as one, and it answers while the
 * search engine is down.
 */
@Injectable()
export class RelatedAssetsService {
  constructor(
    private readonly assets: AssetsService,
    private readonly repo: AssetsRepository,
    private readonly view: AssetViewService,
  ) {}

  /** 404 when the caller may not read the asset itself, exactly as its detail. */
  async related(principal: Principal | undefined, id: string): Promise<AssetSummaryDto[]> {
    const source = await this.assets.get(principal, id);
    const found = await this.repo.findRelated(source, readerOf(principal), RELATED_LIMIT);
    return this.view.summaries(found);
  }
}
