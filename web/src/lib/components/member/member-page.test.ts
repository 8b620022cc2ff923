import { describe, expect, it } from 'vitest';
import { expiresWithin, progressShare, rewardGroups } from './member-page';

const reward = (
  id: string,
  availability: 'AVAILABLE' | 'NEEDS_POINTS' | 'NEEDS_TIER' | 'OUT_OF_STOCK',
  extra = {},
) => ({
  id,
  availability,
  requiredTier: 'BRONZE' as const,
  pointsMissing: 0,
  ...extra,
});

describe('the customer’s page', () => {
  it('groups rewards: yours now, nearest points first, per tier needed, run out', () => {
    const groups = rewardGroups([
      reward('a', 'AVAILABLE'),
      reward('far', 'NEEDS_POINTS', { pointsMissing: 900 }),
      reward('near', 'NEEDS_POINTS', { pointsMissing: 50 }),
      reward('g', 'NEEDS_TIER', { requiredTier: 'GOLD' }),
      reward('s', 'NEEDS_TIER', { requiredTier: 'SILVER' }),
      reward('x', 'OUT_OF_STOCK'),
    ]);
    expect(groups.available.map((r) => r.id)).toEqual(['a']);
    expect(groups.needsPoints.map((r) => r.id)).toEqual(['near', 'far']);
    expect(groups.needsTier.map(([tier, rewards]) => [tier, rewards.map((r) => r.id)])).toEqual([
      ['GOLD', ['g']],
      ['SILVER', ['s']],
    ]);
    expect(groups.outOfStock.map((r) => r.id)).toEqual(['x']);
  });

  it('warns when any lot expires within 30 days, not before', () => {
    const now = new Date('2026-05-04T10:00:00Z');
    expect(expiresWithin([{ expiresAt: '2026-06-03T10:00:00Z' }], 30, now)).toBe(true);
    expect(expiresWithin([{ expiresAt: '2026-06-03T10:00:01Z' }], 30, now)).toBe(false);
  });

  it('fills the bar with points earned against the next tier, full at the top', () => {
    expect(progressShare({ pointsEarned12Months: 320, pointsToNextTier: 680 })).toBe(0.32);
    expect(progressShare({ pointsEarned12Months: 6000, pointsToNextTier: null })).toBe(1);
  });
});
