import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { db } from '../../api/src/runtime.ts';
import { rawId } from '../../api/src/schema/ids.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { partnerKey } from '../support/partner.ts';
import { gid } from '../support/operations.ts';

let app: TestApp;
let org: TestOrganization;

const REWARD_FIELDS = 'id name description pointsCost kind unitCost { amountMinor currency } stock minimumTier active';
const CREATE = `mutation ($input: CreateRewardInput!, $key: String) {
  createReward(input: $input, idempotencyKey: $key) {
    __typename
    ... on MutationCreateRewardSuccess { data { ${REWARD_FIELDS} } }
    ... on ValidationError { message fieldErrors { path message } }
    ... on Error { message }
  }
}`;
const UPDATE = `mutation ($input: UpdateRewardInput!) {
  updateReward(input: $input) {
    __typename
    ... on MutationUpdateRewardSuccess { data { ${REWARD_FIELDS} } }
    ... on ValidationError { message fieldErrors { path message } }
    ... on Error { message }
  }
}`;
const CATALOGUE = `query ($active: Boolean) { rewards(active: $active) { name active pointsCost } }`;

const bottle = {
  name: 'Drikkedunk',
  description: 'Nordlys-drikkedunk i stål, 750 ml.',
  pointsCost: 400,
  kind: 'GIFT',
  unitCost: { amountMinor: 6000, currency: 'DKK' },
  stock: 25,
};

async function create(input: Record<string, unknown>, token = org.tokens.MANAGER) {
  return (await app.graphql(CREATE, { input }, token)).data!.createReward;
}

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-01T12:00:00Z') });
  org = await createTestOrganization(app, 'Katalog');
});
afterAll(() => app.stop());

describe('createReward', () => {
  test('a manager creates a reward with its kind, points cost, unit cost to the company, stock and minimum tier', async () => {
    const created = await create({ ...bottle, minimumTier: 'SILVER' });
    expect(created).toMatchObject({
      __typename: 'MutationCreateRewardSuccess',
      data: {
        name: 'Drikkedunk',
        description: 'Nordlys-drikkedunk i stål, 750 ml.',
        pointsCost: 400,
        kind: 'GIFT',
        unitCost: { amountMinor: 6000, currency: 'DKK' },
        stock: 25,
        minimumTier: 'SILVER',
        active: true,
      },
    });
  });

  test('without a stock a reward is unlimited, and without a minimum tier every customer may redeem it', async () => {
    const created = await create({
      name: 'Donation: cykler til børn',
      pointsCost: 300,
      kind: 'DONATION',
      unitCost: { amountMinor: 5000, currency: 'DKK' },
    });
    expect(created.data).toMatchObject({ stock: null, minimumTier: 'BRONZE', description: null });
  });

  test('zero or negative costs, negative stock, an empty name and an unaccepted currency are each named; nothing is stored', async () => {
    const before = await db().forOrganization(org.id).reward.count();
    const refused = await create({
      name: '  ',
      pointsCost: 0,
      kind: 'DISCOUNT',
      unitCost: { amountMinor: -100, currency: 'USD' },
      stock: -1,
    });
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.fieldErrors).toEqual([
      { path: ['input', 'name'], message: 'Name the reward (1 to 200 characters).' },
      { path: ['input', 'pointsCost'], message: 'A reward costs a whole number of points from 1 to 10000000.' },
      {
        path: ['input', 'unitCost', 'amountMinor'],
        message: 'What the reward costs the company is a whole number of minor units, 0 or more.',
      },
      { path: ['input', 'unitCost', 'currency'], message: 'USD is not accepted; use one of DKK, SEK, NOK, EUR.' },
      { path: ['input', 'stock'], message: 'Stock is a whole number, 0 or more; leave it empty for unlimited.' },
    ]);
    const negative = await create({ ...bottle, pointsCost: -5 });
    expect(negative.fieldErrors).toEqual([
      { path: ['input', 'pointsCost'], message: 'A reward costs a whole number of points from 1 to 10000000.' },
    ]);
    expect(await db().forOrganization(org.id).reward.count()).toBe(before);
  });

  test('a reward that costs the company nothing is allowed', async () => {
    const created = await create({ ...bottle, name: 'Tak-kort', unitCost: { amountMinor: 0, currency: 'DKK' } });
    expect(created.data.unitCost).toEqual({ amountMinor: 0, currency: 'DKK' });
  });

  test('a partner with rewards:write creates a reward once however often it retries with one key', async () => {
    const shop = await partnerKey(org, ['REWARDS_WRITE']);
    const input = { ...bottle, name: 'Cykellygte' };
    const first = await app.graphql(CREATE, { input, key: 'lygte-1' }, shop);
    const again = await app.graphql(CREATE, { input, key: 'lygte-1' }, shop);
    expect(again.data).toEqual(first.data);
    expect(
      await db()
        .forOrganization(org.id)
        .reward.count({ where: { name: 'Cykellygte' } }),
    ).toBe(1);
  });

  test('an agent may not create rewards', async () => {
    expect(await create(bottle, org.tokens.AGENT)).toMatchObject({ __typename: 'ForbiddenError' });
  });
});

