import { daysBetween } from '@lumbung/platform';

/**
 * A retention plan's states: planned → interviewed → asset published, or cancelled with a reason.
 * `aset_terbit` is reached by the system only, when a `wawancara_pengetahuan` with the person as
 * narasumber is published (directly from `direncanakan` too: the interview may be written up
 * without anyone marking it first).
 */
export const PLAN_STATES = ['direncanakan', 'diwawancarai', 'aset_terbit', 'dibatalkan'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export type PlanMove = 'interviewed' | 'published' | 'cancel';

export const PLAN_MOVES: Readonly<Record<PlanMove, { from: readonly PlanState[]; to: PlanState }>> =
  {
    interviewed: { from: ['direncanakan'], to: 'diwawancarai' },
    published: { from: ['direncanakan', 'diwawancarai'], to: 'aset_terbit' },
    cancel: { from: ['direncanakan', 'diwawancarai'], to: 'dibatalkan' },
  };

/** States in which a plan is still open (editable, cancellable, waiting for its asset). */
export const OPEN_STATES: readonly PlanState[] = ['direncanakan', 'diwawancarai'];

/** The state a move leads to, or undefined when the move is not allowed from `state`. */
export function nextState(state: PlanState, move: PlanMove): PlanState | undefined {
  const rule = PLAN_MOVES[move];
  return rule.from.includes(state) ? rule.to : undefined;
}

/** A plan whose person leaves within this many days and has not been interviewed is overdue. */
export const OVERDUE_BEFORE_DEPARTURE_DAYS = 60;

/**
 * Overdue: still waiting for the interview (`direncanakan`) and either its target date has passed
 * or the person leaves within OVERDUE_BEFORE_DEPARTURE_DAYS days.
 */
export function isOverdue(
  plan: { state: PlanState; targetDate: string },
  departureDate: string,
  today: string,
): boolean {
  if (plan.state !== 'direncanakan') return false;
  return (
    plan.targetDate < today || daysBetween(today, departureDate) <= OVERDUE_BEFORE_DEPARTURE_DAYS
  );
}
