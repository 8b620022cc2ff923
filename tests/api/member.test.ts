// The customer's own page through GraphQL, as the page and a shop's own UI use it: balance, the
// ledger as sentences, expiring lots, tier progress, rewards by availability, redeeming with every
// guarantee of redeemReward, contact preferences, reporting a problem and the data download.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { db } from '../../api/src/runtime.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { createReward } from '../../api/src/services/reward.service.ts';
import { createMemberLink } from '../../api/src/services/member-access.service.ts';
import { writeTransaction } from '../../api/src/services/transaction.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { gid } from '../support/operations.ts';

let app: TestApp;
let shop: TestOrganization;
let session: string;
const rewards: Record<string, string> = {};

const purchase = (customerId: string, kroner: number, iso: string) =>
  recordEvent(systemCaller(shop.id), {
    purchase: {
      customer: { id: customerId },
      amount: { amountMinor: kroner * 100, currency: 'DKK' },
      occurredAt: new Date(iso),
    },
  });

async function reward(name: string, pointsCost: number, extra: { stock?: number; minimumTier?: 'GOLD' } = {}) {
  const created = await createReward(systemCaller(shop.id), {
    name,
    pointsCost,
    kind: 'GIFT',
    unitCost: { amountMinor: 1000, currency: 'DKK' },
    stock: extra.stock ?? null,
    minimumTier: extra.minimumTier ?? null,
  });
  rewards[name] = gid('Reward', created.id);
}

const member = async (fields: string, locale?: string) =>
  (await app.graphql(`query ($locale: Locale) { member(locale: $locale) { ${fields} } }`, { locale }, session)).data!
    .member;

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-05-04T10:00:00Z') });
  shop = await createTestOrganization(app, 'Nordlys Cykler');
  const customer = await upsertCustomer(systemCaller(shop.id), {
    externalId: 'K-7',
    name: 'Karen Holm',
    locale: 'DA',
  });
  // 300 points that expire on 20 May, 400 that stop counting for the tier on 10 Jun, 800 recent.
  await purchase(customer.id, 3000, '2024-05-20T09:00:00Z');
  await purchase(customer.id, 4000, '2025-06-10T09:00:00Z');
  await purchase(customer.id, 8000, '2026-03-01T09:00:00Z');
  await reward('Kaffe', 100);
  await reward('Cykeltur', 2000);
  await reward('Guldservice', 200, { minimumTier: 'GOLD' });
  await reward('Udsolgt', 50, { stock: 0 });
  const link = await writeTransaction(shop.id, (tx) => createMemberLink(tx, customer.id, app.clock.now()));
  session = (
    await app.graphql(
      `mutation ($token: String!) { startMemberSession(linkToken: $token) { ... on MutationStartMemberSessionSuccess { data { token } } } }`,
      { token: link.split('/').at(-1) },
    )
  ).data!.startMemberSession.data.token;
});
afterAll(() => app?.stop());

