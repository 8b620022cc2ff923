// The rewards catalogue's and the surveys' actions.
import type { Client } from '@urql/core';
import { mutate, type Outcome } from '$lib/graphql/mutate';
import { toMinor } from './money';
import { CREATE_REWARD, CREATE_SURVEY, UPDATE_SURVEY, UPDATE_REWARD } from '$lib/graphql/documents';
import type { Reward, RewardKind, Survey, SurveyKind, Tier } from '$lib/graphql/types';

export interface RewardForm {
  name: string;
  description: string;
  pointsCost: number;
  kind: RewardKind;
  /** As typed, in the currency's units: "150,50". */
  unitCost: string;
  currency: string;
  /** Empty for unlimited: '' as first shown, null once a number field was emptied. */
  stock: string | number | null;
  minimumTier: Tier;
  active: boolean;
}

function rewardInput(form: RewardForm) {
  return {
    name: form.name,
    description: form.description || null,
    pointsCost: Number(form.pointsCost),
    // The page checks the amount first (`toMinor` is not null).
    unitCost: { amountMinor: toMinor(form.unitCost, form.currency) ?? 0, currency: form.currency.trim().toUpperCase() },
    stock: form.stock === '' || form.stock === null ? null : Number(form.stock),
    minimumTier: form.minimumTier,
  };
}

export function handleCreateReward(client: Client, form: RewardForm): Promise<Outcome<Reward>> {
  return mutate(client, CREATE_REWARD, { input: { ...rewardInput(form), kind: form.kind } }, 'createReward');
}

export function handleUpdateReward(client: Client, id: string, form: RewardForm): Promise<Outcome<Reward>> {
  return mutate(client, UPDATE_REWARD, { input: { id, ...rewardInput(form), active: form.active } }, 'updateReward');
}

export function handleCreateSurvey(
  client: Client,
  form: { kind: SurveyKind; question: string; options: string; participationPoints: number },
): Promise<Outcome<Survey>> {
  const options = form.options
    .split('\n')
    .map((option) => option.trim())
    .filter(Boolean);
  return mutate(
    client,
    CREATE_SURVEY,
    {
      input: {
        kind: form.kind,
        question: form.question,
        options: form.kind === 'POLL' ? options : undefined,
        participationPoints: Number(form.participationPoints),
      },
    },
    'createSurvey',
  );
}

/** A survey takes answers while active; deactivating keeps every answer it has. */
export function handleSetSurveyActive(client: Client, id: string, active: boolean): Promise<Outcome<Survey>> {
  return mutate(client, UPDATE_SURVEY, { input: { id, active } }, 'updateSurvey');
}
