// Webhooks (PRODUCT.md "Webhooks"), through GraphQL like an ADMIN and a partner, delivered to real
// HTTP receivers started here and verified with the official `standardwebhooks` package. The
// schedule is shortened through configuration: every retry is due at once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { partnerKey } from '../support/partner.ts';
import { startReceiver, type Receiver } from '../support/receiver.ts';

const TIMEOUT_MS = 3000;
const HOUR = 60 * 60 * 1000;

let app: TestApp;
let org: TestOrganization;
/** A partner's key: it does not expire when the tests move the clock by days, as sessions do. */
let partner: string;
const receivers: Receiver[] = [];

const RESULT = '__typename ... on Error { message }';
const ENDPOINT_FIELDS = 'id url status disabledReason eventTypes failureStreak';
const DELIVERY_FIELDS =
  'id status nextAttemptAt event { id type } attempts { at statusCode durationMs response error }';

beforeAll(async () => {
  app = await startTestApp({
    env: {
      TROFAST_WEBHOOKS_ALLOW_PRIVATE: '1',
      TROFAST_WEBHOOKS_RETRY_SCHEDULE_MS: '0,0,0,0',
      TROFAST_WEBHOOKS_TIMEOUT_MS: String(TIMEOUT_MS),
    },
  });
  org = await createTestOrganization(app, 'Krogen');
  partner = await partnerKey(org, ['WEBHOOKS_MANAGE', 'EVENTS_WRITE']);
  for (const externalId of ['K-1', 'K-2', 'K-3']) {
    await upsertCustomer(systemCaller(org.id), { externalId, name: `Kunde ${externalId}` });
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await app?.stop();
});

async function receiver(...args: Parameters<typeof startReceiver>) {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
}

async function gql(query: string, variables?: Record<string, unknown>, token = partner) {
  const result = await app.graphql(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

async function createEndpoint(
  url: string,
  eventTypes: string[] = ['ALERT_RAISED', 'INCIDENT_CHANGED'],
  token = partner,
) {
  const data = await gql(
    `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
       ${RESULT} ... on MutationCreateWebhookEndpointSuccess { data { secret endpoint { ${ENDPOINT_FIELDS} } } } } }`,
    { input: { url, eventTypes, description: 'Support desk' } },
    token,
  );
  expect(data.createWebhookEndpoint.__typename).toBe('MutationCreateWebhookEndpointSuccess');
  return data.createWebhookEndpoint.data as { secret: string; endpoint: { id: string } & Record<string, any> };
}

async function endpoint(id: string, status?: string) {
  const data = await gql(
    `query ($id: ID!, $status: WebhookDeliveryStatus) { node(id: $id) { ... on WebhookEndpoint { ${ENDPOINT_FIELDS}
       deliveries(first: 20, status: $status) { totalCount edges { node { ${DELIVERY_FIELDS} } } } } } }`,
    { id, status },
  );
  return data.node;
}

/** Reads the endpoint until `done` holds: the worker writes its log after each attempt. */
async function endpointWhen(id: string, done: (endpoint: any) => boolean) {
  for (;;) {
    const read = await endpoint(id);
    if (done(read)) return read;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function reportIncident(externalId: string, title: string, severity = 'HIGH') {
  const data = await gql(`mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { ${RESULT} } }`, {
    input: { customer: { externalId }, title, category: 'PRODUCT', severity },
  });
  expect(data.reportIncident.__typename).toBe('MutationReportIncidentSuccess');
}

async function enable(id: string, enabled: boolean) {
  const data = await gql(
    `mutation ($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { ${RESULT} } }`,
    { input: { id, enabled } },
  );
  expect(data.updateWebhookEndpoint.__typename).toBe('MutationUpdateWebhookEndpointSuccess');
}

async function sendTest(endpointId: string) {
  const data = await gql(
    `mutation ($id: ID!) { sendTestWebhook(endpointId: $id) { ${RESULT} ... on MutationSendTestWebhookSuccess { data { ${DELIVERY_FIELDS} } } } }`,
    { id: endpointId },
  );
  return data.sendTestWebhook.data;
}

describe('delivery', { timeout: 90_000 }, () => {
  test('an alert raised through GraphQL arrives as alert.raised, signed so that standardwebhooks verifies it', async () => {
    const inbox = await receiver();
    const { secret, endpoint: created } = await createEndpoint(inbox.url, ['ALERT_RAISED'], org.tokens.ADMIN);
    expect(secret).toMatch(/^whsec_/);
    expect(created).toMatchObject({ status: 'ACTIVE', eventTypes: ['ALERT_RAISED'], failureStreak: 0 });

    await reportIncident('K-1', 'Frame cracked');
    const [arrived] = await inbox.until(1);
    const payload = arrived.verify(secret);
    expect(payload.type).toBe('alert.raised');
    expect(payload.data).toMatchObject({ kind: 'INCIDENT', severity: 'WARNING', status: 'OPEN' });
    expect(Buffer.from(payload.data.customer, 'base64').toString()).toMatch(/^Customer:/);
    expect(Buffer.from(arrived.headers['webhook-id'] as string, 'base64').toString()).toMatch(/^Event:/);

    const read = await endpointWhen(created.id, (e) => e.deliveries.edges[0]?.node.status === 'DELIVERED');
    const delivery = read.deliveries.edges[0].node;
    expect(delivery.event).toEqual({ id: arrived.headers['webhook-id'], type: 'alert.raised' });
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]).toMatchObject({ statusCode: 200, error: null });
    // Only the types it asked for: the incident's own incident.changed did not come.
    expect(inbox.received).toHaveLength(1);
  });

  test('a receiver that answers 500 twice gets the same webhook-id three times; the log shows three attempts and DELIVERED', async () => {
    const inbox = await receiver((index) => (index < 2 ? { status: 500, body: 'database down' } : { status: 204 }));
    const { secret, endpoint: created } = await createEndpoint(inbox.url, ['WEBHOOK_TEST']);
    const sent = await sendTest(created.id);
    const arrived = await inbox.until(3);
    expect(new Set(arrived.map((request) => request.headers['webhook-id']))).toEqual(new Set([sent.event.id]));
    for (const request of arrived) expect(request.verify(secret).type).toBe('webhook.test');

    const read = await endpointWhen(created.id, (e) => e.deliveries.edges[0].node.status === 'DELIVERED');
    const { attempts } = read.deliveries.edges[0].node;
    expect(attempts.map((attempt: any) => attempt.statusCode)).toEqual([500, 500, 204]);
    expect(attempts[0]).toMatchObject({ response: 'database down', error: 'The receiver answered 500.' });
    // Read again: the endpoint's row and its deliveries are separate reads, and the one that saw
    // DELIVERED may have read the row before that round committed.
    expect((await endpoint(created.id)).failureStreak).toBe(0);
  });

  test('410 Gone disables the endpoint', async () => {
    const inbox = await receiver(() => ({ status: 410 }));
    const { endpoint: created } = await createEndpoint(inbox.url);
    await sendTest(created.id);
    const read = await endpointWhen(created.id, (e) => e.status === 'DISABLED');
    expect(read.disabledReason).toBe('The receiver answered 410 Gone.');
    expect(inbox.received).toHaveLength(1);
  });

  test('a redirect is not followed: a 3xx fails', async () => {
    const elsewhere = await receiver();
    const inbox = await receiver(() => ({ status: 302, headers: { location: elsewhere.url } }));
    const { endpoint: created } = await createEndpoint(inbox.url);
    await sendTest(created.id);
    const read = await endpointWhen(created.id, (e) => e.deliveries.edges[0].node.status === 'FAILED');
    const { attempts } = read.deliveries.edges[0].node;
    // The first attempt and four retries, each answered 302.
    expect(attempts.map((attempt: any) => attempt.statusCode)).toEqual([302, 302, 302, 302, 302]);
    expect(elsewhere.received).toEqual([]);
  });

  test('a receiver that never answers times out at the bound, while another endpoint’s deliveries go on meanwhile', async () => {
    const dead = await receiver(() => 'never');
    const alive = await receiver();
    const { endpoint: deadEndpoint } = await createEndpoint(dead.url, ['INCIDENT_CHANGED']);
    const { endpoint: aliveEndpoint } = await createEndpoint(alive.url, ['INCIDENT_CHANGED']);
    // Both wait while the events happen; the dead one starts first and holds its request open.
    await enable(deadEndpoint.id, false);
    await enable(aliveEndpoint.id, false);
    for (let i = 1; i <= 10; i++) await reportIncident('K-2', `Scratch ${i}`, 'LOW');
    await enable(deadEndpoint.id, true);
    await dead.until(1);
    await enable(aliveEndpoint.id, true);

    await alive.until(10);
    expect(alive.received.map((request) => JSON.parse(request.body).type)).toEqual(Array(10).fill('incident.changed'));
    // All ten arrived while the dead receiver still held its first request open.
    expect(dead.hanging()).toBe(1);
    expect(dead.received).toHaveLength(1);

    const read = await endpointWhen(deadEndpoint.id, (e) =>
      e.deliveries.edges.some((edge: any) => edge.node.attempts.length > 0),
    );
    const attempt = read.deliveries.edges.flatMap((edge: any) => edge.node.attempts)[0];
    expect(attempt).toMatchObject({ statusCode: null, error: `no answer within ${TIMEOUT_MS} ms` });
    expect(attempt.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    await enable(deadEndpoint.id, false);
  });
});

describe('who may', { timeout: 90_000 }, () => {
  test('a key with webhooks:manage registers an endpoint; other keys and managers are refused', async () => {
    const inbox = await receiver();
    const input = { url: inbox.url, eventTypes: ['POINTS_CHANGED'] };
    const create = `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { ${RESULT} } }`;
    const manager = await app.graphql(create, { input }, org.tokens.MANAGER);
    expect(manager.data?.createWebhookEndpoint.__typename).toBe('ForbiddenError');
    const reader = await app.graphql(create, { input }, await partnerKey(org, ['EVENTS_READ']));
    expect(reader.data?.createWebhookEndpoint.__typename).toBe('ForbiddenError');
    const partner = await app.graphql(create, { input }, await partnerKey(org, ['WEBHOOKS_MANAGE']));
    expect(partner.data?.createWebhookEndpoint.__typename).toBe('MutationCreateWebhookEndpointSuccess');
  });

  test('a bad endpoint is refused with every problem at its field, and nothing is stored', async () => {
    const before = (await gql('{ webhookEndpoints { id } }')).webhookEndpoints.length;
    const data = await gql(
      `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
         __typename ... on ValidationError { fieldErrors { path message } } } }`,
      { input: { url: 'ftp://example.com/hooks', eventTypes: [] } },
    );
    expect(data.createWebhookEndpoint.fieldErrors).toEqual([
      { path: ['input', 'url'], message: 'The address must start with https:// or http://.' },
      { path: ['input', 'eventTypes'], message: 'Choose at least one kind of event.' },
    ]);
    expect((await gql('{ webhookEndpoints { id } }')).webhookEndpoints).toHaveLength(before);
  });
});

describe('the log and replay', { timeout: 90_000 }, () => {
  test('a redelivery keeps the webhook-id and adds an attempt to the same delivery', async () => {
    const inbox = await receiver();
    const { secret, endpoint: created } = await createEndpoint(inbox.url);
    const sent = await sendTest(created.id);
    await inbox.until(1);
    await endpointWhen(created.id, (e) => e.deliveries.edges[0].node.status === 'DELIVERED');

    const data = await gql(
      `mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { ${RESULT} ... on MutationRedeliverWebhookSuccess { data { id status } } } }`,
      { id: sent.id },
    );
    expect(data.redeliverWebhook.data).toEqual({ id: sent.id, status: 'PENDING' });
    const [first, again] = await inbox.until(2);
    expect(again.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(again.verify(secret)).toEqual(first.verify(secret));
    await endpointWhen(created.id, (e) => e.deliveries.edges[0].node.attempts.length === 2);
    // Read again: a delivery's attempts are read after the delivery, so the read that saw the
    // second attempt may have read the delivery before that round committed.
    const read = await endpoint(created.id);
    expect(read.deliveries.totalCount).toBe(1);
    expect(read.deliveries.edges[0].node.status).toBe('DELIVERED');
  });

  test('deliveries filter by status, and the failed ones since a time are recovered together', async () => {
    let up = false;
    const inbox = await receiver(() => (up ? { status: 200 } : { status: 503 }));
    const { endpoint: created } = await createEndpoint(inbox.url);
    const since = new Date(app.clock.now().getTime() - 1000).toISOString();
    await sendTest(created.id);
    await sendTest(created.id);
    const failed = await endpointWhen(
      created.id,
      (e) => e.deliveries.edges.length === 2 && e.deliveries.edges.every((edge: any) => edge.node.status === 'FAILED'),
    );
    expect(failed.deliveries.edges[0].node.attempts).toHaveLength(5);
    expect((await endpoint(created.id, 'FAILED')).deliveries.totalCount).toBe(2);
    expect((await endpoint(created.id, 'DELIVERED')).deliveries.totalCount).toBe(0);

    up = true;
    const recovered = await gql(
      `mutation ($id: ID!, $since: DateTime!) { recoverWebhookDeliveries(endpointId: $id, since: $since) }`,
      {
        id: created.id,
        since,
      },
    );
    expect(recovered.recoverWebhookDeliveries).toBe(2);
    await endpointWhen(created.id, (e) => e.deliveries.edges.every((edge: any) => edge.node.status === 'DELIVERED'));
    expect((await endpoint(created.id, 'DELIVERED')).deliveries.totalCount).toBe(2);
    expect(inbox.received).toHaveLength(12);
  });

  test('an endpoint failing for three days is disabled; enabled again, it delivers what waited', async () => {
    let up = false;
    const inbox = await receiver(() => (up ? { status: 200 } : { status: 500 }));
    const { endpoint: created } = await createEndpoint(inbox.url, ['INCIDENT_CHANGED', 'WEBHOOK_TEST']);
    await sendTest(created.id);
    await endpointWhen(created.id, (e) => e.deliveries.edges[0]?.node.status === 'FAILED');
    expect((await endpoint(created.id)).status).toBe('ACTIVE');

    app.clock.advance(72 * HOUR);
    await sendTest(created.id);
    const disabled = await endpointWhen(created.id, (e) => e.status === 'DISABLED');
    expect(disabled).toMatchObject({ disabledReason: 'Every attempt failed for three days.', failureStreak: 6 });
    const waiting = inbox.received.length;
    // Meanwhile an incident happens: it waits too.
    await reportIncident('K-3', 'Lid missing', 'LOW');

    up = true;
    await enable(created.id, true);
    const arrived = await inbox.until(waiting + 2);
    expect(
      arrived
        .slice(waiting)
        .map((request) => JSON.parse(request.body).type)
        .sort(),
    ).toEqual(['incident.changed', 'webhook.test']);
    const read = await endpointWhen(created.id, (e) => e.deliveries.totalCount === 3 && e.failureStreak === 0);
    expect(read).toMatchObject({ status: 'ACTIVE', disabledReason: null });
  });
});

describe('secrets', { timeout: 90_000 }, () => {
  test('after a rotation both secrets verify for 24 hours, and after them only the new one', async () => {
    const inbox = await receiver();
    const { secret: old, endpoint: created } = await createEndpoint(inbox.url);
    const data = await gql(
      `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { ${RESULT} ... on MutationRotateWebhookSecretSuccess { data { secret } } } }`,
      { id: created.id },
    );
    const fresh = data.rotateWebhookSecret.data.secret;
    expect(fresh).not.toBe(old);

    await sendTest(created.id);
    const [during] = await inbox.until(1);
    expect(during.verify(old).type).toBe('webhook.test');
    expect(during.verify(fresh).type).toBe('webhook.test');

    app.clock.advance(24 * HOUR + 1000);
    await sendTest(created.id);
    const [, after] = await inbox.until(2);
    expect(after.verify(fresh).type).toBe('webhook.test');
    expect(() => after.verify(old)).toThrow();
  });
});
