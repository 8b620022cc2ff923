// When a failed delivery is tried again (PRODUCT.md "Webhooks"; "Edge cases": Retry-After).
import { DAY_MS, HOUR_MS } from '../time/duration.ts';

/** The longest wait a receiver's `Retry-After` may ask for. */
export const MAX_RETRY_AFTER_MS = 24 * HOUR_MS;
/** An endpoint whose every attempt failed for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 3 * DAY_MS;

/**
 * The wait before the next attempt after a failure at `step` of `schedule`, or null when the
 * schedule is spent (the delivery has failed). Jitter of ±20 % spreads the retries of many
 * deliveries that failed together; a receiver's `Retry-After` replaces the step, at most 24 h.
 */
export function nextRetryDelay(options: {
  step: number;
  schedule: readonly number[];
  retryAfterMs: number | null;
  random: number;
}): number | null {
  const { step, schedule, retryAfterMs, random } = options;
  if (step >= schedule.length) return null;
  if (retryAfterMs !== null) return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  return Math.round(schedule[step] * (0.8 + 0.4 * random));
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (value === undefined || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
