import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { CommonErrors, isUuid } from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';
import { AssetsService, AssetUsageRecorder, readerOf } from '@lumbung/knowledge';
import { SearchLogService } from '../search-log.service';

/** A click on a search result: the caller's own search, an asset they may read; else 404. */
@Injectable()
export class SearchClicksService {
  constructor(
    private readonly assets: AssetsService,
    private readonly log: SearchLogService,
    private readonly usage: AssetUsageRecorder,
  ) {}

  async record(
    principal: Principal | undefined,
    req: Request,
    searchId: string,
    click: { assetId: string; position: number },
  ): Promise<void> {
    const reader = readerOf(principal);
    const asset = isUuid(searchId)
      ? await this.assets.findReadable(principal, click.assetId)
      : null;
    if (!asset) throw CommonErrors.notFound();
    const actor = {
      userId: reader?.userId,
      opdId: reader?.opdId,
      client: this.usage.actor(principal, req).key,
    };
    if (!(await this.log.click(actor, searchId, click.assetId, click.position)))
      throw CommonErrors.notFound();
    await this.usage.recordClick(principal, req, asset, searchId, click.position);
  }
}
