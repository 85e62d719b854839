import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { wibPeriod } from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';
import { readablePredicate, readerOf } from '@lumbung/knowledge';
import { periodDays } from '../rollup/periods';
import type { PopularAssetsDto } from './dto/popular-assets.dto';
import { presentPopularAssets, type PopularAssetRow } from './popular-assets.presenter';

/**
 * "Paling banyak dipakai Triwulan ini": the current WIB Triwulan's rollups ranked by use
 * (distinct readers + downloads + reuse reports, then views). Only published assets the caller
 * may read are ranked (the read rules are part of the query, so the list is never short of
 * readable rows and never names another); no counts are returned, since an asset's usage
 * belongs to its OPD's metrics.
 */
@Injectable()
export class PopularAssetsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async current(principal: Principal, limit: number, now = new Date()): Promise<PopularAssetsDto> {
    const { year, quarter } = wibPeriod(now);
    const { first, last } = periodDays(year, quarter);
    const readable = readablePredicate('a', readerOf(principal));
    const rows = await this.ds
      .createQueryBuilder()
      .select([
        'a.id AS id',
        'a.title AS title',
        'a.type AS type',
        'o.code AS "opdCode"',
        'a.published_at AS "publishedAt"',
      ])
      .from(
        (sub) =>
          sub
            .select('d.asset_id', 'asset_id')
            .addSelect('sum(d.unique_readers + d.downloads + d.reuse_reports)', 'uses')
            .addSelect('sum(d.views)', 'views')
            .from('usage_daily_asset', 'd')
            .where('d.day BETWEEN :first AND :last', { first, last })
            .groupBy('d.asset_id'),
        'u',
      )
      .innerJoin('assets', 'a', 'a.id = u.asset_id')
      .innerJoin('opds', 'o', 'o.id = a.opd_id')
      .where(`a.status = 'published'`)
      .andWhere(readable.sql, readable.params)
      .andWhere('(u.uses > 0 OR u.views > 0)')
      .orderBy('u.uses', 'DESC')
      .addOrderBy('u.views', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .limit(limit)
      .getRawMany<PopularAssetRow>();
    return presentPopularAssets({ year, quarter }, rows);
  }
}
