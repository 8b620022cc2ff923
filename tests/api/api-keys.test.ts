import { afterAll, beforeAll, expect, test } from 'vitest';
import { db } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { socketClient } from '../support/subscriptions.ts';

let app: TestApp;
let org: TestOrganization;

const CREATE = `mutation ($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    __typename
    ... on MutationCreateApiKeySuccess { data { secret apiKey { id name scopes prefix lastUsedAt revokedAt } } }
    ... on ValidationError { fieldErrors { path message } }
  }
}`;

async function createKey(name: string, scopes: string[]) {
  const result = await app.graphql(CREATE, { input: { name, scopes } }, org.tokens.ADMIN);
  return result.data!.createApiKey.data as {
    secret: string;
    apiKey: { id: string; prefix: string } & Record<string, unknown>;
  };
}

beforeAll(async () => {
  app = await startTestApp();
  org = await createTestOrganization(app, 'Keys');
});
afterAll(() => app.stop());

test('a new key shows its secret once, with a recognisable prefix, and stores only a hash', async () => {
  const created = await createKey('Web shop', ['EVENTS_WRITE', 'CUSTOMERS_READ']);
  expect(created.secret).toMatch(/^trf_[A-Za-z0-9_-]{43}$/);
  expect(created.apiKey).toMatchObject({
    name: 'Web shop',
    scopes: ['EVENTS_WRITE', 'CUSTOMERS_READ'],
    prefix: created.secret.slice(0, 12),
    lastUsedAt: null,
    revokedAt: null,
  });
  const listed = await app.graphql('{ apiKeys { id prefix } }', {}, org.tokens.ADMIN);
  expect(JSON.stringify(listed)).not.toContain(created.secret);
  expect(JSON.stringify(await db().acrossOrganizations.apiKey.findMany())).not.toContain(created.secret);
});

test('a key authenticates a partner, and its last use is kept without a write on every request', async () => {
  const { secret, apiKey } = await createKey('POS', ['CUSTOMERS_READ']);
  await app.graphql('{ organization { name } }', {}, secret);
  const first = await db().acrossOrganizations.apiKey.findUniqueOrThrow({
    where: { id: Buffer.from(apiKey.id, 'base64').toString().split(':')[1] },
  });
  expect(first.lastUsedAt?.getTime()).toBe(app.clock.now().getTime());
  app.clock.advance(30_000);
  await app.graphql('{ organization { name } }', {}, secret);
  const second = await db().acrossOrganizations.apiKey.findUniqueOrThrow({ where: { id: first.id } });
  expect(second.lastUsedAt).toEqual(first.lastUsedAt);
  app.clock.advance(60_000);
  await app.graphql('{ organization { name } }', {}, secret);
  const third = await db().acrossOrganizations.apiKey.findUniqueOrThrow({ where: { id: first.id } });
  expect(third.lastUsedAt?.getTime()).toBe(app.clock.now().getTime());
});

test('a revoked key is refused from the next request on, and its open socket closes', async () => {
  const { secret, apiKey } = await createKey('CRM', ['ALERTS_READ']);
  const socket = socketClient(app.url, `Bearer ${secret}`);
  await socket.connected;
  const revoked = await app.graphql(
    'mutation ($id: ID!) { revokeApiKey(id: $id) { ... on MutationRevokeApiKeySuccess { data { revokedAt } } } }',
    { id: apiKey.id },
    org.tokens.ADMIN,
  );
  expect(revoked.data!.revokeApiKey.data.revokedAt).not.toBeNull();
  const refused = await app.graphql('{ organization { name } }', {}, secret);
  expect(refused.errors?.[0]).toMatchObject({
    message: 'This API key is unknown or revoked.',
    extensions: { code: 'UNAUTHENTICATED' },
  });
  expect(await socket.closed).toBe(4403);
});

test('a key needs a name and at least one scope', async () => {
  const result = await app.graphql(CREATE, { input: { name: ' ', scopes: [] } }, org.tokens.ADMIN);
  expect(result.data!.createApiKey).toEqual({
    __typename: 'ValidationError',
    fieldErrors: [
      { path: ['input', 'name'], message: 'Name the key (1 to 100 characters), e.g. "Web shop".' },
      { path: ['input', 'scopes'], message: 'Give the key at least one scope.' },
    ],
  });
});

test('a partner key cannot manage keys, whatever its scopes', async () => {
  const { secret } = await createKey('Everything', [
    'CUSTOMERS_READ',
    'CUSTOMERS_WRITE',
    'EVENTS_WRITE',
    'REWARDS_READ',
    'REWARDS_WRITE',
    'REDEMPTIONS_WRITE',
    'ALERTS_READ',
  ]);
  const result = await app.graphql(CREATE, { input: { name: 'Sneaky', scopes: ['EVENTS_WRITE'] } }, secret);
  expect(result.data!.createApiKey.__typename).toBe('ForbiddenError');
});