describe('updateReward', () => {
  test('changes only the fields given; stock null makes a reward unlimited', async () => {
    const { data: reward } = await create({ ...bottle, name: 'Saddeltaske' });
    const moved = await app.graphql(
      UPDATE,
      { input: { id: reward.id, pointsCost: 450, unitCost: { amountMinor: 6500, currency: 'DKK' } } },
      org.tokens.MANAGER,
    );
    expect(moved.data!.updateReward.data).toMatchObject({
      name: 'Saddeltaske',
      description: 'Nordlys-drikkedunk i stål, 750 ml.',
      pointsCost: 450,
      unitCost: { amountMinor: 6500, currency: 'DKK' },
      stock: 25,
    });
    const unlimited = await app.graphql(
      UPDATE,
      { input: { id: reward.id, stock: null, description: null } },
      org.tokens.MANAGER,
    );
    expect(unlimited.data!.updateReward.data).toMatchObject({ stock: null, description: null, pointsCost: 450 });
  });

  test('a deactivated reward leaves the active catalogue but stays in the whole one', async () => {
    const { data: reward } = await create({ ...bottle, name: 'Vinterservice 2025', pointsCost: 1 });
    await app.graphql(UPDATE, { input: { id: reward.id, active: false } }, org.tokens.MANAGER);
    const active = (await app.graphql(CATALOGUE, { active: true }, org.tokens.VIEWER)).data!.rewards;
    const all = (await app.graphql(CATALOGUE, {}, org.tokens.VIEWER)).data!.rewards;
    expect(active.map((r: { name: string }) => r.name)).not.toContain('Vinterservice 2025');
    expect(all.at(-1)).toEqual({ name: 'Vinterservice 2025', active: false, pointsCost: 1 });
  });

  test('bad values are named and change nothing', async () => {
    const { data: reward } = await create({ ...bottle, name: 'Ringeklokke' });
    const refused = await app.graphql(
      UPDATE,
      { input: { id: reward.id, name: '', pointsCost: 0, stock: -3 } },
      org.tokens.MANAGER,
    );
    expect(refused.data!.updateReward.fieldErrors.map((error: { path: string[] }) => error.path)).toEqual([
      ['input', 'name'],
      ['input', 'pointsCost'],
      ['input', 'stock'],
    ]);
    const stored = await db()
      .forOrganization(org.id)
      .reward.findUniqueOrThrow({ where: { id: rawId(reward.id, 'Reward') } });
    expect(stored).toMatchObject({ name: 'Ringeklokke', pointsCost: 400, stock: 25 });
  });

  test('an unknown reward, or an id of something else, is a NotFoundError', async () => {
    for (const id of [gid('Reward', 'nowhere'), gid('Customer', 'nowhere'), 'not-an-id']) {
      const result = await app.graphql(UPDATE, { input: { id, pointsCost: 10 } }, org.tokens.MANAGER);
      expect(result.data!.updateReward).toEqual({ __typename: 'NotFoundError', message: 'Reward was not found.' });
    }
  });
});

describe('rewards', () => {
  test('a partner with rewards:read reads the catalogue: active first, then by points cost', async () => {
    const reader = await partnerKey(org, ['REWARDS_READ']);
    const catalogue = (await app.graphql(CATALOGUE, {}, reader)).data!.rewards as {
      name: string;
      active: boolean;
      pointsCost: number;
    }[];
    const active = catalogue.filter((reward) => reward.active);
    expect(catalogue.slice(0, active.length)).toEqual(active);
    expect(active.map((reward) => reward.pointsCost)).toEqual(
      [...active.map((reward) => reward.pointsCost)].sort((a, b) => a - b),
    );
    expect(active.map((reward) => reward.name)).toContain('Drikkedunk');
  });

  test('a partner without rewards:read is refused', async () => {
    const other = await partnerKey(org, ['EVENTS_WRITE']);
    const result = await app.graphql(CATALOGUE, {}, other);
    expect(result.data).toBeNull();
    expect(result.errors![0].message).toBe(
      'You are not allowed to do this: your role or key scopes do not include it.',
    );
  });
});
