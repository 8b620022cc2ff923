import { describe, expect, it } from 'vitest';
import { compareIncidentUrgency, type IncidentUrgencyFacts } from './incident-urgency.ts';

const incident = (
  id: string,
  status: IncidentUrgencyFacts['status'],
  severity: IncidentUrgencyFacts['severity'],
  slaDueAt: string,
  openedAt = '2026-03-01T00:00:00.000Z',
): IncidentUrgencyFacts => ({ id, status, severity, slaDueAt: new Date(slaDueAt), openedAt: new Date(openedAt) });

describe('incidents, most urgent first', () => {
  it('puts open incidents first, the earliest due first, then the more severe, then the longest open', () => {
    const incidents = [
      incident('resolved-long-overdue', 'RESOLVED', 'CRITICAL', '2026-01-01T00:00:00.000Z'),
      incident('low-due-later', 'OPEN', 'LOW', '2026-03-09T00:00:00.000Z'),
      incident('high-due-same-time-as-low', 'IN_PROGRESS', 'HIGH', '2026-03-09T00:00:00.000Z'),
      incident('overdue', 'OPEN', 'MEDIUM', '2026-03-02T00:00:00.000Z'),
      incident(
        'high-due-same-time-opened-earlier',
        'OPEN',
        'HIGH',
        '2026-03-09T00:00:00.000Z',
        '2026-02-01T00:00:00.000Z',
      ),
      incident('closed', 'CLOSED', 'LOW', '2026-02-01T00:00:00.000Z'),
    ];
    expect(incidents.sort(compareIncidentUrgency).map((each) => each.id)).toEqual([
      'overdue',
      'high-due-same-time-opened-earlier',
      'high-due-same-time-as-low',
      'low-due-later',
      'resolved-long-overdue',
      'closed',
    ]);
  });

  it('breaks a full tie by id so pages never shuffle', () => {
    const first = incident('a', 'OPEN', 'LOW', '2026-03-09T00:00:00.000Z');
    const second = incident('b', 'OPEN', 'LOW', '2026-03-09T00:00:00.000Z');
    expect(compareIncidentUrgency(first, second)).toBe(-1);
    expect(compareIncidentUrgency(second, first)).toBe(1);
    expect(compareIncidentUrgency(first, first)).toBe(0);
  });
});
