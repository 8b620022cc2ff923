// What the rewards of a period cost against the retention they bought. Six BRONZE customers: R1
// and R2 redeem, N1–N4 do not (N4's redemption was cancelled, so it does not count). Of the
// non-redeemers only N1 bought within 90 days after the period's start: a baseline of 1 in 4.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { createReward } from '../../api/src/services/reward.service.ts';
import { cancelRedemption, redeemReward } from '../../api/src/services/redemption.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, login, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers } from '../support/partner.ts';

let app: TestApp;
let org: TestOrganization;

const FIGURES = `redemptions cancelled pointsBurned cost { amountMinor currency }
  retention { redeemers redeemersRetained redeemerRate baselineRate extraRetained uncompared }
  costPerExtraRetained { amountMinor currency }`;
const ECONOMICS = `query ($from: DateTime!, $to: DateTime!, $currency: String) {
  programEconomics(from: $from, to: $to, currency: $currency) {
    __typename
    ... on QueryProgramEconomicsSuccess { data { currency method rewards { reward { name } ${FIGURES} } total { ${FIGURES} } } }
    ... on ValidationError { fieldErrors { path message } }
  }
}`;
const PERIOD = { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

const caller = () => systemCaller(org.id);
const at = (moment: string) => app.clock.set(new Date(moment));
const buy = (externalId: string, amountMinor: number, occurredAt?: string) =>
  recordEvent(caller(), {
    purchase: {
      customer: { externalId },
      amount: { amountMinor, currency: 'DKK' },
      occurredAt: occurredAt ? new Date(occurredAt) : null,
    },
  });
const redeem = (externalId: string, rewardId: string) => redeemReward(caller(), { customer: { externalId }, rewardId });

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2025-12-01T12:00:00Z') });
  org = await createTestOrganization(app, 'Økonomi');
  await createCustomers(org, 1, 'R1');
  await createCustomers(org, 1, 'R2');
  for (const name of ['N1', 'N2', 'N3', 'N4']) await createCustomers(org, 1, name);
  await buy('R1-1', 600000);
  await buy('R2-1', 100000);
  await buy('N4-1', 100000);
  for (const name of ['N1-1', 'N2-1', 'N3-1']) await buy(name, 50000);
  const reward = (name: string, pointsCost: number, amountMinor: number, currency = 'DKK') =>
    createReward(caller(), { name, pointsCost, kind: 'GIFT', unitCost: { amountMinor, currency } });
  const coffee = await reward('Kaffe', 100, 2500);
  const bag = await reward('Mulepose', 500, 10000);
  const card = await reward('Café-kort', 50, 300, 'EUR');

  at('2026-01-10T12:00:00Z');
  await redeem('R1-1', coffee.id);
  await redeem('R2-1', coffee.id);
  const cancelled = await redeem('N4-1', coffee.id);
  await cancelRedemption(caller(), { id: cancelled.id });
  await redeem('N3-1', card.id);
  at('2026-01-15T12:00:00Z');
  await redeem('R1-1', bag.id);

  at('2026-02-01T12:00:00Z');
  await buy('R1-1', 10000);
  await buy('N1-1', 10000, '2026-01-20T12:00:00Z');
  // Too late to count: more than 90 days after the redemption, or after the period's start.
  at('2026-06-01T12:00:00Z');
  await buy('R2-1', 10000);
  await buy('N2-1', 10000);
});
afterAll(() => app.stop());

const money = (amountMinor: number, currency = 'DKK') => ({ amountMinor, currency });
/** R1 bought again and R2 did not; the same-tier baseline is N1 of N1–N4. */
const halfOfTwoAgainstAQuarter = {
  redeemers: 2,
  redeemersRetained: 1,
  redeemerRate: 0.5,
  baselineRate: 0.25,
  extraRetained: 0.5,
  uncompared: 0,
};

test("per reward and in total: redemptions, points burned, cost, the redeemers' 90-day repurchase rate against same-tier non-redeemers, and the cost per extra retained customer", async () => {
  const manager = await login(app, org.emails.MANAGER);
  const result = await app.graphql(ECONOMICS, PERIOD, manager);
  const report = result.data!.programEconomics.data;
  expect(report.currency).toBe('DKK');
  expect(report.rewards).toEqual([
    {
      reward: { name: 'Mulepose' },
      redemptions: 1,
      cancelled: 0,
      pointsBurned: 500,
      cost: money(10000),
      retention: {
        redeemers: 1,
        redeemersRetained: 1,
        redeemerRate: 1,
        baselineRate: 0.25,
        extraRetained: 0.75,
        uncompared: 0,
      },
      costPerExtraRetained: money(13333),
    },
    {
      reward: { name: 'Kaffe' },
      redemptions: 2,
      cancelled: 1,
      pointsBurned: 200,
      cost: money(5000),
      retention: halfOfTwoAgainstAQuarter,
      costPerExtraRetained: money(10000),
    },
  ]);
  expect(report.total).toEqual({
    redemptions: 3,
    cancelled: 1,
    pointsBurned: 700,
    cost: money(15000),
    retention: halfOfTwoAgainstAQuarter,
    costPerExtraRetained: money(30000),
  });
  expect(report.method).toMatch(
    /^Redeemers are the customers with a fulfilled redemption from 1 Jan 2026 up to 1 Apr 2026, counted as retained if they bought again within 90 days/,
  );
});

