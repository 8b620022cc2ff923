import type { OrganizationSettings } from '../settings.ts';
import type { Tier } from '../types.ts';
import { addMonthsUtc } from '../time/add-months.ts';
import { tierForPoints } from './tier-for-points.ts';

export interface Earning {
  /** Points earned (EARN_PURCHASE, EARN_FEEDBACK, EARN_BONUS entries); spending does not lower a tier. */
  points: number;
  occurredAt: Date;
}

export interface TierStatus {
  tier: Tier;
  pointsLast12Months: number;
  /** When the tier falls as earnings leave the 12 months with no new event; null if it never does. */
  nextChangeAt: Date | null;
}

/**
 * A customer's tier now, and when time alone changes it: an earning counts until 12 calendar
 * months after it happened (so a back-dated purchase counts where it happened).
 *
 * The oldest earnings may be left out, `pointsLast12Months` then saying what all of them add up
 * to, as long as none left out leaves after one given and those given add up to the GOLD
 * threshold on their own (or are all there are): no tier falls before the left-out ones have
 * gone. A customer with ten thousand earnings in a year is judged on the few dozen newest.
 */
export function tierStatus(
  earnings: readonly Earning[],
  thresholds: OrganizationSettings['loyalty']['tierThresholds'],
  now: Date,
  pointsLast12Months?: number,
): TierStatus {
  const counted = earnings
    .map((earning) => ({ points: earning.points, leavesAt: addMonthsUtc(earning.occurredAt, 12) }))
    .filter((earning) => now < earning.leavesAt)
    .sort((a, b) => a.leavesAt.getTime() - b.leavesAt.getTime());
  const given = counted.reduce((sum, earning) => sum + earning.points, 0);
  const total = pointsLast12Months ?? given;
  const tier = tierForPoints(total, thresholds);

  let remaining = given;
  for (const [index, earning] of counted.entries()) {
    remaining -= earning.points;
    // Several earnings may leave at the same instant; judge the tier once they all have.
    const nextLeavesAt = counted[index + 1]?.leavesAt.getTime();
    if (nextLeavesAt === earning.leavesAt.getTime()) continue;
    if (tierForPoints(remaining, thresholds) !== tier)
      return { tier, pointsLast12Months: total, nextChangeAt: earning.leavesAt };
  }
  return { tier, pointsLast12Months: total, nextChangeAt: null };
}
