import { describe, expect, it } from 'vitest';
import { pulseReminderDue } from './pulse-reminder-due.ts';

const round = { opensAt: new Date('2026-11-02T09:00:00Z'), closesAt: new Date('2026-11-16T09:00:00Z') };

describe('the pulse reminder', () => {
  it.each([
    ['the day the round opens', '2026-11-02T09:00:00Z', false],
    ['just before half-way', '2026-11-09T08:59:59Z', false],
    ['half-way through the round', '2026-11-09T09:00:00Z', true],
    ['the last day', '2026-11-16T08:00:00Z', true],
    ['once the round has closed', '2026-11-16T09:00:00Z', false],
  ])('%s: %s → %s', (_when, now, due) => {
    expect(pulseReminderDue(round, new Date(now))).toBe(due);
  });
});
