// Idempotent partner writes (issue 5): for every mutation that takes an `idempotencyKey`, a replay
// returns the first answer byte for byte and changes nothing, and the same key with other input is
// a ValidationError that changes nothing. A refused call stores nothing (issue 4: "nothing is
// changed by a refused call").
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GraphQLObjectType } from 'graphql';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { ApiKeyScope } from '../../api/src/domain/types.ts';
import { db } from '../../api/src/runtime.ts';
import { schema } from '../../api/src/schema/index.ts';
import { createApiKey } from '../../api/src/services/api-key.service.ts';
import { adjustPoints, redeemReward } from '../../api/src/services/redemption.service.ts';
import { createReward } from '../../api/src/services/reward.service.ts';
import { createSurvey } from '../../api/src/services/survey.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { gid } from '../support/operations.ts';
import { createCustomers } from '../support/partner.ts';
import { snapshot } from '../support/snapshot.ts';

let app: TestApp;
let org: TestOrganization;
let partner: { id: string; secret: string };
let rewardId: string;
let surveyId: string;

type Input = Record<string, unknown>;

interface PartnerWrite {
  field: string;
  /** What a success answers with: enough to tell two answers apart. */
  data: string;
  input: () => Input | Promise<Input>;
  /** Other input for the same key. */
  other: (input: Input) => Input;
}

const capitalized = (field: string) => field[0].toUpperCase() + field.slice(1);

const WRITES: PartnerWrite[] = [
  {
    field: 'upsertCustomer',
    data: 'id externalId name email',
    input: () => ({ externalId: 'NEW-1', name: 'Ida Mortensen', email: 'ida@example.dk' }),
    other: (input) => ({ ...input, name: 'Ida M. Mortensen' }),
  },
  {
    field: 'recordPurchase',
    data: 'id amount { amountMinor currency } occurredAt pointsEarned',
    input: () => ({ customer: { externalId: 'K-1' }, amount: { amountMinor: 12000, currency: 'DKK' } }),
    other: (input) => ({ ...input, amount: { amountMinor: 13000, currency: 'DKK' } }),
  },
  {
    field: 'recordInteraction',
    data: 'id channel occurredAt',
    input: () => ({
      customer: { externalId: 'K-1' },
      channel: 'PHONE',
      direction: 'OUTBOUND',
      kind: 'CHECK_IN',
      personal: true,
    }),
    other: (input) => ({ ...input, channel: 'EMAIL' }),
  },
  {
    field: 'submitFeedback',
    data: 'id comment occurredAt',
    input: () => ({ customer: { externalId: 'K-1' }, comment: 'Quick and friendly repair' }),
    other: (input) => ({ ...input, comment: 'Slow repair' }),
  },
  {
    field: 'reportIncident',
    data: 'id title severity slaDueAt',
    input: () => ({ customer: { externalId: 'K-1' }, title: 'Wrong size', category: 'DELIVERY', severity: 'LOW' }),
    other: (input) => ({ ...input, severity: 'HIGH' }),
  },
  {
    field: 'createReward',
    data: 'id name pointsCost',
    input: () => ({
      name: 'Cykelklokke',
      pointsCost: 80,
      kind: 'GIFT',
      unitCost: { amountMinor: 3000, currency: 'DKK' },
    }),
    other: (input) => ({ ...input, pointsCost: 90 }),
  },
  {
    field: 'redeemReward',
    data: 'id points status customer { pointsBalance }',
    input: () => ({ customer: { externalId: 'K-2' }, rewardId: gid('Reward', rewardId) }),
    other: (input) => ({ ...input, customer: { externalId: 'K-3' } }),
  },
  {
    field: 'cancelRedemption',
    data: 'id status cancelReason',
    // A redemption of its own: the first call cancels it.
    input: async () => {
      const redemption = await redeemReward(systemCaller(org.id), { customer: { externalId: 'K-3' }, rewardId });
      return { id: gid('Redemption', redemption.id), reason: 'Wrong colour' };
    },
    other: (input) => ({ ...input, reason: 'Changed their mind' }),
  },
  {
    field: 'adjustPoints',
    data: 'id delta balanceAfter',
    input: () => ({ customer: { externalId: 'K-1' }, delta: 50, reason: 'Goodwill after a late delivery' }),
    other: (input) => ({ ...input, delta: 60 }),
  },
  {
    field: 'recordEvents',
    data: 'applied failed results { index ok id }',
    input: () => ({
      events: [
        { purchase: { customer: { externalId: 'K-1' }, amount: { amountMinor: 4500, currency: 'DKK' } } },
        {
          interaction: {
            customer: { externalId: 'K-1' },
            channel: 'SMS',
            direction: 'INBOUND',
            kind: 'SERVICE',
            personal: true,
          },
        },
      ],
    }),
    other: (input) => ({ events: (input.events as unknown[]).slice(0, 1) }),
  },
  {
    field: 'inviteToSurvey',
    data: 'id status channel',
    input: () => ({ surveyId: gid('Survey', surveyId), customers: [{ externalId: 'K-1' }], channel: 'EMAIL' }),
    other: (input) => ({ ...input, channel: 'SMS' }),
  },
  {
    field: 'thankCustomers',
    data: 'id kind status',
    input: () => ({ customers: [{ externalId: 'K-2' }], channel: 'EMAIL', note: 'Tak for i år!' }),
    other: (input) => ({ ...input, note: 'Tak for turen!' }),
  },
];

