import { describe, expect, test } from 'vitest';
import type { PointsEntry } from '$lib/graphql/types';
import { knownSince, ledgerLines } from './ledger';

const sameUtcDay = (a: string, b: string) => a.slice(0, 10) === b.slice(0, 10);

function entry(id: string, delta: number, balanceAfter: number, occurredAt: string, createdAt: string): PointsEntry {
  return {
    id,
    delta,
    kind: delta > 0 ? 'EARN_PURCHASE' : 'REDEEM',
    explanation: id,
    balanceAfter,
    expiresAt: null,
    occurredAt,
    createdAt,
  };
}

// As the API lists them, latest written first: a purchase of 31 Mar, then a back-dated import of
// a December purchase recorded on 6 Dec, then a redemption.
const ledger = [
  entry('redeem', -300, 66, '2026-06-17T10:00:00Z', '2026-12-06T09:03:00Z'),
  entry('imported', 25, 366, '2025-12-25T10:00:00Z', '2026-12-06T09:02:00Z'),
  entry('purchase', 341, 341, '2026-03-31T10:00:00Z', '2026-03-31T10:00:00Z'),
];

describe('the points ledger on the customer page', () => {
  test('the balances never contradict the dates shown: by recorded date, each balance is the one below plus its change', () => {
    const lines = ledgerLines(ledger, sameUtcDay);
    for (let index = 0; index < lines.length; index++) {
      const below = lines[index + 1];
      const line = lines[index];
      if (below) {
        expect(Date.parse(line.recordedAt)).toBeGreaterThanOrEqual(Date.parse(below.recordedAt));
        expect(line.entry.balanceAfter).toBe(below.entry.balanceAfter + line.entry.delta);
      } else {
        expect(line.entry.balanceAfter).toBe(line.entry.delta);
      }
    }
  });

  test('a back-dated entry names the day it concerns beside the day it was recorded; one recorded that day does not', () => {
    expect(ledgerLines(ledger, sameUtcDay).map((line) => [line.entry.id, line.concerns])).toEqual([
      ['redeem', '2026-06-17T10:00:00Z'],
      ['imported', '2025-12-25T10:00:00Z'],
      ['purchase', null],
    ]);
  });

  test('"In Trofast since" is the earliest known event, not the day of the import', () => {
    expect(knownSince('2026-12-06T09:00:00Z', ['2026-03-31T10:00:00Z', '2025-12-25T10:00:00Z', null])).toBe(
      '2025-12-25T10:00:00Z',
    );
    expect(knownSince('2025-01-02T09:00:00Z', ['2026-03-31T10:00:00Z'])).toBe('2025-01-02T09:00:00Z');
  });
});
