// PRODUCT.md "Customers to thank": loyal customers (first purchase at least 12 months ago, and
// engagement ≥ 50 or latest NPS 9–10) with no THANK_YOU contact in the last 180 days,
// longest-standing first. Each customer's history is recorded by a partner, back-dated.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { addMonthsUtc } from '../../api/src/domain/time/add-months.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { createSurvey } from '../../api/src/services/survey.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { gid } from '../support/operations.ts';
import { partnerKey } from '../support/partner.ts';

const NOW = new Date('2026-03-02T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

let app: TestApp;

const TO_THANK = `query ($first: Int, $after: String) { customersToThank(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { externalId } } } }`;

interface History {
  /** Days ago of each purchase. */
  purchases?: number[];
  /** Inbound service contacts in the last 90 days: 4 of them and 3 recent purchases make engagement 50. */
  engaged?: boolean;
  /** Days ago of a THANK_YOU call. */
  thankedDaysAgo?: number;
  /** Days ago of any earlier, non-purchase event. */
  contactedDaysAgo?: number;
  /** NPS answers in the order a partner sends them (which need not be the order they were given). */
  nps?: { score: number; daysAgo: number }[];
}

/** A shop, a partner that records its events, and NPS surveys to answer. */
async function shop(name: string) {
  const org: TestOrganization = await createTestOrganization(app, name);
  const writer = await partnerKey(org, ['EVENTS_WRITE']);
  const reader = await partnerKey(org, ['CUSTOMERS_READ']);
  const surveys: string[] = [];
  for (const question of ['How likely are you to recommend us?', 'And now?']) {
    surveys.push(gid('Survey', (await createSurvey(systemCaller(org.id), { kind: 'NPS', question })).id));
  }

  async function customer(externalId: string, history: History) {
    await upsertCustomer(systemCaller(org.id), { externalId, name: `Kunde ${externalId}` });
    const ref = { externalId };
    const purchase = (occurredAt: Date) => ({
      purchase: { customer: ref, amount: { amountMinor: 45000, currency: 'DKK' }, occurredAt },
    });
    const contact = (kind: string, direction: string, occurredAt: Date) => ({
      interaction: { customer: ref, channel: 'PHONE', direction, kind, personal: true, occurredAt },
    });
    const events = [
      ...(history.purchases ?? []).map((days) => purchase(daysAgo(days))),
      ...(history.engaged
        ? [
            ...[10, 20, 30].map((days) => purchase(daysAgo(days))),
            ...[5, 15, 25, 35].map((days) => contact('SERVICE', 'INBOUND', daysAgo(days))),
          ]
        : []),
      ...(history.thankedDaysAgo === undefined
        ? []
        : [contact('THANK_YOU', 'OUTBOUND', daysAgo(history.thankedDaysAgo))]),
      ...(history.contactedDaysAgo === undefined
        ? []
        : [contact('CHECK_IN', 'OUTBOUND', daysAgo(history.contactedDaysAgo))]),
    ];
    const record = async (batch: object[]) => {
      const result = await app.graphql(
        `mutation ($events: [EventInput!]!) { recordEvents(input: { events: $events }) {
          ... on MutationRecordEventsSuccess { data { failed } } } }`,
        { events: batch },
        writer,
      );
      expect(result.data!.recordEvents.data.failed).toBe(0);
    };
    if (events.length > 0) await record(events);
    // One call per answer, in the order given: a back-dated answer may arrive after a newer one.
    for (const [index, answer] of (history.nps ?? []).entries()) {
      await record([
        {
          feedback: {
            customer: ref,
            surveyId: surveys[index],
            score: answer.score,
            occurredAt: daysAgo(answer.daysAgo),
          },
        },
      ]);
    }
  }

  async function toThank(variables: { first?: number; after?: string } = { first: 100 }) {
    const result = await app.graphql(TO_THANK, variables, reader);
    return result.data!.customersToThank;
  }
  const listed = async () =>
    (await toThank()).edges.map((edge: { node: { externalId: string } }) => edge.node.externalId);

  return { org, reader, customer, toThank, listed };
}

let nordlys: Awaited<ReturnType<typeof shop>>;

beforeAll(async () => {
  app = await startTestApp({ now: NOW });
  nordlys = await shop('Tak');
  // In the order of their first purchase, longest-standing first.
  await nordlys.customer('ENGAGED-SINCE-2023', { purchases: [1000], engaged: true });
  await nordlys.customer('PROMOTER', { purchases: [600], nps: [{ score: 10, daysAgo: 30 }] });
  await nordlys.customer('THANKED-181-DAYS-AGO', { purchases: [500], engaged: true, thankedDaysAgo: 181 });
  await nordlys.customer('CONTACTED-BEFORE-BUYING', { purchases: [400], engaged: true, contactedDaysAgo: 900 });
  await nordlys.customer('ELEVEN-MONTHS', { purchases: [335], engaged: true });
  await nordlys.customer('THANKED-179-DAYS-AGO', { purchases: [700], engaged: true, thankedDaysAgo: 179 });
  await nordlys.customer('QUIET', { purchases: [800] });
  await nordlys.customer('FORMER-PROMOTER', {
    purchases: [800],
    nps: [
      { score: 3, daysAgo: 10 },
      { score: 10, daysAgo: 200 },
    ],
  });
  await nordlys.customer('PROMOTER-LAST-YEAR', { purchases: [800], nps: [{ score: 10, daysAgo: 366 }] });
  await nordlys.customer('PROMOTER-NEVER-BOUGHT', { contactedDaysAgo: 800, nps: [{ score: 9, daysAgo: 30 }] });
});
afterAll(() => app.stop());

describe('who is listed', () => {
  test.each<[string, boolean, string]>([
    ['ENGAGED-SINCE-2023', true, 'first purchase 1 000 days ago and engagement 50'],
    ['PROMOTER', true, 'first purchase 600 days ago and a latest NPS answer of 10, though barely engaged'],
    ['ELEVEN-MONTHS', false, 'engaged, but the first purchase was 11 months ago'],
    ['QUIET', false, 'a customer for years, but neither engaged nor a promoter'],
    ['FORMER-PROMOTER', false, 'answered 10, but the latest answer (recorded first, given later) is 3'],
    ['PROMOTER-LAST-YEAR', false, 'the answer of 10 is more than a year old'],
    ['PROMOTER-NEVER-BOUGHT', false, 'a promoter known for years who never bought anything'],
    ['THANKED-179-DAYS-AGO', false, 'loyal, but thanked 179 days ago'],
    ['THANKED-181-DAYS-AGO', true, 'loyal, and last thanked 181 days ago'],
  ])('%s is listed: %s (%s)', async (externalId, expected) => {
    expect((await nordlys.listed()).includes(externalId)).toBe(expected);
  });

  test('a first purchase exactly 12 months ago counts as 12 months', async () => {
    const shop12 = await shop('Tolv');
    const exactly = Math.round((NOW.getTime() - addMonthsUtc(NOW, -12).getTime()) / DAY);
    await shop12.customer('A-YEAR-AGO-TODAY', { purchases: [exactly], engaged: true });
    await shop12.customer('A-YEAR-AGO-TOMORROW', { purchases: [exactly - 1], engaged: true });
    expect(await shop12.listed()).toEqual(['A-YEAR-AGO-TODAY']);
  });

  test('a promoter is listed even where the organization weighs PROMOTER at 0', async () => {
    const zero = await shop('Nul');
    const weighed = await app.graphql(
      'mutation { updateOrganizationSettings(settings: { risk: { promoter: 0 } }) { __typename } }',
      {},
      zero.org.tokens.ADMIN,
    );
    expect(weighed.data!.updateOrganizationSettings.__typename).toBe('MutationUpdateOrganizationSettingsSuccess');
    await zero.customer('PROMOTER', { purchases: [600], nps: [{ score: 9, daysAgo: 30 }] });
    const risk = await app.graphql(
      '{ customer(ref: { externalId: "PROMOTER" }) { risk { factors { code } } } }',
      {},
      zero.reader,
    );
    expect(risk.data!.customer.risk.factors.map((factor: { code: string }) => factor.code)).not.toContain('PROMOTER');
    expect(await zero.listed()).toEqual(['PROMOTER']);
  });
});

describe('order and paging', () => {
  test('longest-standing first, by first purchase rather than by earliest event', async () => {
    expect(await nordlys.listed()).toEqual([
      'ENGAGED-SINCE-2023',
      'PROMOTER',
      'THANKED-181-DAYS-AGO',
      'CONTACTED-BEFORE-BUYING',
    ]);
  });

  test('pages with first and after, counting them all', async () => {
    const first = await nordlys.toThank({ first: 3 });
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges.map((edge: { node: { externalId: string } }) => edge.node.externalId)).toEqual([
      'ENGAGED-SINCE-2023',
      'PROMOTER',
      'THANKED-181-DAYS-AGO',
    ]);
    const second = await nordlys.toThank({ first: 3, after: first.pageInfo.endCursor });
    expect(second.totalCount).toBe(4);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.edges.map((edge: { node: { externalId: string } }) => edge.node.externalId)).toEqual([
      'CONTACTED-BEFORE-BUYING',
    ]);
  });
});

