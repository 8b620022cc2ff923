import type { OrganizationSettings } from '../settings.ts';
import type { Tier } from '../types.ts';
import { addMonthsUtc } from '../time/add-months.ts';
import { TIER_ORDER } from './tier-for-points.ts';
import { tierStatus, type Earning } from './tier-status.ts';

export interface TierProgress {
  tier: Tier;
  pointsEarned12Months: number;
  /** Null at the top tier. */
  nextTier: Tier | null;
  pointsToNextTier: number | null;
  /** The first date on which the points earned in the rolling 12 months fall below this tier's threshold. */
  keepTierBy: Date | null;
  /** What must be earned before `keepTierBy` to still hold this tier on that date. */
  pointsToKeepTier: number | null;
}

/**
 * Where a customer stands (PRODUCT.md "Member figures"): the next tier and what it needs, and,
 * with no new earnings, the day the current tier would be lost and how much keeps it. Each
 * earning counts for 12 calendar months, so the forecast is exact. The earnings may be only the
 * newest, as `tierStatus` says.
 */
export function tierProgress(
  earnings: readonly Earning[],
  thresholds: OrganizationSettings['loyalty']['tierThresholds'],
  now: Date,
  pointsLast12Months?: number,
): TierProgress {
  const status = tierStatus(earnings, thresholds, now, pointsLast12Months);
  const { tier, nextChangeAt } = status;
  const threshold = (of: Tier) => (of === 'BRONZE' ? 0 : thresholds[of]);
  const nextTier = TIER_ORDER[TIER_ORDER.indexOf(tier) + 1] ?? null;
  // Without new earnings the points only fall, so the tier's next change is its loss.
  const stillCounted = nextChangeAt
    ? earnings
        .filter((earning) => addMonthsUtc(earning.occurredAt, 12) > nextChangeAt)
        .reduce((sum, earning) => sum + earning.points, 0)
    : null;
  return {
    tier,
    pointsEarned12Months: status.pointsLast12Months,
    nextTier,
    pointsToNextTier: nextTier ? threshold(nextTier) - status.pointsLast12Months : null,
    keepTierBy: nextChangeAt,
    pointsToKeepTier: stillCounted === null ? null : threshold(tier) - stillCounted,
  };
}
