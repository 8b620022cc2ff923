import { describe, expect, it } from 'vitest';
import { ignoredSince, type ContactFacts } from './ignored-since.ts';

const day = (date: string) => new Date(`${date}T09:00:00.000Z`);

describe('since when a customer has gone without personal contact', () => {
  it.each<[string, ContactFacts, { since: Date; neverContacted: boolean }]>([
    [
      'a customer contacted personally counts from that contact',
      { createdAt: day('2025-01-01'), firstEventAt: day('2024-06-01'), lastPersonalContactAt: day('2026-02-10') },
      { since: day('2026-02-10'), neverContacted: false },
    ],
    [
      'a customer never contacted counts from an earlier back-dated event',
      { createdAt: day('2026-01-01'), firstEventAt: day('2025-10-01'), lastPersonalContactAt: null },
      { since: day('2025-10-01'), neverContacted: true },
    ],
    [
      'a customer never contacted counts from creation when that is earlier than any event',
      { createdAt: day('2025-10-01'), firstEventAt: day('2026-01-01'), lastPersonalContactAt: null },
      { since: day('2025-10-01'), neverContacted: true },
    ],
    [
      'a customer never contacted and without events counts from creation',
      { createdAt: day('2025-10-01'), firstEventAt: null, lastPersonalContactAt: null },
      { since: day('2025-10-01'), neverContacted: true },
    ],
  ])('%s', (_name, facts, expected) => {
    expect(ignoredSince(facts)).toEqual(expected);
  });
});
