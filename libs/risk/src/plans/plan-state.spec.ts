import { isOverdue, nextState, PLAN_STATES, type PlanMove, type PlanState } from './plan-state';

describe('retention plan state machine', () => {
  const table: [PlanState, PlanMove, PlanState | undefined][] = [
    ['direncanakan', 'interviewed', 'diwawancarai'],
    ['direncanakan', 'published', 'aset_terbit'],
    ['direncanakan', 'cancel', 'dibatalkan'],
    ['diwawancarai', 'interviewed', undefined],
    ['diwawancarai', 'published', 'aset_terbit'],
    ['diwawancarai', 'cancel', 'dibatalkan'],
    ['aset_terbit', 'interviewed', undefined],
    ['aset_terbit', 'published', undefined],
    ['aset_terbit', 'cancel', undefined],
    ['dibatalkan', 'interviewed', undefined],
    ['dibatalkan', 'published', undefined],
    ['dibatalkan', 'cancel', undefined],
  ];

  it('covers every state and move', () => {
    expect(new Set(table.map(([s]) => s))).toEqual(new Set(PLAN_STATES));
  });

  it.each(table)('%s --%s--> %s', (from, move, to) => {
    expect(nextState(from, move)).toBe(to);
  });
});

describe('isOverdue', () => {
  const TODAY = '2026-06-10';
  const plan = (state: PlanState, targetDate: string) => ({ state, targetDate });

  it('is not overdue before the target with the departure far away', () => {
    expect(isOverdue(plan('direncanakan', '2026-07-01'), '2027-01-01', TODAY)).toBe(false);
  });

  it('is overdue once the target date has passed without an interview', () => {
    expect(isOverdue(plan('direncanakan', '2026-06-09'), '2027-01-01', TODAY)).toBe(true);
    expect(isOverdue(plan('direncanakan', '2026-06-10'), '2027-01-01', TODAY)).toBe(false);
  });

  it('is overdue when the person leaves within 60 days and was not interviewed', () => {
    expect(isOverdue(plan('direncanakan', '2026-07-01'), '2026-08-09', TODAY)).toBe(true);
    expect(isOverdue(plan('direncanakan', '2026-07-01'), '2026-08-10', TODAY)).toBe(false);
  });

  it.each(['diwawancarai', 'aset_terbit', 'dibatalkan'] as const)(
    'a plan that is %s is never overdue',
    (state) => {
      expect(isOverdue(plan(state, '2026-01-01'), '2026-06-20', TODAY)).toBe(false);
    },
  );
});
