import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { UsageEventLog } from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';
import { AssetsService, AssetUsageRecorder, type UsageAsset } from '@lumbung/knowledge';
import { MetricsErrors } from '../metrics.errors';
import type { EndorsementStateDto } from './dto/endorsement-state.dto';
import type { ReuseReportResponseDto } from './dto/reuse-report-response.dto';
import {
  presentEndorsementState,
  presentReuseReport,
  type EndorsementStateRow,
  type ReuseReportRow,
} from './engagement.presenter';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * Endorsements ("bermanfaat"), reuse reports ("saya terapkan") and shares. Each change and its
 * raw usage event are written in one transaction; a double submit stores one.
 */
@Injectable()
export class EngagementService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly assets: AssetsService,
    private readonly recorder: AssetUsageRecorder,
    private readonly log: UsageEventLog,
  ) {}

  async endorsement(principal: Principal | undefined, id: string): Promise<EndorsementStateDto> {
    const asset = await this.assets.get(principal, id);
    return this.state(asset.id, principal?.userId);
  }

  async endorse(principal: Principal, id: string, req: Request): Promise<EndorsementStateDto> {
    const asset = await this.engageable(principal, id);
    await this.ds.transaction(async (tx) => {
      const added = await tx.query<unknown[]>(
        `INSERT INTO asset_endorsements (asset_id, user_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING asset_id`,
        [asset.id, principal.userId],
      );
      if (added.length > 0) await this.log.record(tx, this.event('endorse', principal, req, asset));
    });
    return this.state(asset.id, principal.userId);
  }

  async withdraw(principal: Principal, id: string, req: Request): Promise<EndorsementStateDto> {
    const asset = await this.assets.get(principal, id);
    await this.ds.transaction(async (tx) => {
      const removed = await tx.query<unknown[]>(
        `WITH d AS (DELETE FROM asset_endorsements WHERE asset_id = $1 AND user_id = $2 RETURNING 1)
         SELECT * FROM d`,
        [asset.id, principal.userId],
      );
      if (removed.length > 0)
        await this.log.record(tx, this.event('endorse_withdraw', principal, req, asset));
    });
    return this.state(asset.id, principal.userId);
  }

  /** Only someone who read the asset before may report applying it; once per person. */
  async reportReuse(
    principal: Principal,
    id: string,
    story: string,
    req: Request,
  ): Promise<ReuseReportResponseDto> {
    const asset = await this.engageable(principal, id);
    const viewed = await this.ds.query<unknown[]>(
      `SELECT 1 FROM usage_events WHERE actor_user_id = $1 AND asset_id = $2 AND type = 'view' LIMIT 1`,
      [principal.userId, asset.id],
    );
    if (viewed.length === 0) throw MetricsErrors.viewRequired();
    const reportId = await this.ds.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }[]>(
        `INSERT INTO asset_reuse_reports (asset_id, user_id, user_opd_id, story) VALUES ($1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT "UQ_asset_reuse_reports_user" DO NOTHING RETURNING id`,
        [asset.id, principal.userId, principal.opdId, story],
      );
      if (rows.length === 0) throw MetricsErrors.duplicateReuseReport();
      await this.log.record(tx, this.event('reuse_report', principal, req, asset));
      return rows[0].id;
    });
    const [report] = await this.reports(asset.id, reportId);
    return report;
  }

  async listReuse(principal: Principal | undefined, id: string): Promise<ReuseReportResponseDto[]> {
    const asset = await this.assets.get(principal, id);
    return this.reports(asset.id);
  }

  /** A share of a readable, published asset; the same Idempotency-Key is stored once. */
  async share(
    principal: Principal,
    assetId: string,
    req: Request,
    idempotencyKey?: string,
  ): Promise<boolean> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
      throw MetricsErrors.invalidIdempotencyKey();
    const asset = await this.assets.get(principal, assetId);
    if (asset.status !== 'published') throw MetricsErrors.notPublished();
    await this.recorder.throttle(principal.userId);
    return this.log.record(undefined, {
      ...this.event('share', principal, req, asset),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
  }

  private async engageable(principal: Principal, id: string): Promise<UsageAsset> {
    const asset = await this.assets.get(principal, id);
    if (asset.status !== 'published') throw MetricsErrors.notPublished();
    if (this.recorder.exclusion(principal, asset) === 'author') throw MetricsErrors.ownAsset();
    return asset;
  }

  private event(
    type: 'endorse' | 'endorse_withdraw' | 'reuse_report' | 'share',
    principal: Principal,
    req: Request,
    asset: UsageAsset,
  ) {
    return {
      type,
      actor: this.recorder.actor(principal, req),
      asset: { id: asset.id, opdId: asset.opdId, copId: asset.copId },
      excluded: this.recorder.exclusion(principal, asset),
    };
  }

  private async state(assetId: string, userId?: string): Promise<EndorsementStateDto> {
    const [row] = await this.ds.query<EndorsementStateRow[]>(
      `SELECT count(*)::int AS n, coalesce(bool_or(user_id = $2), false) AS mine
         FROM asset_endorsements WHERE asset_id = $1`,
      [assetId, userId ?? null],
    );
    return presentEndorsementState(row);
  }

  private async reports(assetId: string, onlyId?: string): Promise<ReuseReportResponseDto[]> {
    const rows = await this.ds.query<ReuseReportRow[]>(
      `SELECT r.id, r.story, r.created_at AS "createdAt", u.name, o.code
         FROM asset_reuse_reports r JOIN identity_people u ON u.id = r.user_id JOIN identity_opds o ON o.id = r.user_opd_id
        WHERE r.asset_id = $1 AND ($2::uuid IS NULL OR r.id = $2)
        ORDER BY r.created_at DESC, r.id`,
      [assetId, onlyId ?? null],
    );
    return rows.map(presentReuseReport);
  }
}