/** Mutations keyed another way: memberRedeemReward takes a member session and a reward id, not an input. */
const KEYED_ELSEWHERE = ['memberRedeemReward'];

const documentOf = (field: string, data: string) => `mutation ($input: ${capitalized(field)}Input!, $key: String) {
  ${field}(input: $input, idempotencyKey: $key) {
    __typename
    ... on Mutation${capitalized(field)}Success { data { ${data} } }
    ... on ValidationError { message fieldErrors { path message } }
    ... on Error { message }
  }
}`;

/** The partner's key where the matrix admits partners, else staff (adjustPoints, thankCustomers). */
function tokenFor(field: string): string {
  if (field === 'adjustPoints') return org.tokens.MANAGER;
  return field === 'thankCustomers' ? org.tokens.AGENT : partner.secret;
}

/** The answer as it comes over the wire, to compare byte for byte. */
async function send(token: string, field: string, data: string, input: Input, key: string): Promise<string> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: documentOf(field, data), variables: { input, key } }),
  });
  return response.text();
}

const resultOf = (answer: string, field: string) => JSON.parse(answer).data[field];

// Two organizations' worth of setup on a machine busy with other work.
const SLOW_MS = 120_000;

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2031-06-02T09:00:00Z') });
  org = await createTestOrganization(app, 'Gentagelse');
  const key = await createApiKey(systemCaller(org.id), { name: 'Webshop', scopes: Object.values(ApiKeyScope) });
  partner = { id: key.apiKey.id, secret: key.secret };
  await createCustomers(org, 3);
  const caller = systemCaller(org.id);
  rewardId = (
    await createReward(caller, {
      name: 'Drikkedunk',
      pointsCost: 100,
      kind: 'GIFT',
      unitCost: { amountMinor: 4000, currency: 'DKK' },
    })
  ).id;
  surveyId = (await createSurvey(caller, { kind: 'CSAT', question: 'How did we do?' })).id;
  for (const externalId of ['K-2', 'K-3']) {
    await adjustPoints(caller, { customer: { externalId }, delta: 1000, reason: 'Welcome points' });
  }
}, SLOW_MS);
afterAll(() => app.stop(), SLOW_MS);

test('every mutation that takes an idempotencyKey is in the table', () => {
  const keyed = Object.values((schema.getType('Mutation') as GraphQLObjectType).getFields())
    .filter((field) => field.args.some((arg) => arg.name === 'idempotencyKey'))
    .map((field) => field.name)
    .sort();
  expect([...WRITES.map((write) => write.field), ...KEYED_ELSEWHERE].sort()).toEqual(keyed);
});