describe('what the customer sees', () => {
  test('their balance and tier progress: Silver, 200 more points before 10 Jun keeps it', async () => {
    expect(
      await member(
        'name organizationName pointsBalance tierProgress { tier pointsEarned12Months nextTier pointsToNextTier pointsToKeepTier keepTierBy explanation }',
        'EN',
      ),
    ).toEqual({
      name: 'Karen Holm',
      organizationName: 'Nordlys Cykler',
      pointsBalance: 1500,
      tierProgress: {
        tier: 'SILVER',
        pointsEarned12Months: 1200,
        nextTier: 'GOLD',
        pointsToNextTier: 3800,
        pointsToKeepTier: 200,
        keepTierBy: '2026-06-10T09:00:00.000Z',
        explanation: '1,200 of 5,000 points to Gold. Earn 200 points more before 10 Jun 2026 to stay Silver.',
      },
    });
  });

  test('the tier progress speaks the customer’s language unless the page asks for another', async () => {
    expect((await member('locale tierProgress { explanation }')).tierProgress.explanation).toBe(
      '1.200 af 5.000 point til Guld. Optjen 200 point mere før 10. jun. 2026 for at forblive Sølv.',
    );
  });

  test('points that expire within 12 months, per lot, earliest first', async () => {
    expect(await member('expiringPoints { points expiresAt }')).toEqual({
      expiringPoints: [{ points: 300, expiresAt: '2026-05-20T09:00:00.000Z' }],
    });
  });

  test('the ledger as sentences in their language, paged, latest first', async () => {
    const first = await member(
      'pointsLedger(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { delta kind explanation balanceAfter } } }',
    );
    expect(first.pointsLedger.totalCount).toBe(3);
    expect(first.pointsLedger.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      {
        delta: 800,
        kind: 'EARN_PURCHASE',
        explanation: '800 point for dit køb på 8.000,00 kr. den 1. mar. 2026 (1 point pr. 10 kr.)',
        balanceAfter: 1500,
      },
      {
        delta: 400,
        kind: 'EARN_PURCHASE',
        explanation: '400 point for dit køb på 4.000,00 kr. den 10. jun. 2025 (1 point pr. 10 kr.)',
        balanceAfter: 700,
      },
    ]);
    const { data } = await app.graphql(
      `query ($after: String) { member { pointsLedger(first: 2, after: $after) { pageInfo { hasNextPage } edges { node { delta } } } } }`,
      { after: first.pointsLedger.pageInfo.endCursor },
      session,
    );
    expect(data!.member.pointsLedger).toEqual({ pageInfo: { hasNextPage: false }, edges: [{ node: { delta: 300 } }] });
  });

  test('rewards: yours to take now, N points away, needs Gold, out of stock', async () => {
    const { rewards: offered } = await member('rewards { name availability pointsMissing requiredTier }');
    expect(offered).toEqual([
      { name: 'Udsolgt', availability: 'OUT_OF_STOCK', pointsMissing: 0, requiredTier: 'BRONZE' },
      { name: 'Kaffe', availability: 'AVAILABLE', pointsMissing: 0, requiredTier: 'BRONZE' },
      { name: 'Guldservice', availability: 'NEEDS_TIER', pointsMissing: 0, requiredTier: 'GOLD' },
      { name: 'Cykeltur', availability: 'NEEDS_POINTS', pointsMissing: 500, requiredTier: 'BRONZE' },
    ]);
  });
});

const REDEEM = `mutation ($reward: ID!) {
  memberRedeemReward(rewardId: $reward) {
    __typename
    ... on MutationMemberRedeemRewardSuccess { data { rewardName points status } }
    ... on TierTooLowError { requiredTier customerTier }
    ... on Error { message }
  }
}`;

