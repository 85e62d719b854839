import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import {
  anonymousUsageKey,
  APP_CONFIG,
  type AppConfig,
  CommonErrors,
  isRobot,
  RateLimiter,
  type UsageActor,
  UsageEventLog,
  type UsageExclusion,
} from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';

/** The asset facts an event needs: who counts as its own people, where it belongs now. */
export interface UsageAsset {
  id: string;
  opdId: string;
  copId: string | null;
  status: string;
  authorIds: string[];
  createdBy: string;
  narasumberId: string | null;
}

const WINDOW_MS = 60_000;

/**
 * Turns successful user reads into raw usage events (counted by libs/metrics, see its README): only
 * GET (never HEAD), never robots, only published assets; authors, uploaders and the narasumber are
 * marked `author`, admins and assessors `staff` (kept, never counted); one account reading faster
 * than the configured rate gets 429.
 */
@Injectable()
export class AssetUsageRecorder {
  constructor(
    private readonly log: UsageEventLog,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  actor(principal: Principal | undefined, req: Request): UsageActor {
    if (principal)
      return { userId: principal.userId, opdId: principal.opdId, key: principal.userId };
    return {
      key: anonymousUsageKey(this.config.auth.jwtSecret, req.ip ?? '', req.get('user-agent') ?? ''),
    };
  }

  exclusion(principal: Principal | undefined, asset: UsageAsset): UsageExclusion | null {
    if (!principal) return null;
    const own =
      asset.authorIds.includes(principal.userId) ||
      asset.createdBy === principal.userId ||
      asset.narasumberId === principal.userId;
    if (own) return 'author';
    if (principal.isAdmin || (principal.isAssessor && !principal.hasRole('asn'))) return 'staff';
    return null;
  }

  /**
   * Throws 429 when one account (or anonymous key) goes past the per-minute event budget, counted
   * across every API process (RateLimiter).
   */
  async throttle(actorKey: string): Promise<void> {
    const { hits, resetMs } = await this.limiter.hit(`usage:${actorKey}`, WINDOW_MS);
    if (hits > this.config.usage.eventsPerMinute)
      throw CommonErrors.rateLimited(Math.max(1, Math.ceil(resetMs / 1000)));
  }

  async recordRead(
    type: 'view' | 'download',
    principal: Principal | undefined,
    req: Request,
    asset: UsageAsset,
    objectId?: string,
  ): Promise<void> {
    if (req.method !== 'GET' || isRobot(req.get('user-agent'))) return;
    if (asset.status !== 'published') return;
    const actor = this.actor(principal, req);
    await this.throttle(actor.key);
    await this.log.append({
      type,
      actor,
      asset: { id: asset.id, opdId: asset.opdId, copId: asset.copId },
      ...(objectId ? { objectId } : {}),
      excluded: this.exclusion(principal, asset),
    });
  }

  /** A click on a search result; a repeated report of the same click is stored once. */
  async recordClick(
    principal: Principal | undefined,
    req: Request,
    asset: UsageAsset,
    searchId: string,
    position: number,
  ): Promise<void> {
    if (isRobot(req.get('user-agent')) || asset.status !== 'published') return;
    await this.log.record(undefined, {
      type: 'search_click',
      actor: this.actor(principal, req),
      asset: { id: asset.id, opdId: asset.opdId, copId: asset.copId },
      objectId: searchId,
      position,
      excluded: this.exclusion(principal, asset),
      idempotencyKey: `click:${searchId}:${asset.id}`,
    });
  }
}
