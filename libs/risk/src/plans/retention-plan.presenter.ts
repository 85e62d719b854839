import type { Personnel, UserSummary } from '@lumbung/identity';
import { departureOf } from '../departure/departure';
import { personRef } from '../register/register.presenter';
import type { RetentionPlanDetailDto } from './dto/retention-plan-detail.dto';
import type { RetentionPlanDto } from './dto/retention-plan.dto';
import { isOverdue } from './plan-state';
import type { PlanEvent, RetentionPlan } from './retention-plans.repository';

/** A plan as its readers see it; the interview's id only for those who may read the asset. */
export function presentPlan(
  plan: RetentionPlan,
  person: Personnel,
  opdCode: string,
  today: string,
  names: ReadonlyMap<string, UserSummary>,
  readableAsset: boolean,
): RetentionPlanDto {
  const departure = departureOf(person);
  return {
    id: plan.id,
    person: { id: person.id, name: person.name, opdCode },
    opdCode,
    interviewer: personRef(names, plan.interviewerId),
    targetDate: plan.targetDate,
    notes: plan.notes,
    state: plan.state,
    overdue: isOverdue(plan, departure.date, today),
    departureMonth: departure.month,
    departureKind: departure.kind,
    departureReason: departure.reason,
    interviewedOn: plan.interviewedOn,
    assetId: readableAsset ? plan.assetId : null,
    assetPublishedAt: plan.assetPublishedAt?.toISOString() ?? null,
    cancelReason: plan.cancelReason,
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export function presentHistory(
  plan: RetentionPlanDto,
  events: readonly PlanEvent[],
  names: ReadonlyMap<string, UserSummary>,
): RetentionPlanDetailDto {
  return {
    ...plan,
    history: events.map((e) => ({
      action: e.action,
      from: e.fromState,
      to: e.toState,
      actor: e.actorId ? personRef(names, e.actorId) : null,
      at: e.at.toISOString(),
    })),
  };
}
