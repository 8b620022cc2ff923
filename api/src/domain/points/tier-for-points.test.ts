import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.ts';
import type { Tier } from '../types.ts';
import { isTierAtLeast, tierForPoints } from './tier-for-points.ts';

describe('the tier for points earned in the last 12 months', () => {
  it.each<[number, Tier]>([
    [0, 'BRONZE'],
    [999, 'BRONZE'],
    [1000, 'SILVER'],
    [4999, 'SILVER'],
    [5000, 'GOLD'],
    [120000, 'GOLD'],
  ])('%i points is %s', (points, expected) => {
    expect(tierForPoints(points, DEFAULT_SETTINGS.loyalty.tierThresholds)).toBe(expected);
  });

  it('follows the organization’s thresholds', () => {
    expect(tierForPoints(300, { SILVER: 300, GOLD: 900 })).toBe('SILVER');
  });
});

describe('comparing tiers', () => {
  it.each<[Tier, Tier, boolean]>([
    ['BRONZE', 'BRONZE', true],
    ['BRONZE', 'SILVER', false],
    ['SILVER', 'BRONZE', true],
    ['SILVER', 'GOLD', false],
    ['GOLD', 'SILVER', true],
    ['GOLD', 'GOLD', true],
  ])('%s is at least %s: %s', (tier, minimum, expected) => {
    expect(isTierAtLeast(tier, minimum)).toBe(expected);
  });
});
