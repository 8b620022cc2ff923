import { describe, expect, it } from 'vitest';
import {
  programEconomics,
  type EconomicsNonRedeemers,
  type EconomicsRedeemer,
  type EconomicsRedemption,
} from './program-economics.ts';

// SILVER from 500 points earned in 12 months, GOLD from 2000: 0 and 100 points are BRONZE.
const tierThresholds = { SILVER: 500, GOLD: 2000 };
const redeemer = (customerId: string, pointsLast12Months: number, boughtAgain: boolean): EconomicsRedeemer => ({
  customerId,
  pointsLast12Months,
  boughtAgain,
});
const nonRedeemers = (customers: number, pointsLast12Months: number, boughtAgain: boolean): EconomicsNonRedeemers => ({
  customers,
  pointsLast12Months,
  boughtAgain,
});
const coffee = (customerId: string, status: EconomicsRedemption['status'] = 'FULFILLED'): EconomicsRedemption => ({
  customerId,
  rewardId: 'coffee',
  rewardName: 'Free coffee',
  points: 100,
  unitCostMinor: 2500,
  status,
});
const bag = (customerId: string): EconomicsRedemption => ({
  customerId,
  rewardId: 'bag',
  rewardName: 'Tote bag',
  points: 500,
  unitCostMinor: 10000,
  status: 'FULFILLED',
});

const period = { currency: 'DKK', tierThresholds };

// BRONZE non-redeemers: 1 of 5 bought again (r5 only had a cancelled redemption, so did not redeem,
// and is counted with them). GOLD non-redeemers: 2 of 2. No SILVER customer went without redeeming.
const customers = {
  redeemers: [
    redeemer('r1', 100, true),
    redeemer('r2', 0, true),
    redeemer('r3', 2500, true),
    redeemer('r4', 600, true),
  ],
  nonRedeemers: [
    nonRedeemers(1, 0, true),
    nonRedeemers(2, 0, false),
    nonRedeemers(2, 100, false),
    nonRedeemers(2, 2500, true),
  ],
};
const redemptions = [coffee('r1'), coffee('r2'), coffee('r5', 'CANCELLED'), bag('r3'), bag('r4'), bag('r1')];

describe('program economics', () => {
  const economics = programEconomics({ ...period, redemptions, ...customers });

  it('counts each reward’s fulfilled redemptions, cancellations, points burned and cost, costliest first', () => {
    expect(
      economics.rewards.map(({ rewardName, redemptions: count, cancelled, pointsBurned, cost }) => ({
        rewardName,
        count,
        cancelled,
        pointsBurned,
        cost,
      })),
    ).toEqual([
      {
        rewardName: 'Tote bag',
        count: 3,
        cancelled: 0,
        pointsBurned: 1500,
        cost: { amountMinor: 30000, currency: 'DKK' },
      },
      {
        rewardName: 'Free coffee',
        count: 2,
        cancelled: 1,
        pointsBurned: 200,
        cost: { amountMinor: 5000, currency: 'DKK' },
      },
    ]);
  });

  it('compares a reward’s redeemers with the non-redeemers of their own tier', () => {
    const freeCoffee = economics.rewards[1];
    expect(freeCoffee.retention).toEqual({
      redeemers: 2,
      redeemersRetained: 2,
      redeemerRate: 1,
      baselineRate: 0.2,
      extraRetained: 1.6,
      uncompared: 0,
    });
    expect(freeCoffee.costPerExtraRetained).toEqual({ amountMinor: 3125, currency: 'DKK' });
  });

  it('weights the baseline by the redeemers’ tier mix and leaves out tiers with nobody to compare with', () => {
    const toteBag = economics.rewards[0];
    expect(toteBag.retention).toEqual({
      redeemers: 2,
      redeemersRetained: 2,
      redeemerRate: 1,
      baselineRate: 0.6,
      extraRetained: 0.8,
      uncompared: 1,
    });
    expect(toteBag.costPerExtraRetained).toEqual({ amountMinor: 37500, currency: 'DKK' });
  });

  it('totals every reward, counting each redeemer once', () => {
    const { total } = economics;
    expect([total.redemptions, total.cancelled, total.pointsBurned, total.cost.amountMinor]).toEqual([
      5, 1, 1700, 35000,
    ]);
    expect(total.retention.redeemers).toBe(3);
    expect(total.retention.redeemersRetained).toBe(3);
    expect(total.retention.baselineRate).toBeCloseTo(1.4 / 3, 10);
    expect(total.retention.extraRetained).toBeCloseTo(1.6, 10);
    expect(total.retention.uncompared).toBe(1);
    expect(total.costPerExtraRetained).toEqual({ amountMinor: 21875, currency: 'DKK' });
  });

  it('a reward whose redeemers bought no more often than their tier has no cost per extra retained customer', () => {
    const result = programEconomics({
      ...period,
      redemptions: [coffee('r1')],
      redeemers: [redeemer('r1', 0, false)],
      nonRedeemers: [nonRedeemers(1, 0, true), nonRedeemers(1, 0, false)],
    });
    expect(result.rewards[0].retention.extraRetained).toBe(-0.5);
    expect(result.rewards[0].costPerExtraRetained).toBeNull();
  });

  it('compares a redeemer with the tier their 12-month points reach, the threshold itself included', () => {
    const result = programEconomics({
      ...period,
      redemptions: [coffee('r1')],
      redeemers: [redeemer('r1', 500, true)],
      nonRedeemers: [nonRedeemers(3, 499, true), nonRedeemers(1, 500, true), nonRedeemers(3, 500, false)],
    });
    expect(result.total.retention.baselineRate).toBe(0.25);
  });

  it('with no redemptions there is nothing to compare', () => {
    const result = programEconomics({ ...period, redemptions: [], ...customers });
    expect(result.rewards).toEqual([]);
    expect(result.total).toEqual({
      redemptions: 0,
      cancelled: 0,
      pointsBurned: 0,
      cost: { amountMinor: 0, currency: 'DKK' },
      retention: {
        redeemers: 0,
        redeemersRetained: 0,
        redeemerRate: null,
        baselineRate: null,
        extraRetained: 0,
        uncompared: 0,
      },
      costPerExtraRetained: null,
    });
  });
});
