import { describe, expect, it } from 'vitest';
import { rewardAvailability, type RewardForMember } from './reward-availability.ts';

const silver = { tier: 'SILVER' as const, pointsBalance: 300 };

describe('what a customer sees of a reward', () => {
  it.each<[string, RewardForMember, ReturnType<typeof rewardAvailability>]>([
    [
      'affordable, in stock, tier met: yours to take',
      { pointsCost: 300, stock: 2, minimumTier: 'BRONZE' },
      { availability: 'AVAILABLE', pointsMissing: 0 },
    ],
    [
      'unlimited stock counts as in stock',
      { pointsCost: 100, stock: null, minimumTier: 'SILVER' },
      { availability: 'AVAILABLE', pointsMissing: 0 },
    ],
    [
      'too dear: N points away',
      { pointsCost: 500, stock: null, minimumTier: 'BRONZE' },
      { availability: 'NEEDS_POINTS', pointsMissing: 200 },
    ],
    [
      'a higher tier needed comes before points',
      { pointsCost: 900, stock: null, minimumTier: 'GOLD' },
      { availability: 'NEEDS_TIER', pointsMissing: 0 },
    ],
    [
      'out of stock comes before everything',
      { pointsCost: 900, stock: 0, minimumTier: 'GOLD' },
      { availability: 'OUT_OF_STOCK', pointsMissing: 0 },
    ],
  ])('%s', (_name, reward, expected) => {
    expect(rewardAvailability(reward, silver)).toEqual(expected);
  });
});