describe('thanking the list', () => {
  test('thanking the whole list empties it at once, and the bonus points explain themselves', async () => {
    const thanks = await shop('Takkekort');
    for (const [externalId, days] of [
      ['LOYAL-1', 700],
      ['LOYAL-2', 650],
    ] as const) {
      await thanks.customer(externalId, { purchases: [days], engaged: true });
      await upsertCustomer(systemCaller(thanks.org.id), {
        externalId,
        name: `Kunde ${externalId}`,
        email: `${externalId.toLowerCase()}@example.com`,
        consents: [{ channel: 'EMAIL', granted: true }],
      });
    }
    expect(await thanks.listed()).toEqual(['LOYAL-1', 'LOYAL-2']);
    const thanked = await app.graphql(
      `mutation ($input: ThankCustomersInput!) { thankCustomers(input: $input) {
        __typename ... on MutationThankCustomersSuccess { data { status } } } }`,
      {
        input: {
          customers: (await thanks.listed()).map((externalId: string) => ({ externalId })),
          channel: 'EMAIL',
          bonusPoints: 200,
          note: 'thank you for five years with us',
        },
      },
      thanks.org.tokens.AGENT,
    );
    expect(thanked.data!.thankCustomers.data).toEqual([{ status: 'SCHEDULED' }, { status: 'SCHEDULED' }]);
    expect((await thanks.toThank()).totalCount).toBe(0);
    await app.runJobs();
    expect((await thanks.toThank()).totalCount).toBe(0);
    const ledger = await app.graphql(
      `{ customer(ref: { externalId: "LOYAL-1" }) { pointsLedger(first: 1) { edges { node { delta explanation(locale: EN) } } }
         interactions(first: 1) { edges { node { kind direction } } } } }`,
      {},
      thanks.org.tokens.AGENT,
    );
    expect(ledger.data!.customer.pointsLedger.edges[0].node).toEqual({
      delta: 200,
      explanation: expect.stringContaining('thank you for five years with us'),
    });
    expect(ledger.data!.customer.interactions.edges[0].node).toEqual({ kind: 'THANK_YOU', direction: 'OUTBOUND' });
  });
});
