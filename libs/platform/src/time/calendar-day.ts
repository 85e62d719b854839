import { ValidateBy, type ValidationOptions } from 'class-validator';

/** True for a real calendar day written YYYY-MM-DD (2025-02-30 and 2025-2-3 are not). */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Validates a DTO field as a calendar day (problem `isCalendarDay`). */
export const IsCalendarDay = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isCalendarDay', validator: { validate: isCalendarDay } }, options);

/** The day `months` calendar months after `day` (clamped: 2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
