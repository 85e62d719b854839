import type { EntityManager } from 'typeorm';
import type { PlanState } from '../plans/plan-state';

/**
 * What the demo register (apps/cli) writes, on the seeding transaction: libs/risk owns
 * `expertise_declarations`, `criticality_overrides`, `retention_plans` and
 * `retention_plan_events`.
 */

/** An OPD admin declares the person's expertise in these topics. */
export async function declareDemoExpertise(
  m: EntityManager,
  userId: string,
  topics: readonly string[],
  declaredBy: string,
): Promise<void> {
  await m.query(
    `INSERT INTO expertise_declarations (user_id, declared_as, topic, declared_by)
     SELECT $1, 'opd_admin', t, $2 FROM unnest($3::text[]) t ON CONFLICT DO NOTHING`,
    [userId, declaredBy, topics],
  );
}

/** An OPD admin overrode the person's criticality 20 days ago. */
export async function overrideDemoCriticality(
  m: EntityManager,
  o: { userId: string; value: number; reason: string; setBy: string },
): Promise<void> {
  await m.query(
    `INSERT INTO criticality_overrides (user_id, value, reason, set_by, set_at)
     VALUES ($1, $2, $3, $4, now() - interval '20 days')`,
    [o.userId, o.value, o.reason, o.setBy],
  );
}

interface DemoPlan {
  userId: string;
  opdId: string;
  interviewerId: string;
  targetDate: string;
  notes: string;
  state: PlanState;
  interviewedOn: string | null;
  assetId: string | null;
  assetPublishedAt: string | null;
  createdBy: string;
}

/**
 * A demo plan created at `createdAt`, last changed at `updatedAt` (now when null). Other columns
 * keep their defaults, as RetentionPlansRepository.insert leaves them.
 */
export async function addDemoPlan(
  m: EntityManager,
  p: DemoPlan & { cancelReason: string | null; createdAt: string; updatedAt: string | null },
): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO retention_plans (user_id, opd_id, interviewer_id, target_date, notes, state, interviewed_on,
                                  asset_id, asset_published_at, cancel_reason, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, COALESCE($13::timestamptz, now()))
     RETURNING id`,
    [
      p.userId,
      p.opdId,
      p.interviewerId,
      p.targetDate,
      p.notes,
      p.state,
      p.interviewedOn,
      p.assetId,
      p.assetPublishedAt,
      p.cancelReason,
      p.createdBy,
      p.createdAt,
      p.updatedAt,
    ],
  );
  return row.id;
}

/** One step of a plan's history, `ago` (an interval) before now. */
export async function addDemoPlanEvent(
  m: EntityManager,
  e: {
    planId: string;
    action: string;
    from: string | null;
    to: string;
    actorId: string | null;
    details: Record<string, unknown>;
    ago: string;
  },
): Promise<void> {
  await m.query(
    `INSERT INTO retention_plan_events (plan_id, action, from_state, to_state, actor_id, details, at)
     VALUES ($1, $2, $3, $4, $5, $6, now() - $7::interval)`,
    [e.planId, e.action, e.from, e.to, e.actorId, JSON.stringify(e.details), e.ago],
  );
}
