import { describe, expect, it } from 'vitest';
import type { IncidentStatus } from '../types.ts';
import { isIncidentOpen } from './incident-status.ts';

describe('an open incident: someone still has to act', () => {
  it.each<[IncidentStatus, boolean]>([
    ['OPEN', true],
    ['IN_PROGRESS', true],
    ['RESOLVED', false],
    ['CLOSED', false],
  ])('an incident that is %s is open: %s', (status, expected) => {
    expect(isIncidentOpen(status)).toBe(expected);
  });
});
