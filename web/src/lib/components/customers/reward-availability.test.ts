import { describe, expect, test } from 'vitest';
import { rewardAvailability } from './reward-availability';

const reward = (
  pointsCost: number,
  minimumTier: 'BRONZE' | 'SILVER' | 'GOLD' = 'BRONZE',
  stock: number | null = null,
) => ({
  pointsCost,
  minimumTier,
  stock,
});

describe('what the redeem dialog says beside each reward', () => {
  test('a reward the balance covers, at the customer’s tier, is available', () => {
    expect(rewardAvailability(reward(300), 489, 'BRONZE')).toEqual({ kind: 'available' });
    expect(rewardAvailability(reward(489, 'SILVER'), 489, 'GOLD')).toEqual({ kind: 'available' });
  });

  test('one the balance does not cover is that many points away', () => {
    expect(rewardAvailability(reward(800), 489, 'BRONZE')).toEqual({ kind: 'pointsAway', points: 311 });
  });

  test('one above the customer’s tier needs that tier, whatever the balance', () => {
    expect(rewardAvailability(reward(100, 'GOLD'), 5000, 'SILVER')).toEqual({ kind: 'needsTier', tier: 'GOLD' });
  });

  test('one out of stock says so', () => {
    expect(rewardAvailability(reward(100, 'BRONZE', 0), 5000, 'GOLD')).toEqual({ kind: 'outOfStock' });
  });
});
