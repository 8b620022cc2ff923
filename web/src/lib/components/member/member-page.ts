// What the customer's own page groups and warns about, from the API's member figures.
export type Availability = 'AVAILABLE' | 'NEEDS_POINTS' | 'NEEDS_TIER' | 'OUT_OF_STOCK';
export type Tier = 'BRONZE' | 'SILVER' | 'GOLD';

/** The channels a customer chooses on their page: where we reach out to them. */
export const CONTACT_CHANNELS = ['EMAIL', 'SMS', 'PHONE'] as const;

interface OfferedReward {
  availability: Availability;
  requiredTier: Tier;
  pointsMissing: number;
}

/**
 * Rewards as the customer thinks of them: "yours to take now", "N points away" (nearest first),
 * "needs Gold" (per tier), and what has run out.
 */
export function rewardGroups<R extends OfferedReward>(rewards: readonly R[]) {
  const needsTier = new Map<Tier, R[]>();
  for (const reward of rewards.filter((reward) => reward.availability === 'NEEDS_TIER'))
    needsTier.set(reward.requiredTier, [...(needsTier.get(reward.requiredTier) ?? []), reward]);
  return {
    available: rewards.filter((reward) => reward.availability === 'AVAILABLE'),
    needsPoints: rewards
      .filter((reward) => reward.availability === 'NEEDS_POINTS')
      .sort((a, b) => a.pointsMissing - b.pointsMissing),
    needsTier: [...needsTier.entries()],
    outOfStock: rewards.filter((reward) => reward.availability === 'OUT_OF_STOCK'),
  };
}

/** Whether any lot expires within `days` of `now`: the page's notice. */
export function expiresWithin(lots: readonly { expiresAt: string }[], days: number, now: Date): boolean {
  const limit = now.getTime() + days * 86_400_000;
  return lots.some((lot) => new Date(lot.expiresAt).getTime() <= limit);
}

/** How far the bar fills: points earned in 12 months against the next tier's threshold (full at the top). */
export function progressShare(progress: { pointsEarned12Months: number; pointsToNextTier: number | null }): number {
  if (progress.pointsToNextTier === null) return 1;
  const goal = progress.pointsEarned12Months + progress.pointsToNextTier;
  return goal === 0 ? 1 : progress.pointsEarned12Months / goal;
}
