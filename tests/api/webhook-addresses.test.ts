// Webhooks reach only the internet unless the operator allows private addresses
// (TROFAST_WEBHOOKS_ALLOW_PRIVATE=1): refused when the endpoint is registered, and again when a
// delivery connects, to the address that was checked.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { postWebhook } from '../../api/src/webhooks/post.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { startReceiver, type Receiver } from '../support/receiver.ts';

let app: TestApp;
let org: TestOrganization;
let inbox: Receiver;

beforeAll(async () => {
  app = await startTestApp();
  org = await createTestOrganization(app, 'Lukket');
  inbox = await startReceiver();
}, 120_000);

afterAll(async () => {
  await inbox?.close();
  await app?.stop();
});

test.each([
  ['loopback', 'http://127.0.0.1:8080/hooks', '127.0.0.1'],
  ['a name that resolves to loopback', 'http://localhost/hooks', '127.0.0.1'],
  ['a private network', 'https://10.0.0.1/hooks', '10.0.0.1'],
  ['the cloud metadata service (link-local)', 'http://169.254.169.254/latest/meta-data', '169.254.169.254'],
  ['IPv6 loopback', 'http://[::1]/hooks', '::1'],
])('%s is refused without the flag', async (_, url, address) => {
  const result = await app.graphql(
    `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
       __typename ... on ValidationError { fieldErrors { path message } } } }`,
    { input: { url, eventTypes: ['ALERT_RAISED'] } },
    org.tokens.ADMIN,
  );
  const { fieldErrors } = result.data!.createWebhookEndpoint;
  expect(fieldErrors).toHaveLength(1);
  expect(fieldErrors[0].path).toEqual(['input', 'url']);
  expect(fieldErrors[0].message).toContain(`(${address}); webhooks go only to addresses on the internet.`);
  expect((await app.graphql('{ webhookEndpoints { id } }', {}, org.tokens.ADMIN)).data!.webhookEndpoints).toEqual([]);
});

test('a delivery to a name that resolves to loopback is refused when it connects, and nothing arrives', async () => {
  const url = inbox.url.replace('127.0.0.1', 'localhost');
  const result = await postWebhook({ url, headers: {}, body: '{}', timeoutMs: 2000, allowPrivate: false });
  expect(result).toMatchObject({ statusCode: null, error: expect.stringContaining('an internal address') });
  expect(inbox.received).toEqual([]);
});

test('with the flag, the same receiver gets the delivery', async () => {
  const url = inbox.url.replace('127.0.0.1', 'localhost');
  const result = await postWebhook({ url, headers: {}, body: '{}', timeoutMs: 2000, allowPrivate: true });
  expect(result.statusCode).toBe(200);
  expect(inbox.received).toHaveLength(1);
});
