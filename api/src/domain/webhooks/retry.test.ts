import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE_MS } from '../../config.ts';
import { HOUR_MS } from '../time/duration.ts';
import { nextRetryDelay, parseRetryAfter } from './retry.ts';

const schedule = DEFAULT_RETRY_SCHEDULE_MS;

describe('the retry schedule', () => {
  it('waits 5 s after the first failure, give or take a fifth', () => {
    expect(nextRetryDelay({ step: 0, schedule, retryAfterMs: null, random: 0 })).toBe(4_000);
    expect(nextRetryDelay({ step: 0, schedule, retryAfterMs: null, random: 1 })).toBe(6_000);
    expect(nextRetryDelay({ step: 0, schedule, retryAfterMs: null, random: 0.5 })).toBe(5_000);
  });

  it('waits 24 h before the last attempt, and gives up after it', () => {
    expect(nextRetryDelay({ step: 8, schedule, retryAfterMs: null, random: 0.5 })).toBe(24 * HOUR_MS);
    expect(nextRetryDelay({ step: 9, schedule, retryAfterMs: null, random: 0.5 })).toBeNull();
  });

  it('a receiver’s Retry-After replaces the step, at most 24 h', () => {
    expect(nextRetryDelay({ step: 0, schedule, retryAfterMs: 120_000, random: 0.5 })).toBe(120_000);
    expect(nextRetryDelay({ step: 0, schedule, retryAfterMs: 72 * HOUR_MS, random: 0.5 })).toBe(24 * HOUR_MS);
  });

  it('Retry-After does not prolong a spent schedule', () => {
    expect(nextRetryDelay({ step: 9, schedule, retryAfterMs: 1_000, random: 0.5 })).toBeNull();
  });
});

describe('Retry-After', () => {
  const now = new Date('2026-12-07T10:00:00Z');

  it.each<[string, string | undefined, number | null]>([
    ['seconds', '120', 120_000],
    ['an HTTP date', 'Mon, 07 Dec 2026 10:05:00 GMT', 300_000],
    ['a date in the past is now', 'Mon, 07 Dec 2026 09:00:00 GMT', 0],
    ['absent', undefined, null],
    ['unreadable', 'soon', null],
  ])('%s', (_, header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});
