import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../time/duration.ts';
import type { ContactFacts } from '../risk/ignored-since.ts';
import { ignoredAlert } from './ignored-alert.ts';

const now = new Date('2026-06-15T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const contactedDaysAgo = (days: number): ContactFacts => ({
  createdAt: daysAgo(400),
  firstEventAt: daysAgo(400),
  lastPersonalContactAt: daysAgo(days),
});

describe('the IGNORED alert', () => {
  it.each<[string, ContactFacts, boolean]>([
    ['89 days without personal contact raise none', contactedDaysAgo(89), false],
    [
      'a millisecond short of 90 days raises none',
      { ...contactedDaysAgo(0), lastPersonalContactAt: new Date(now.getTime() - 90 * DAY_MS + 1) },
      false,
    ],
    ['90 days without personal contact raise it', contactedDaysAgo(90), true],
    ['200 days without personal contact raise it', contactedDaysAgo(200), true],
    [
      'a customer never contacted raises it 90 days after their earliest trace',
      { createdAt: daysAgo(30), firstEventAt: daysAgo(95), lastPersonalContactAt: null },
      true,
    ],
  ])('%s', (_name, facts, expected) => {
    expect(ignoredAlert(facts, now).due !== null).toBe(expected);
  });

  it('carries what its message needs', () => {
    expect(ignoredAlert({ createdAt: daysAgo(120), firstEventAt: null, lastPersonalContactAt: null }, now).due).toEqual(
      { days: 120, since: daysAgo(120).toISOString(), neverContacted: true },
    );
  });

  it('before the crossing, names the instant of the crossing so the job recomputes then', () => {
    expect(ignoredAlert(contactedDaysAgo(60), now).nextChangeAt).toEqual(new Date(now.getTime() + 30 * DAY_MS));
  });

  it('after the crossing, has no next change: a new contact starts a new stretch', () => {
    expect(ignoredAlert(contactedDaysAgo(90), now).nextChangeAt).toBeNull();
  });
});
