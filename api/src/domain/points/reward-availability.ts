import type { Tier } from '../types.ts';
import { isTierAtLeast } from './tier-for-points.ts';

export type RewardAvailability = 'OUT_OF_STOCK' | 'NEEDS_TIER' | 'NEEDS_POINTS' | 'AVAILABLE';

export interface RewardForMember {
  pointsCost: number;
  /** Null: unlimited. */
  stock: number | null;
  minimumTier: Tier;
}

/**
 * Whether a customer can take a reward now: the first that applies of OUT_OF_STOCK, NEEDS_TIER,
 * NEEDS_POINTS, AVAILABLE (PRODUCT.md "Member figures"), and how many points are missing.
 */
export function rewardAvailability(
  reward: RewardForMember,
  customer: { tier: Tier; pointsBalance: number },
): { availability: RewardAvailability; pointsMissing: number } {
  if (reward.stock !== null && reward.stock <= 0) return { availability: 'OUT_OF_STOCK', pointsMissing: 0 };
  if (!isTierAtLeast(customer.tier, reward.minimumTier)) return { availability: 'NEEDS_TIER', pointsMissing: 0 };
  if (customer.pointsBalance < reward.pointsCost)
    return { availability: 'NEEDS_POINTS', pointsMissing: reward.pointsCost - customer.pointsBalance };
  return { availability: 'AVAILABLE', pointsMissing: 0 };
}
