import { describe, expect, it } from 'vitest';
import type { RiskFactor } from '../risk/churn-risk.ts';
import { ignoredAlertDue } from './ignored-alert.ts';

const ignored = (days: number, neverContacted = false): RiskFactor => ({
  code: 'IGNORED',
  points: days >= 90 ? 20 : 10,
  params: { days, since: '2026-01-01T00:00:00.000Z', neverContacted },
});

describe('the IGNORED alert', () => {
  it.each<[string, RiskFactor[], boolean]>([
    [
      'a customer without the IGNORED factor raises none',
      [{ code: 'UNRESOLVED_INCIDENT', points: 10, params: { count: 1 } }],
      false,
    ],
    ['89 days without personal contact raise none', [ignored(89)], false],
    ['90 days without personal contact raise it', [ignored(90)], true],
    ['200 days without personal contact raise it', [ignored(200)], true],
  ])('%s', (_name, factors, expected) => {
    expect(ignoredAlertDue(factors) !== null).toBe(expected);
  });

  it('carries what its message needs', () => {
    expect(ignoredAlertDue([ignored(120, true)])).toEqual({
      days: 120,
      since: '2026-01-01T00:00:00.000Z',
      neverContacted: true,
    });
  });
});