test('rewards costed in another currency are reported on their own, and no extra retention has no cost per customer', async () => {
  const manager = await login(app, org.emails.MANAGER);
  const report = (await app.graphql(ECONOMICS, { ...PERIOD, currency: 'EUR' }, manager)).data!.programEconomics.data;
  expect(report.rewards.map((reward: { reward: { name: string } }) => reward.reward.name)).toEqual(['Café-kort']);
  // The baseline in EUR: everyone but N3 redeemed nothing in EUR; R1 and N1 bought within 90 days.
  expect(report.total).toMatchObject({
    redemptions: 1,
    cost: money(300, 'EUR'),
    retention: { redeemers: 1, redeemersRetained: 0, redeemerRate: 0, baselineRate: 0.4 },
    costPerExtraRetained: null,
  });
});

test('customers are compared in the tier they had when their 90 days began, not the tier they have now', async () => {
  at('2025-12-01T12:00:00Z');
  const tiered = await createTestOrganization(app, 'Niveau i perioden');
  const tieredCaller = systemCaller(tiered.id);
  await createCustomers(tiered, 3);
  const purchase = (externalId: string, amountMinor: number, occurredAt: string) =>
    recordEvent(tieredCaller, {
      purchase: {
        customer: { externalId },
        amount: { amountMinor, currency: 'DKK' },
        occurredAt: new Date(occurredAt),
      },
    });
  // K-1 and K-2 are GOLD (5 000 points) all through the period; K-3 is BRONZE in it.
  await purchase('K-1', 5_000_000, '2025-12-01T12:00:00Z');
  await purchase('K-2', 5_000_000, '2025-12-01T12:00:00Z');
  const coffee = await createReward(tieredCaller, {
    name: 'Kaffe',
    pointsCost: 100,
    kind: 'GIFT',
    unitCost: { amountMinor: 2500, currency: 'DKK' },
  });
  at('2026-01-10T12:00:00Z');
  await redeemReward(tieredCaller, { customer: { externalId: 'K-1' }, rewardId: coffee.id });
  // K-1 buys again after redeeming; of the non-redeemers only K-3 does, while still BRONZE.
  at('2026-02-01T12:00:00Z');
  await purchase('K-1', 10000, '2026-02-01T12:00:00Z');
  await purchase('K-3', 10000, '2026-01-20T12:00:00Z');
  // After the period K-3 becomes GOLD too.
  at('2026-06-01T12:00:00Z');
  await purchase('K-3', 5_000_000, '2026-06-01T12:00:00Z');

  const report = (await app.graphql(ECONOMICS, PERIOD, await login(app, tiered.emails.MANAGER))).data!.programEconomics
    .data;
  // Against the GOLD customers of the period (K-2, who did not buy again), not today's (K-2 and K-3).
  expect(report.total.retention).toEqual({
    redeemers: 1,
    redeemersRetained: 1,
    redeemerRate: 1,
    baselineRate: 0,
    extraRetained: 1,
    uncompared: 0,
  });
  expect(report.total.costPerExtraRetained).toEqual(money(2500));
});

test('the method is told in the language asked for, else in the reader’s own', async () => {
  const manager = await login(app, org.emails.MANAGER);
  const method = `query ($from: DateTime!, $to: DateTime!) {
    programEconomics(from: $from, to: $to) {
      ... on QueryProgramEconomicsSuccess { data { danish: method(locale: DA) reader: method } }
    }
  }`;
  const report = (await app.graphql(method, PERIOD, manager)).data!.programEconomics.data;
  expect(report.danish).toMatch(
    /^Indløsere er de kunder, der har en gennemført indløsning fra 1\. jan\. 2026 til 1\. apr\. 2026, /,
  );
  // The manager reads English (a user's default).
  expect(report.reader).toMatch(/^Redeemers are the customers with a fulfilled redemption from 1 Jan 2026 /);
});

test('a period that ends before it starts, or an unaccepted currency, is a ValidationError', async () => {
  const manager = await login(app, org.emails.MANAGER);
  const result = await app.graphql(ECONOMICS, { from: PERIOD.to, to: PERIOD.from, currency: 'USD' }, manager);
  expect(result.data!.programEconomics).toEqual({
    __typename: 'ValidationError',
    fieldErrors: [
      { path: ['to'], message: 'The period ends after it starts.' },
      { path: ['currency'], message: 'USD is not accepted; use one of DKK, SEK, NOK, EUR.' },
    ],
  });
});

test('a viewer may not see what the program costs', async () => {
  const viewer = await login(app, org.emails.VIEWER);
  const result = await app.graphql(ECONOMICS, PERIOD, viewer);
  expect(result.data!.programEconomics.__typename).toBe('ForbiddenError');
});
