import { describe, expect, it } from 'vitest';
import type { IncidentStatus } from '../types.ts';
import { checkStatusTransition } from './status-transition.ts';

describe('incident status changes', () => {
  it.each<[IncidentStatus, IncidentStatus, boolean]>([
    ['OPEN', 'IN_PROGRESS', false],
    ['OPEN', 'RESOLVED', false],
    ['IN_PROGRESS', 'RESOLVED', false],
    ['RESOLVED', 'CLOSED', false],
    ['RESOLVED', 'OPEN', true],
    ['RESOLVED', 'IN_PROGRESS', true],
  ])('%s → %s is allowed (reopens: %s)', (from, to, reopens) => {
    expect(checkStatusTransition(from, to)).toEqual({ ok: true, changed: true, reopens });
  });

  it.each<IncidentStatus>(['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'])('staying %s changes nothing', (status) => {
    expect(checkStatusTransition(status, status)).toEqual({ ok: true, changed: false, reopens: false });
  });

  it.each<[IncidentStatus, IncidentStatus, IncidentStatus[], string]>([
    [
      'OPEN',
      'CLOSED',
      ['IN_PROGRESS', 'RESOLVED'],
      'An incident that is OPEN can move to IN_PROGRESS or RESOLVED, not to CLOSED.',
    ],
    ['IN_PROGRESS', 'OPEN', ['RESOLVED'], 'An incident that is IN_PROGRESS can move to RESOLVED, not to OPEN.'],
    ['IN_PROGRESS', 'CLOSED', ['RESOLVED'], 'An incident that is IN_PROGRESS can move to RESOLVED, not to CLOSED.'],
    ['CLOSED', 'OPEN', [], 'An incident that is CLOSED cannot change status: CLOSED is final.'],
    ['CLOSED', 'RESOLVED', [], 'An incident that is CLOSED cannot change status: CLOSED is final.'],
  ])('%s → %s is refused, naming what is allowed', (from, to, allowed, message) => {
    expect(checkStatusTransition(from, to)).toEqual({ ok: false, allowed, message });
  });
});
