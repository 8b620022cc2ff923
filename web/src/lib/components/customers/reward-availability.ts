// Whether a customer can take a reward now, and if not, what stands in the way: the redeem dialog
// says it beside each reward instead of letting the API refuse after the click.
import { TIERS, type Reward, type Tier } from '$lib/graphql/types';

export type Availability =
  | { kind: 'available' }
  | { kind: 'pointsAway'; points: number }
  | { kind: 'needsTier'; tier: Tier }
  | { kind: 'outOfStock' };

/** The tier comes first (more points do not help below it), then stock, then the balance. */
export function rewardAvailability(
  reward: Pick<Reward, 'pointsCost' | 'minimumTier' | 'stock'>,
  balance: number,
  tier: Tier,
): Availability {
  if (TIERS.indexOf(tier) < TIERS.indexOf(reward.minimumTier)) return { kind: 'needsTier', tier: reward.minimumTier };
  if (reward.stock !== null && reward.stock <= 0) return { kind: 'outOfStock' };
  if (balance < reward.pointsCost) return { kind: 'pointsAway', points: reward.pointsCost - balance };
  return { kind: 'available' };
}
