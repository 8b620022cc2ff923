// Webhooks from several API processes on one PostgreSQL (and Redis): each event reaches each
// endpoint once when two instances run the worker, and an instance killed with SIGKILL in the
// middle of 500 deliveries loses none: after a new one starts every event has arrived, a
// duplicate with the same webhook-id, in order per customer. This process delivers nothing itself.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { db } from '../../api/src/runtime.ts';
import { createWebhookEndpoint, updateWebhookEndpoint } from '../../api/src/services/webhook.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';
import { gid } from '../support/operations.ts';
import { onPostgres } from '../support/database.ts';
import { startApiProcess, type ApiProcess } from '../support/api-process.ts';
import { startReceiver, type Receiver } from '../support/receiver.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const NOW = new Date('2026-05-04T08:00:00Z');
const CUSTOMERS = 50;
const ROUNDS = 10;
// The instances' clocks stand still: a retry is due at once.
const WORKER_ENV = {
  TROFAST_WEBHOOKS_ALLOW_PRIVATE: '1',
  TROFAST_WEBHOOKS_TIMEOUT_MS: '5000',
  TROFAST_WEBHOOKS_RETRY_SCHEDULE_MS: '0,0,0',
  REDIS_URL,
};

let app: TestApp;
let org: TestOrganization;
let partner: string;
const processes: ApiProcess[] = [];
const receivers: Receiver[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  app = await startTestApp({ now: NOW, env: WORKER_ENV, webhooks: false });
  org = await createTestOrganization(app, 'Flere');
  partner = await partnerKey(org, ['EVENTS_WRITE']);
  await createCustomers(org, CUSTOMERS, 'W');
}, 120_000);

afterAll(async () => {
  for (const process of processes) await process.stop();
  for (const receiver of receivers) await receiver.close();
  await app?.stop();
});

async function instance(): Promise<ApiProcess> {
  const started = await startApiProcess(NOW, { DATABASE_URL: app.config.databaseUrl, ...WORKER_ENV });
  processes.push(started);
  return started;
}

async function receiver(...args: Parameters<typeof startReceiver>) {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
}

/** One purchase per customer per round: each round is one points.changed event per customer. */
async function purchases(round: string): Promise<void> {
  const events = Array.from({ length: CUSTOMERS }, (_, i) => ({
    purchase: {
      customer: { externalId: `W-${i + 1}` },
      amount: { amountMinor: 10_000, currency: 'DKK' },
      externalRef: `${round}-${i}`,
    },
  }));
  const result = await app.graphql(
    'mutation ($events: [EventInput!]!) { recordEvents(input: { events: $events }) { ... on MutationRecordEventsSuccess { data { applied } } } }',
    { events },
    partner,
  );
  expect(result.data?.recordEvents.data.applied).toBe(CUSTOMERS);
}

async function lastSeq(): Promise<bigint> {
  return (
    (
      await db()
        .forOrganization(org.id)
        .eventSequence.findUnique({ where: { organizationId: org.id } })
    )?.last ?? 0n
  );
}

/** The webhook-ids of the organization's points.changed events after `after`. */
async function pointsEvents(after: bigint): Promise<string[]> {
  const events = await db()
    .forOrganization(org.id)
    .event.findMany({ where: { type: 'points.changed', seq: { gt: after } }, orderBy: { seq: 'asc' } });
  return events.map((event) => gid('Event', event.id));
}

async function untilNonePending(endpointIds: string[]): Promise<void> {
  const pending = () =>
    db()
      .forOrganization(org.id)
      .webhookDelivery.count({ where: { endpointId: { in: endpointIds }, status: 'PENDING' } });
  while ((await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
}

test.skipIf(!onPostgres)(
  'with two instances running the worker, each event is delivered once to each endpoint',
  async () => {
    await Promise.all([instance(), instance()]);
    const caller = systemCaller(org.id);
    const inboxes = await Promise.all([receiver(), receiver()]);
    const endpoints = [];
    for (const inbox of inboxes) {
      endpoints.push(
        (await createWebhookEndpoint(caller, { url: inbox.url, eventTypes: ['points.changed'] })).endpoint,
      );
    }
    const from = await lastSeq();
    for (let round = 0; round < ROUNDS; round++) await purchases(`twice-${round}`);
    const expected = await pointsEvents(from);
    expect(expected).toHaveLength(CUSTOMERS * ROUNDS);

    for (const inbox of inboxes) await inbox.until(expected.length);
    await untilNonePending(endpoints.map((endpoint) => endpoint.id));
    for (const inbox of inboxes) {
      const ids = inbox.received.map((request) => request.headers['webhook-id']);
      expect(ids).toHaveLength(expected.length);
      expect(new Set(ids)).toEqual(new Set(expected));
    }
    for (const endpoint of endpoints) await updateWebhookEndpoint(caller, { id: endpoint.id, enabled: false });
    await Promise.all(processes.splice(0).map((process) => process.stop()));
  },
  180_000,
);

test.skipIf(!onPostgres)(
  'an instance killed in the middle of 500 deliveries loses none: each arrives after a restart, in order per customer',
  async () => {
    const doomed = await instance();
    const caller = systemCaller(org.id);
    // The receiver pulls the plug on the 150th delivery, while the instance is mid-round.
    const inbox = await receiver((index) => {
      if (index === 149) doomed.child.kill('SIGKILL');
      return { status: 200 };
    });
    const { endpoint } = await createWebhookEndpoint(caller, { url: inbox.url, eventTypes: ['points.changed'] });
    await updateWebhookEndpoint(caller, { id: endpoint.id, enabled: false });
    const from = await lastSeq();
    for (let round = 0; round < ROUNDS; round++) await purchases(`crash-${round}`);
    const expected = await pointsEvents(from);
    expect(expected).toHaveLength(CUSTOMERS * ROUNDS);
    await updateWebhookEndpoint(caller, { id: endpoint.id, enabled: true });

    expect(await doomed.exited).toBe('SIGKILL');
    const before = inbox.received.length;
    expect(before).toBeLessThan(expected.length);
    await instance();
    await untilNonePending([endpoint.id]);

    const arrived = inbox.received.map((request) => ({
      id: request.headers['webhook-id'] as string,
      data: JSON.parse(request.body).data as { customer: string; balance: number },
    }));
    expect(new Set(arrived.map((delivery) => delivery.id))).toEqual(new Set(expected));
    // A duplicate is a delivery whose end the killed instance never recorded: the same id, the same body.
    const bodies = new Map<string, string>();
    for (const request of inbox.received) {
      const id = request.headers['webhook-id'] as string;
      expect(bodies.get(id) ?? request.body).toBe(request.body);
      bodies.set(id, request.body);
    }
    // In order per customer: each customer's balances, as they first arrived, only grow.
    const seen = new Set<string>();
    const balances = new Map<string, number[]>();
    for (const delivery of arrived) {
      if (seen.has(delivery.id)) continue;
      seen.add(delivery.id);
      balances.set(delivery.data.customer, [...(balances.get(delivery.data.customer) ?? []), delivery.data.balance]);
    }
    expect(balances.size).toBe(CUSTOMERS);
    for (const series of balances.values()) expect(series).toEqual([...series].sort((a, b) => a - b));
  },
  180_000,
);
