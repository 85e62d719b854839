import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@lumbung/identity';
import { readablePredicate, readerOf } from '@lumbung/knowledge';

/** Titles of assets named in metrics, for the callers who may read them. */
@Injectable()
export class AssetTitlesReader {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Titles of the assets the caller may read; the rest are absent from the map. */
  async readableTitles(
    principal: Principal,
    ids: string[],
  ): Promise<Map<string, { id: string; title: string; type: string }>> {
    if (ids.length === 0) return new Map();
    const { sql, params } = readablePredicate('a', readerOf(principal));
    const rows = await this.ds
      .createQueryBuilder()
      .select(['a.id AS id', 'a.title AS title', 'a.type AS type'])
      .from('knowledge_assets', 'a')
      .where('a.id = ANY(:ids::uuid[])', { ids })
      .andWhere(sql, params)
      .getRawMany<{ id: string; title: string; type: string }>();
    return new Map(rows.map((r) => [r.id, r]));
  }
}