describe.each(WRITES)('$field', ({ field, data, input, other }) => {
  test('a replay returns the first answer byte for byte and changes nothing', async () => {
    const token = tokenFor(field);
    const sent = await input();
    const first = await send(token, field, data, sent, `replay-${field}`);
    expect(resultOf(first, field).__typename).toBe(`Mutation${capitalized(field)}Success`);
    const before = await snapshot(org.id);
    const again = await send(token, field, data, sent, `replay-${field}`);
    expect(again).toBe(first);
    expect(await snapshot(org.id)).toBe(before);
  });

  test('the same key with different input is a ValidationError and changes nothing', async () => {
    const token = tokenFor(field);
    const sent = await input();
    const first = await send(token, field, data, sent, `conflict-${field}`);
    expect(resultOf(first, field).__typename).toBe(`Mutation${capitalized(field)}Success`);
    const before = await snapshot(org.id);
    const conflicting = await send(token, field, data, other(sent), `conflict-${field}`);
    expect(resultOf(conflicting, field)).toEqual({
      __typename: 'ValidationError',
      message: 'This idempotency key was already used with different input; use a new key for a new request.',
      fieldErrors: [
        {
          path: ['idempotencyKey'],
          message: 'This idempotency key was already used with different input; use a new key for a new request.',
        },
      ],
    });
    expect(await snapshot(org.id)).toBe(before);
  });
});

describe('a refused call', () => {
  const { data, input } = WRITES.find((write) => write.field === 'recordPurchase')!;
  const scopesOf = (apiKeyId: string, scopes: ApiKeyScope[]) =>
    db()
      .forOrganization(org.id)
      .apiKey.update({ where: { id: apiKeyId }, data: { scopes } });

  test('changes nothing, its key included: once the key gains the scope, the same idempotency key executes', async () => {
    const key = await createApiKey(systemCaller(org.id), { name: 'Reader', scopes: ['CUSTOMERS_READ'] });
    // Its first use notes lastUsedAt; that is the key's bookkeeping, not the refused call's.
    await app.graphql('{ customers(first: 1) { totalCount } }', {}, key.secret);
    const sent = await input();
    const before = await snapshot(org.id);
    const refused = await send(key.secret, 'recordPurchase', data, sent, 'refused-first');
    expect(resultOf(refused, 'recordPurchase').__typename).toBe('ForbiddenError');
    expect(await snapshot(org.id)).toBe(before);

    await scopesOf(key.apiKey.id, ['CUSTOMERS_READ', 'EVENTS_WRITE']);
    const allowed = await send(key.secret, 'recordPurchase', data, sent, 'refused-first');
    expect(resultOf(allowed, 'recordPurchase').__typename).toBe('MutationRecordPurchaseSuccess');
  });

  test('gets no replay once its key has lost the scope', async () => {
    const key = await createApiKey(systemCaller(org.id), { name: 'Till', scopes: ['EVENTS_WRITE'] });
    const sent = await input();
    const first = await send(key.secret, 'recordPurchase', data, sent, 'lost-scope');
    expect(resultOf(first, 'recordPurchase').__typename).toBe('MutationRecordPurchaseSuccess');
    await scopesOf(key.apiKey.id, ['CUSTOMERS_READ']);
    const again = await send(key.secret, 'recordPurchase', data, sent, 'lost-scope');
    expect(resultOf(again, 'recordPurchase').__typename).toBe('ForbiddenError');
  });
});

describe('two calls with one key', () => {
  test('two concurrent recordPurchase calls with one key store one purchase and answer alike', async () => {
    const { data, input } = WRITES.find((write) => write.field === 'recordPurchase')!;
    const sent = await input();
    const purchases = () => db().forOrganization(org.id).purchase.count();
    const before = await purchases();
    const answers = await Promise.all([1, 2].map(() => send(partner.secret, 'recordPurchase', data, sent, 'at-once')));
    expect(answers[1]).toBe(answers[0]);
    expect(await purchases()).toBe(before + 1);
  });
});
