import { describe, expect, test } from 'vitest';
import { byUrgency, slaState } from './sla';
import type { Incident } from '$lib/graphql/types';

const now = Date.parse('2026-03-01T12:00:00Z');
const incident = (id: string, status: Incident['status'], due: string, openedAt = '2026-03-01T08:00:00Z') =>
  ({ id, status, slaDueAt: due, slaBreached: false, openedAt }) as Incident;

describe('SLA countdowns', () => {
  test('an open incident counts down to its due time', () => {
    expect(slaState(incident('a', 'OPEN', '2026-03-01T14:05:00Z'), now)).toEqual({
      kind: 'due',
      remainingMs: 7_500_000,
    });
  });

  test('past its due time it is breached, and says by how much', () => {
    expect(slaState(incident('a', 'IN_PROGRESS', '2026-03-01T11:30:00Z'), now)).toEqual({
      kind: 'breached',
      overdueMs: 1_800_000,
    });
  });

  test('the API’s slaBreached marks it breached even before our clock agrees', () => {
    expect(slaState({ ...incident('a', 'OPEN', '2026-03-01T12:00:30Z'), slaBreached: true }, now).kind).toBe(
      'breached',
    );
  });

  test('a resolved incident has no countdown', () => {
    expect(slaState(incident('a', 'RESOLVED', '2026-03-01T11:30:00Z'), now)).toEqual({ kind: 'done' });
  });

  test('the queue puts open incidents first, soonest due on top', () => {
    const list = [
      incident('closed', 'CLOSED', '2026-03-01T09:00:00Z'),
      incident('later', 'OPEN', '2026-03-02T09:00:00Z'),
      incident('breached', 'OPEN', '2026-03-01T10:00:00Z'),
      incident('soon', 'IN_PROGRESS', '2026-03-01T13:00:00Z'),
    ];
    expect(list.sort(byUrgency).map((item) => item.id)).toEqual(['breached', 'soon', 'later', 'closed']);
  });
});