describe('what the customer does', () => {
  test('a reward that needs Gold is refused to a Silver member', async () => {
    const { data } = await app.graphql(REDEEM, { reward: rewards.Guldservice }, session);
    expect(data!.memberRedeemReward).toMatchObject({
      __typename: 'TierTooLowError',
      requiredTier: 'GOLD',
      customerTier: 'SILVER',
    });
  });

  test('redeeming a reward takes its points and shows among their redemptions', async () => {
    const { data } = await app.graphql(REDEEM, { reward: rewards.Kaffe }, session);
    expect(data!.memberRedeemReward).toEqual({
      __typename: 'MutationMemberRedeemRewardSuccess',
      data: { rewardName: 'Kaffe', points: 100, status: 'FULFILLED' },
    });
    expect(await member('pointsBalance redemptions { rewardName points status }')).toEqual({
      pointsBalance: 1400,
      redemptions: [{ rewardName: 'Kaffe', points: 100, status: 'FULFILLED' }],
    });
  });

  test('changing contact preferences is consent from the customer, and canContact follows at once', async () => {
    const { data } = await app.graphql(
      `mutation { memberUpdateConsents(consents: [{ channel: EMAIL, granted: true }, { channel: SMS, granted: false }]) {
        __typename ... on MutationMemberUpdateConsentsSuccess { data { channel granted updatedAt } } } }`,
      {},
      session,
    );
    expect(
      data!.memberUpdateConsents.data.filter((consent: { channel: string }) => consent.channel === 'EMAIL'),
    ).toEqual([{ channel: 'EMAIL', granted: true, updatedAt: app.clock.now().toISOString() }]);
    const stored = await db()
      .forOrganization(shop.id)
      .channelConsent.findMany({ select: { channel: true, granted: true, source: true }, orderBy: { channel: 'asc' } });
    expect(stored).toEqual([
      { channel: 'EMAIL', granted: true, source: 'CUSTOMER' },
      { channel: 'SMS', granted: false, source: 'CUSTOMER' },
    ]);
    const advice = await app.graphql(
      `{ canContact(customer: { externalId: "K-7" }, channel: EMAIL, kind: MARKETING) { allowed } }`,
      {},
      shop.tokens.VIEWER,
    );
    expect(advice.data!.canContact.allowed).toBe(true);
  });

  test('giving a channel twice changes nothing', async () => {
    const { data } = await app.graphql(
      `mutation { memberUpdateConsents(consents: [{ channel: EMAIL, granted: false }, { channel: EMAIL, granted: true }]) {
        __typename ... on ValidationError { fieldErrors { path message } } } }`,
      {},
      session,
    );
    expect(data!.memberUpdateConsents).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['consents'], message: 'Give each channel once.' }],
    });
  });

  test('a reported problem is an incident from the customer in the staff’s queue', async () => {
    const { data } = await app.graphql(
      `mutation { memberReportProblem(input: { title: "The bike arrived scratched", description: "Left pedal arm", category: DELIVERY }) {
        __typename ... on MutationMemberReportProblemSuccess { data { title status } } } }`,
      {},
      session,
    );
    expect(data!.memberReportProblem).toEqual({
      __typename: 'MutationMemberReportProblemSuccess',
      data: { title: 'The bike arrived scratched', status: 'OPEN' },
    });
    const queue = await app.graphql(
      `{ incidents(first: 10) { edges { node { title source category customer { externalId } } } } }`,
      {},
      shop.tokens.AGENT,
    );
    expect(queue.data!.incidents.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      {
        title: 'The bike arrived scratched',
        source: 'CUSTOMER',
        category: 'DELIVERY',
        customer: { externalId: 'K-7' },
      },
    ]);
    expect((await member('incidents { title status }')).incidents).toEqual([
      { title: 'The bike arrived scratched', status: 'OPEN' },
    ]);
  });

  test('a problem without a title is refused with the field named', async () => {
    const { data } = await app.graphql(
      `mutation { memberReportProblem(input: { title: "  " }) { __typename ... on ValidationError { fieldErrors { path } } } }`,
      {},
      session,
    );
    expect(data!.memberReportProblem).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'title'] }],
    });
  });

  test('the data download holds everything stored about them, and never risk or scores', async () => {
    const { dataExport } = await member('dataExport');
    expect(dataExport.customer).toMatchObject({ externalId: 'K-7', name: 'Karen Holm', pointsBalance: 1400 });
    expect(dataExport.purchases.map((row: { amountMinor: number }) => row.amountMinor)).toEqual([
      300000, 400000, 800000,
    ]);
    expect(dataExport.pointsLedger).toHaveLength(4);
    expect(dataExport.redemptions).toMatchObject([{ reward: 'Kaffe', points: 100 }]);
    expect(dataExport.incidents).toMatchObject([{ title: 'The bike arrived scratched' }]);
    expect(JSON.stringify(dataExport)).not.toMatch(/risk|engagement|satisfaction/i);
  });
});
