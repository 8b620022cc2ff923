// The average loyalty program is unprofitable: measure what each reward costs against the
// retention it buys, and say how it was measured.
import { tierForPoints } from '../points/tier-for-points.ts';
import type { OrganizationSettings } from '../settings.ts';
import type { RedemptionStatus, Tier } from '../types.ts';

export interface EconomicsRedemption {
  customerId: string;
  rewardId: string;
  rewardName: string;
  points: number;
  /** The reward's unit cost to the company, in minor units of the report's currency. */
  unitCostMinor: number;
  status: RedemptionStatus;
}

/** A customer with a fulfilled redemption in the period, compared from their first one. */
export interface EconomicsRedeemer {
  customerId: string;
  /** Points earned in the 12 months before their first fulfilled redemption in the period: their tier then. */
  pointsLast12Months: number;
  /** Whether they bought again within 90 days of that redemption. */
  boughtAgain: boolean;
}

/**
 * Customers who redeemed nothing in the period, compared from its start and counted together: so
 * many customers earned these points in the 12 months before it and did (or did not) buy again
 * within 90 days of it. Counts, not customers, so the baseline costs what the tiers hold.
 */
export interface EconomicsNonRedeemers {
  pointsLast12Months: number;
  boughtAgain: boolean;
  customers: number;
}

/** The figures of one period (from inclusive to exclusive); the caller picks its redemptions and customers. */
export interface EconomicsInput {
  /** The currency of every unit cost (the organization's). */
  currency: string;
  /** The organization's, which turn points into a tier (tierForPoints). */
  tierThresholds: OrganizationSettings['loyalty']['tierThresholds'];
  /** The redemptions made in the period, cancelled ones included. */
  redemptions: readonly EconomicsRedemption[];
  /** The customers of the fulfilled redemptions; one missing is left out of the comparison. */
  redeemers: readonly EconomicsRedeemer[];
  /** Everyone else compared: the customers known at the period's start who did not redeem. */
  nonRedeemers: readonly EconomicsNonRedeemers[];
}

export interface Retention {
  /** Redeemers compared (a redeemer whose tier has no non-redeemers has nothing to be compared with). */
  redeemers: number;
  redeemersRetained: number;
  /** Share (0–1) of the compared redeemers who bought again; null with none. */
  redeemerRate: number | null;
  /** The non-redeemers' share of the same tiers, weighted by the redeemers' tier mix; null with none. */
  baselineRate: number | null;
  /** Redeemers retained beyond what the baseline predicts (fractional; negative when fewer). */
  extraRetained: number;
  /** Redeemers left out: unknown customers, or tiers in which everybody redeemed. */
  uncompared: number;
}

export interface EconomicsFigures {
  /** Fulfilled redemptions. */
  redemptions: number;
  cancelled: number;
  /** Points of fulfilled redemptions (cancelled ones were refunded). */
  pointsBurned: number;
  /** unitCost × fulfilled redemptions. */
  cost: { amountMinor: number; currency: string };
  retention: Retention;
  /** cost / extraRetained, rounded to a minor unit; null when the rewards bought no extra retention. */
  costPerExtraRetained: { amountMinor: number; currency: string } | null;
}

export interface RewardEconomics extends EconomicsFigures {
  rewardId: string;
  rewardName: string;
}

export interface ProgramEconomics {
  /** By cost, highest first. */
  rewards: RewardEconomics[];
  total: EconomicsFigures;
}

export function programEconomics(input: EconomicsInput): ProgramEconomics {
  const redeemers = new Map(
    input.redeemers.map((redeemer) => [
      redeemer.customerId,
      { tier: tierForPoints(redeemer.pointsLast12Months, input.tierThresholds), boughtAgain: redeemer.boughtAgain },
    ]),
  );

  // The baseline per tier: customers who redeemed nothing in the period.
  const baseline = new Map<Tier, { customers: number; retained: number }>();
  for (const group of input.nonRedeemers) {
    const tierOfGroup = tierForPoints(group.pointsLast12Months, input.tierThresholds);
    const tier = baseline.get(tierOfGroup) ?? { customers: 0, retained: 0 };
    baseline.set(tierOfGroup, {
      customers: tier.customers + group.customers,
      retained: tier.retained + (group.boughtAgain ? group.customers : 0),
    });
  }

  const figures = (redemptions: readonly EconomicsRedemption[]): EconomicsFigures => {
    const fulfilled = redemptions.filter((redemption) => redemption.status === 'FULFILLED');
    const costMinor = fulfilled.reduce((sum, redemption) => sum + redemption.unitCostMinor, 0);
    const retention = compare(new Set(fulfilled.map((redemption) => redemption.customerId)), redeemers, baseline);
    return {
      redemptions: fulfilled.length,
      cancelled: redemptions.length - fulfilled.length,
      pointsBurned: fulfilled.reduce((sum, redemption) => sum + redemption.points, 0),
      cost: { amountMinor: costMinor, currency: input.currency },
      retention,
      costPerExtraRetained:
        retention.extraRetained > 0
          ? { amountMinor: Math.round(costMinor / retention.extraRetained), currency: input.currency }
          : null,
    };
  };

  const byReward = new Map<string, EconomicsRedemption[]>();
  for (const redemption of input.redemptions) {
    const list = byReward.get(redemption.rewardId);
    if (list) list.push(redemption);
    else byReward.set(redemption.rewardId, [redemption]);
  }
  const rewards = [...byReward.entries()]
    .map(([rewardId, redemptions]) => ({ rewardId, rewardName: redemptions[0].rewardName, ...figures(redemptions) }))
    .sort((a, b) => b.cost.amountMinor - a.cost.amountMinor || a.rewardName.localeCompare(b.rewardName));

  return { rewards, total: figures(input.redemptions) };
}

function compare(
  redeemerIds: ReadonlySet<string>,
  redeemers: ReadonlyMap<string, { tier: Tier; boughtAgain: boolean }>,
  baseline: ReadonlyMap<Tier, { customers: number; retained: number }>,
): Retention {
  let compared = 0;
  let retained = 0;
  let expected = 0;
  for (const customerId of redeemerIds) {
    const customer = redeemers.get(customerId);
    const tier = customer && baseline.get(customer.tier);
    if (!customer || !tier || tier.customers === 0) continue;
    compared += 1;
    retained += customer.boughtAgain ? 1 : 0;
    expected += tier.retained / tier.customers;
  }
  return {
    redeemers: compared,
    redeemersRetained: retained,
    redeemerRate: compared > 0 ? retained / compared : null,
    baselineRate: compared > 0 ? expected / compared : null,
    extraRetained: retained - expected,
    uncompared: redeemerIds.size - compared,
  };
}
