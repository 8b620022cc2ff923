// Rolling windows are measured in exact milliseconds (UTC), never in calendar days, so a rule's
// boundary is one instant that a background job can be scheduled for.
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

export function addHours(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * HOUR_MS);
}

/** Whole days from `from` to `to` (floor); negative when `from` is later. */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

/**
 * Whether an event is still inside a window of `days` that ends at `now`: it leaves the window the
 * instant it becomes `days` old. An event dated after `now` counts already (clock skew between
 * partners should not hide it).
 */
export function isWithinDays(occurredAt: Date, days: number, now: Date): boolean {
  return now.getTime() < occurredAt.getTime() + days * DAY_MS;
}
