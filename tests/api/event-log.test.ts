// The event log (issue 13): every write's events are stored with it, in a gap-free order per
// organization; a write that fails stores none; the feed reads the log from a cursor with no gap
// and no repeat, for managers and keys with events:read; the log keeps 30 days.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { isPublicEventType } from '../../api/src/domain/events/event-types.ts';
import { db } from '../../api/src/runtime.ts';
import { recordEvent, recordEvents } from '../../api/src/services/events.service.ts';
import { adjustPoints, redeemReward } from '../../api/src/services/redemption.service.ts';
import { createReward } from '../../api/src/services/reward.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { gid } from '../support/operations.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';

const DAY = 24 * 60 * 60 * 1000;
let app: TestApp;
let org: TestOrganization;
let other: TestOrganization;
let customers: { id: string }[];

const logOf = (organizationId: string) =>
  db()
    .forOrganization(organizationId)
    .event.findMany({ orderBy: { seq: 'asc' } });

const FEED = `query ($first: Int, $after: String, $types: [WebhookEventType!]) {
  events(first: $first, after: $after, types: $types) {
    totalCount
    edges { cursor node { id type occurredAt data } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function purchase(customerId: string, amountMinor: number) {
  return recordEvent(systemCaller(org.id), {
    purchase: { customer: { id: customerId }, amount: { amountMinor, currency: 'DKK' } },
  });
}

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-01T10:00:00Z') });
  org = await createTestOrganization(app, 'Loggen');
  other = await createTestOrganization(app, 'Naboen');
  customers = await createCustomers(org, 5);
});

afterAll(async () => {
  await app?.stop();
});

describe('the log', () => {
  test('a purchase stores its points event with it, with the customer global id and the new balance', async () => {
    const before = (await logOf(org.id)).length;
    await purchase(customers[0].id, 120_000);
    const added = (await logOf(org.id)).slice(before);
    const points = added.find((event) => event.type === 'points.changed');
    expect(points?.data).toEqual({ customer: gid('Customer', customers[0].id), delta: 120, balance: 120, entries: 1 });
  });

  test('every organization has its own order, from 1, with no gap', async () => {
    await purchase(customers[1].id, 5_000);
    await recordEvent(systemCaller(other.id), {
      interaction: {
        customer: { externalId: (await createCustomers(other, 1, 'N'))[0].externalId },
        channel: 'PHONE',
        direction: 'INBOUND',
        kind: 'SERVICE',
        personal: true,
      },
    });
    const seqs = (await logOf(org.id)).map((event) => Number(event.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect((await logOf(other.id)).every((event) => event.organizationId === other.id)).toBe(true);
  });

  test('a write that fails stores no event', async () => {
    const reward = await createReward(systemCaller(org.id), {
      name: 'Cykeltur',
      pointsCost: 100_000,
      kind: 'EXPERIENCE',
      unitCost: { amountMinor: 1000, currency: 'DKK' },
    });
    const before = (await logOf(org.id)).length;
    await expect(
      redeemReward(systemCaller(org.id), { customer: { id: customers[0].id }, rewardId: reward.id }),
    ).rejects.toThrow(/balance/);
    expect((await logOf(org.id)).length).toBe(before);
  });

  test('a redemption and a correction say so in the log', async () => {
    const reward = await createReward(systemCaller(org.id), {
      name: 'Lygte',
      pointsCost: 50,
      kind: 'GIFT',
      unitCost: { amountMinor: 2000, currency: 'DKK' },
    });
    const before = (await logOf(org.id)).length;
    const redemption = await redeemReward(systemCaller(org.id), {
      customer: { id: customers[0].id },
      rewardId: reward.id,
    });
    await adjustPoints(systemCaller(org.id), { customer: { id: customers[0].id }, delta: 5, reason: 'Tak' });
    const added = (await logOf(org.id)).slice(before).filter((event) => event.type !== 'customer.risk_changed');
    expect(added.map((event) => [event.type, event.data])).toEqual([
      ['points.changed', { customer: gid('Customer', customers[0].id), delta: -50, balance: 70, entries: 1 }],
      [
        'redemption.changed',
        {
          redemption: gid('Redemption', redemption.id),
          customer: gid('Customer', customers[0].id),
          reward: gid('Reward', reward.id),
          status: 'FULFILLED',
          points: 50,
        },
      ],
      ['points.changed', { customer: gid('Customer', customers[0].id), delta: 5, balance: 75, entries: 1 }],
    ]);
  });
});

describe('the feed', () => {
  test('100 events read in pages of 7 from a cursor are the log, in order, with no gap and no repeat', async () => {
    // One incident opened is one incident.changed event: 100 of them, and the alerts they raise.
    await recordEvents(
      systemCaller(org.id),
      Array.from({ length: 100 }, (_, i) => ({
        incident: {
          customer: { id: customers[i % 5].id },
          title: `Forsinket levering ${i + 1}`,
          category: 'DELIVERY' as const,
          severity: 'LOW' as const,
        },
      })),
    );
    const key = await partnerKey(org, ['EVENTS_READ']);
    const read: { id: string; type: string; data: unknown }[] = [];
    let after: string | null = null;
    for (;;) {
      type Page = {
        edges: { node: { id: string; type: string; data: unknown } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      const page: Page = (await app.graphql(FEED, { first: 7, after }, key)).data!.events;
      expect(page.edges.length).toBeLessThanOrEqual(7);
      read.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) break;
    }
    const log = (await logOf(org.id)).filter((event) => isPublicEventType(event.type));
    expect(read.length).toBeGreaterThanOrEqual(100);
    expect(read.map((event) => [event.id, event.type, event.data])).toEqual(
      log.map((event) => [gid('Event', event.id), event.type, event.data]),
    );
  });

  test('types narrows the feed to those kinds, and totalCount counts them', async () => {
    const result = await app.graphql(FEED, { first: 100, types: ['REDEMPTION_CHANGED'] }, org.tokens.MANAGER);
    expect(result.data!.events.totalCount).toBe(1);
    expect(result.data!.events.edges.map((edge: { node: { type: string } }) => edge.node.type)).toEqual([
      'redemption.changed',
    ]);
  });

  test('a manager and a key with events:read read it; an agent and a key without the scope are refused', async () => {
    const readers = [org.tokens.MANAGER, org.tokens.ADMIN, await partnerKey(org, ['EVENTS_READ'])];
    for (const token of readers) expect((await app.graphql(FEED, { first: 1 }, token)).errors).toBeUndefined();
    const refused = [org.tokens.AGENT, org.tokens.VIEWER, await partnerKey(org, ['EVENTS_WRITE', 'ALERTS_READ'])];
    for (const token of refused) {
      const result = await app.graphql(FEED, { first: 1 }, token);
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  test('another organization reads only its own events', async () => {
    const result = await app.graphql(FEED, { first: 100 }, other.tokens.MANAGER);
    const ours = new Set((await logOf(org.id)).map((event) => gid('Event', event.id)));
    expect(result.data!.events.edges.some((edge: { node: { id: string } }) => ours.has(edge.node.id))).toBe(false);
  });

  test('a cursor that is not one of the feed is a clear error', async () => {
    const result = await app.graphql(FEED, { first: 5, after: 'bogus' }, org.tokens.MANAGER);
    expect(result.errors?.[0].message).toBe('Not a cursor of this feed.');
  });
});

// Last: it moves the clock on.
describe('retention', () => {
  test('the log forgets events after 30 days, and keeps younger ones', async () => {
    const old = await logOf(org.id);
    app.clock.advance(29 * DAY);
    await purchase(customers[2].id, 3_000);
    const young = (await logOf(org.id)).slice(old.length).map((event) => event.id);
    app.clock.advance(2 * DAY);
    await app.runJobs();
    const kept = (await logOf(org.id)).map((event) => event.id);
    expect(kept).toEqual(expect.arrayContaining(young));
    expect(kept.some((id) => old.some((event) => event.id === id))).toBe(false);
  });
});
