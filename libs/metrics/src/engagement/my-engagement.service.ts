import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Page } from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';
import { readablePredicate, readerOf } from '@lumbung/knowledge';
import type { MyEndorsementDto } from './dto/my-endorsement.dto';
import type { MyReuseReportDto } from './dto/my-reuse-report.dto';
import {
  presentMyEndorsement,
  presentMyReuseReport,
  type MyEndorsementRow,
  type MyReuseReportRow,
} from './my-engagement.presenter';

/**
 * The caller's own endorsements and reuse reports, newest first. Rows are the caller's alone;
 * an asset they may no longer read is listed without its id or title (the same read rules as
 * every other path, evaluated in the query).
 */
@Injectable()
export class MyEngagementService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async endorsements(
    principal: Principal,
    q: { page: number; limit: number },
  ): Promise<Page<MyEndorsementDto>> {
    const qb = this.withAsset(principal, 'asset_endorsements', 'e')
      .addSelect('e.created_at', 'createdAt')
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.asset_id', 'ASC');
    const [rows, total] = await this.paged<MyEndorsementRow>(
      qb,
      'asset_endorsements',
      principal,
      q,
    );
    return {
      items: rows.map(presentMyEndorsement),
      total,
      ...q,
    };
  }

  async reuseReports(
    principal: Principal,
    q: { page: number; limit: number },
  ): Promise<Page<MyReuseReportDto>> {
    const qb = this.withAsset(principal, 'asset_reuse_reports', 'r')
      .addSelect(['r.id AS id', 'r.story AS story', 'r.created_at AS "createdAt"'])
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'ASC');
    const [rows, total] = await this.paged<MyReuseReportRow>(
      qb,
      'asset_reuse_reports',
      principal,
      q,
    );
    return {
      items: rows.map(presentMyReuseReport),
      total,
      ...q,
    };
  }

  /** The caller's rows of `table`, each with its asset and whether the caller may read it. */
  private withAsset(
    principal: Principal,
    table: string,
    alias: string,
  ): SelectQueryBuilder<object> {
    const readable = readablePredicate('a', readerOf(principal));
    return this.ds
      .createQueryBuilder()
      .from(table, alias)
      .innerJoin('assets', 'a', `a.id = ${alias}.asset_id`)
      .innerJoin('opds', 'o', 'o.id = a.opd_id')
      .select([`${alias}.asset_id AS "assetId"`, 'a.title AS title', 'a.type AS type'])
      .addSelect('o.code', 'opdCode')
      .addSelect(`(${readable.sql})`, 'readable')
      .setParameters(readable.params)
      .where(`${alias}.user_id = :me`, { me: principal.userId });
  }

  private async paged<T>(
    qb: SelectQueryBuilder<object>,
    table: 'asset_endorsements' | 'asset_reuse_reports',
    principal: Principal,
    q: { page: number; limit: number },
  ): Promise<[T[], number]> {
    const [rows, [count]] = await Promise.all([
      qb
        .offset((q.page - 1) * q.limit)
        .limit(q.limit)
        .getRawMany<T>(),
      this.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [
        principal.userId,
      ]),
    ]);
    return [rows, count.n];
  }
}
