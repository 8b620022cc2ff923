import { describe, expect, it } from 'vitest';
import { DAY_MS, addDays, daysBetween, isWithinDays } from './duration.ts';

const now = new Date('2026-06-01T12:00:00.000Z');

describe('isWithinDays', () => {
  it.each([
    ['an event 89 days old is inside a 90-day window', addDays(now, -89), true],
    [
      'an event one millisecond short of 90 days is inside a 90-day window',
      new Date(now.getTime() - 90 * DAY_MS + 1),
      true,
    ],
    ['an event exactly 90 days old has left a 90-day window', addDays(now, -90), false],
    ['an event dated after now is inside the window', addDays(now, 1), true],
  ])('%s', (_name, occurredAt, expected) => {
    expect(isWithinDays(occurredAt, 90, now)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['a day minus a millisecond is 0 days', new Date(now.getTime() - DAY_MS + 1), 0],
    ['exactly 45 days is 45 days', addDays(now, -45), 45],
    ['a later date is a negative number of days', addDays(now, 2), -2],
  ])('%s', (_name, from, expected) => {
    expect(daysBetween(from, now)).toBe(expected);
  });
});
