import { describe, expect, it } from 'vitest';
import { monthlyRoundDue } from './monthly-round-due.ts';

const now = new Date('2026-12-07T03:00:00.000Z');

describe('the monthly pulse round', () => {
  it.each<[string, Date | null, boolean, boolean]>([
    ['opens when there has never been a round', null, false, true],
    ['opens when the last round opened last month', new Date('2026-11-01T00:00:00.000Z'), false, true],
    ['opens in January after a December round', new Date('2025-12-31T23:00:00.000Z'), false, true],
    ['does not open twice in a month', new Date('2026-12-01T00:00:00.000Z'), false, false],
    ['does not open while a round is open', new Date('2026-11-20T00:00:00.000Z'), true, false],
  ])('%s', (_name, latest, anyOpen, expected) => {
    expect(monthlyRoundDue(latest, anyOpen, now)).toBe(expected);
  });
});
