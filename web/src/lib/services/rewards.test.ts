import { describe, expect, test } from 'vitest';
import type { Client } from '@urql/core';
import { handleUpdateReward, type RewardForm } from './rewards';

/** A client that records the variables of the mutation it is asked to run. */
function recordingClient() {
  const sent: Record<string, unknown>[] = [];
  const client = {
    mutation: (_document: string, variables: Record<string, unknown>) => ({
      toPromise: async () => {
        sent.push(variables);
        return { data: { updateReward: { __typename: 'MutationUpdateRewardSuccess', data: { id: 'reward-1' } } } };
      },
    }),
  } as unknown as Client;
  return { client, sent };
}

const form: RewardForm = {
  name: 'Kaffekop',
  description: '',
  pointsCost: 150,
  kind: 'GIFT',
  unitCost: '25,50',
  currency: 'dkk',
  stock: '10',
  minimumTier: 'BRONZE',
  active: true,
};

describe('saving a reward', () => {
  test('sends the cost in minor units of the currency, in capitals', async () => {
    const { client, sent } = recordingClient();
    await handleUpdateReward(client, 'reward-1', form);
    expect(sent[0].input).toMatchObject({ unitCost: { amountMinor: 2550, currency: 'DKK' }, stock: 10 });
  });

  test.each([
    ['never filled in', ''],
    ['emptied (a number field then holds null)', null],
  ])('a stock field %s means unlimited stock, not none', async (_how, stock) => {
    const { client, sent } = recordingClient();
    await handleUpdateReward(client, 'reward-1', { ...form, stock });
    expect((sent[0].input as { stock: unknown }).stock).toBeNull();
  });

  test('a stock of 0 is none left', async () => {
    const { client, sent } = recordingClient();
    await handleUpdateReward(client, 'reward-1', { ...form, stock: 0 });
    expect((sent[0].input as { stock: unknown }).stock).toBe(0);
  });
});
