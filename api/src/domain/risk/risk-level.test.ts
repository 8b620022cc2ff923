import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.ts';
import type { RiskLevel } from '../types.ts';
import { riskLevelFor, riskLevelRank } from './risk-level.ts';

describe('the risk level of a score', () => {
  it.each<[number, RiskLevel]>([
    [0, 'LOW'],
    [29, 'LOW'],
    [30, 'MEDIUM'],
    [49, 'MEDIUM'],
    [50, 'HIGH'],
    [69, 'HIGH'],
    [70, 'CRITICAL'],
    [100, 'CRITICAL'],
  ])('a score of %i is %s', (score, expected) => {
    expect(riskLevelFor(score, DEFAULT_SETTINGS.risk.levels)).toBe(expected);
  });

  it('ranks levels from LOW to CRITICAL', () => {
    expect((['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const).map(riskLevelRank)).toEqual([0, 1, 2, 3]);
  });
});
