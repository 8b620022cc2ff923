import type { OrganizationSettings } from '../settings.ts';
import type { Tier } from '../types.ts';

/** Lowest first: a tier's index is its rank. */
export const TIER_ORDER: readonly Tier[] = ['BRONZE', 'SILVER', 'GOLD'];

/** The tier for points earned in the last 12 months: the highest threshold reached. */
export function tierForPoints(
  pointsLast12Months: number,
  thresholds: OrganizationSettings['loyalty']['tierThresholds'],
): Tier {
  if (pointsLast12Months >= thresholds.GOLD) return 'GOLD';
  if (pointsLast12Months >= thresholds.SILVER) return 'SILVER';
  return 'BRONZE';
}

/** Whether `tier` is `minimum` or above (a reward's minimum tier). */
export function isTierAtLeast(tier: Tier, minimum: Tier): boolean {
  return TIER_ORDER.indexOf(tier) >= TIER_ORDER.indexOf(minimum);
}
