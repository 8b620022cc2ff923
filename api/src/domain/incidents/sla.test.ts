import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.ts';
import type { IncidentSeverity, IncidentStatus } from '../types.ts';
import { isSlaBreached } from './sla-breached.ts';
import { slaDueAt } from './sla-due-at.ts';

const openedAt = new Date('2026-03-02T10:00:00.000Z');

describe('the SLA due time', () => {
  it.each<[IncidentSeverity, string]>([
    ['CRITICAL', '2026-03-02T14:00:00.000Z'],
    ['HIGH', '2026-03-03T10:00:00.000Z'],
    ['MEDIUM', '2026-03-05T10:00:00.000Z'],
    ['LOW', '2026-03-09T10:00:00.000Z'],
  ])('a %s incident opened at 10:00 on 2 Mar is due at %s', (severity, expected) => {
    expect(slaDueAt(openedAt, severity, DEFAULT_SETTINGS.slaHours).toISOString()).toBe(expected);
  });

  it('follows the organization’s targets', () => {
    expect(slaDueAt(openedAt, 'CRITICAL', { ...DEFAULT_SETTINGS.slaHours, CRITICAL: 1 }).toISOString()).toBe(
      '2026-03-02T11:00:00.000Z',
    );
  });
});

describe('a breached SLA', () => {
  const due = new Date('2026-03-02T14:00:00.000Z');
  const justAfter = new Date(due.getTime() + 1);
  const justBefore = new Date(due.getTime() - 1);

  it.each<[string, IncidentStatus, Date | null, Date, boolean]>([
    ['an open incident before its due time is in time', 'OPEN', null, justBefore, false],
    ['an open incident exactly at its due time is still in time', 'OPEN', null, due, false],
    ['an open incident a millisecond past its due time is breached', 'OPEN', null, justAfter, true],
    ['an incident in progress past its due time is breached', 'IN_PROGRESS', null, justAfter, true],
    ['an incident resolved at its due time was in time, forever', 'RESOLVED', due, new Date('2027-01-01'), false],
    ['an incident resolved after its due time was breached', 'RESOLVED', justAfter, justAfter, true],
    ['a closed incident resolved late stays breached', 'CLOSED', justAfter, new Date('2027-01-01'), true],
    ['a closed incident with no resolution time is not breached', 'CLOSED', null, new Date('2027-01-01'), false],
  ])('%s', (_name, status, resolvedAt, now, expected) => {
    expect(isSlaBreached({ status, slaDueAt: due, resolvedAt }, now)).toBe(expected);
  });
});
