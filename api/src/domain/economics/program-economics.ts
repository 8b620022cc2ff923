// The average loyalty program is unprofitable: measure what each reward costs against the
// retention it buys, and say how it was measured.
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

export interface EconomicsCustomer {
  customerId: string;
  tier: Tier;
  /**
   * Whether they bought again within 90 days: for a redeemer, after their first fulfilled
   * redemption in the period; for everyone else, after the period's start.
   */
  boughtAgain: boolean;
}

/** The figures of one period (from inclusive to exclusive); the caller picks its redemptions and customers. */
export interface EconomicsInput {
  /** The currency of every unit cost (the organization's). */
  currency: string;
  /** The redemptions made in the period, cancelled ones included. */
  redemptions: readonly EconomicsRedemption[];
  /** Every customer to compare: the redeemers and the customers who did not redeem. */
  customers: readonly EconomicsCustomer[];
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
  const customers = new Map(input.customers.map((customer) => [customer.customerId, customer]));
  const redeemerIds = new Set(
    input.redemptions
      .filter((redemption) => redemption.status === 'FULFILLED')
      .map((redemption) => redemption.customerId),
  );

  // The baseline per tier: customers who redeemed nothing in the period.
  const baseline = new Map<Tier, { customers: number; retained: number }>();
  for (const customer of input.customers) {
    if (redeemerIds.has(customer.customerId)) continue;
    const tier = baseline.get(customer.tier) ?? { customers: 0, retained: 0 };
    baseline.set(customer.tier, {
      customers: tier.customers + 1,
      retained: tier.retained + (customer.boughtAgain ? 1 : 0),
    });
  }

  const figures = (redemptions: readonly EconomicsRedemption[]): EconomicsFigures => {
    const fulfilled = redemptions.filter((redemption) => redemption.status === 'FULFILLED');
    const costMinor = fulfilled.reduce((sum, redemption) => sum + redemption.unitCostMinor, 0);
    const retention = compare(new Set(fulfilled.map((redemption) => redemption.customerId)), customers, baseline);
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
  redeemers: ReadonlySet<string>,
  customers: ReadonlyMap<string, EconomicsCustomer>,
  baseline: ReadonlyMap<Tier, { customers: number; retained: number }>,
): Retention {
  let compared = 0;
  let retained = 0;
  let expected = 0;
  for (const customerId of redeemers) {
    const customer = customers.get(customerId);
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
    uncompared: redeemers.size - compared,
  };
}
