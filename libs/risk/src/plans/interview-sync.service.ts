import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AssetEvidenceReader } from '@lumbung/knowledge';
import { nextState } from './plan-state';
import { RetentionPlansRepository } from './retention-plans.repository';

/**
 * Moves open retention plans to `aset_terbit` once an interview (`wawancara_pengetahuan`) with
 * the person as narasumber has been published. Driven by the knowledge context's outbox job on
 * publication, and run again before the register, a plan or the coverage is read, so a lost or
 * late job never leaves a plan behind. Idempotent: a plan moves once, recorded as a system move.
 */
@Injectable()
export class InterviewSyncService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly plans: RetentionPlansRepository,
    private readonly assets: AssetEvidenceReader,
  ) {}

  /** Reconciles the open plans of these people (or of everyone); returns how many moved. */
  async reconcile(userIds?: readonly string[]): Promise<number> {
    if (userIds?.length === 0) return 0;
    const open = await this.plans.open(userIds);
    if (open.length === 0) return 0;
    const interviews = await this.assets.interviewsOf([...new Set(open.map((p) => p.userId))]);
    const first = new Map<string, (typeof interviews)[number]>();
    for (const i of interviews) if (!first.has(i.narasumberId)) first.set(i.narasumberId, i);
    let moved = 0;
    for (const candidate of open) {
      const interview = first.get(candidate.userId);
      if (!interview) continue;
      await this.ds.transaction(async (tx) => {
        const plan = await this.plans.lock(tx, candidate.id);
        const to = plan && nextState(plan.state, 'published');
        if (!plan || !to) return;
        const from = plan.state;
        plan.state = to;
        plan.assetId = interview.assetId;
        plan.assetPublishedAt = interview.publishedAt;
        await this.plans.save(tx, plan);
        await this.plans.recordEvent(tx, plan.id, {
          action: 'published',
          fromState: from,
          toState: to,
          actorId: null,
          details: { assetId: interview.assetId },
        });
        moved += 1;
      });
    }
    return moved;
  }
}
