const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** "I".."IV": how a Triwulan is written. */
export function triwulanNumeral(quarter: number): string {
  return ROMAN[quarter - 1] ?? String(quarter);
}

export interface TriwulanGroup<T> {
  year: number;
  quarter: number;
  items: T[];
}

/** Meetings grouped by year and Triwulan (WIB, as the API computed them), newest first. */
export function byTriwulan<T extends { year: number; quarter: number }>(
  items: readonly T[],
): TriwulanGroup<T>[] {
  const groups = new Map<string, TriwulanGroup<T>>();
  for (const item of items) {
    const key = `${item.year}-${item.quarter}`;
    const group = groups.get(key) ?? { year: item.year, quarter: item.quarter, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.year - a.year || b.quarter - a.quarter);
}
