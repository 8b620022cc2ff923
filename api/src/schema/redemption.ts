import { builder } from './builder.ts';
import { RedemptionStatusEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { CustomerRef, customerRef } from './customer.ts';
import { rawId } from './ids.ts';
import { IDEMPOTENCY_KEY } from './idempotency.ts';
import {
  InsufficientPointsError,
  NotFoundError,
  OutOfStockError,
  TierTooLowError,
  ValidationError,
} from '../domain/errors.ts';
import { authenticated } from '../auth/caller.ts';
import { cancelRedemption, redeemReward } from '../services/redemption.service.ts';

export const RedemptionNode = builder.prismaNode('Redemption', {
  id: { field: 'id' },
  nullable: true,
  description: 'A reward redeemed by a customer. Cancelling it refunds the points and returns the stock.',
  fields: (t) => ({
    customer: t.relation('customer', { description: 'Who redeemed it.' }),
    reward: t.relation('reward', { description: 'What was redeemed.' }),
    points: t.exposeInt('points', { description: 'What it cost when redeemed.' }),
    status: t.expose('status', { type: RedemptionStatusEnum, description: 'Whether it stands or was cancelled.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was redeemed.' }),
    cancelledAt: t.expose('cancelledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was cancelled; null unless cancelled.',
    }),
    cancelReason: t.exposeString('cancelReason', {
      nullable: true,
      description: 'Why it was cancelled, for staff; null when none was given.',
    }),
  }),
});

builder.prismaObjectField('Customer', 'redemptions', (t) =>
  t.relatedConnection('redemptions', {
    cursor: 'id',
    maxSize: 100,
    totalCount: true,
    description: 'Newest first, cancelled ones included.',
    query: { orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] },
  }),
);

const RedeemRewardInput = builder.inputType('RedeemRewardInput', {
  description: 'Who redeems which reward.',
  fields: (t) => ({
    customer: t.field({ type: CustomerRef, required: true, description: 'Whose points pay for it.' }),
    rewardId: t.id({ required: true }),
  }),
});

const CancelRedemptionInput = builder.inputType('CancelRedemptionInput', {
  description: 'A redemption to cancel.',
  fields: (t) => ({
    id: t.id({ required: true }),
    reason: t.string({ description: 'Kept with the redemption, for staff.' }),
  }),
});

/** What redeeming can answer, at the counter (redeemReward) or on the customer's own page (memberRedeemReward). */
export const REDEEM_ERRORS = [
  ValidationError,
  NotFoundError,
  InsufficientPointsError,
  OutOfStockError,
  TierTooLowError,
  ...ACCESS_ERRORS,
];

builder.mutationField('redeemReward', (t) =>
  t.field({
    type: RedemptionNode,
    description:
      "Spends the reward's points cost and takes one from its stock, in one step: the customer's tier must be at least the reward's minimum, the stock above 0 and the balance at least the cost. Concurrent redemptions never overdraw a balance or oversell stock. AGENT and up, or a key with `redemptions:write`.",
    errors: { types: REDEEM_ERRORS, dataField: { description: 'The redemption made.' } },
    args: {
      input: t.arg({ type: RedeemRewardInput, required: true, description: 'Who redeems which reward.' }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY),
    },
    resolve: (_root, { input }, context) =>
      redeemReward(authenticated(context), {
        customer: customerRef(input.customer),
        rewardId: rawId(String(input.rewardId), 'Reward'),
      }),
  }),
);

builder.mutationField('cancelRedemption', (t) =>
  t.field({
    type: RedemptionNode,
    description:
      'Refunds the points and returns the stock, once: a redemption already cancelled is a ValidationError. AGENT and up, or a key with `redemptions:write`.',
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The redemption, cancelled.' },
    },
    args: {
      input: t.arg({ type: CancelRedemptionInput, required: true, description: 'Which redemption, and why.' }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY),
    },
    resolve: (_root, { input }, context) =>
      cancelRedemption(authenticated(context), { ...input, id: rawId(String(input.id), 'Redemption') }),
  }),
);
