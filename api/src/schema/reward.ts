import { builder } from './builder.ts';
import { RewardKindEnum, TierEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { rawId } from './ids.ts';
import { IDEMPOTENCY_KEY } from './idempotency.ts';
import { Money, MoneyInput } from './money.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import { createReward, updateReward } from '../services/reward.service.ts';

export const RewardNode = builder.prismaNode('Reward', {
  id: { field: 'id' },
  nullable: true,
  description: 'Something customers may redeem their points for.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What customers see it called.' }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'What the customer gets; null when none.',
    }),
    pointsCost: t.exposeInt('pointsCost', { description: 'Points one redemption spends.' }),
    kind: t.expose('kind', { type: RewardKindEnum, description: 'What sort of reward it is.' }),
    unitCost: t.field({
      type: Money,
      description: 'What one redemption costs the company.',
      select: { unitCostMinor: true, unitCostCurrency: true },
      resolve: (reward) => ({ amountMinor: reward.unitCostMinor, currency: reward.unitCostCurrency }),
    }),
    stock: t.exposeInt('stock', { nullable: true, description: 'How many are left; null: unlimited.' }),
    minimumTier: t.expose('minimumTier', { type: TierEnum, description: 'The lowest tier that may redeem it.' }),
    active: t.exposeBoolean('active', { description: 'Only active rewards can be redeemed.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was added to the catalogue.' }),
  }),
});

builder.queryField('rewards', (t) =>
  t.prismaField({
    type: ['Reward'],
    description: 'The catalogue, active rewards first, then by points cost.',
    args: {
      active: t.arg.boolean({ description: 'Only active (true) or only inactive (false) rewards; default: all.' }),
    },
    resolve: (query, _root, { active }, context) =>
      tenantDb(authenticated(context)).reward.findMany({
        ...query,
        where: active == null ? {} : { active },
        orderBy: [{ active: 'desc' }, { pointsCost: 'asc' }, { name: 'asc' }, { id: 'asc' }],
      }),
  }),
);

const CreateRewardInput = builder.inputType('CreateRewardInput', {
  description: 'A new reward; it is active at once.',
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string(),
    pointsCost: t.int({ required: true, description: 'Above 0.' }),
    kind: t.field({ type: RewardKindEnum, required: true, description: 'What sort of reward it is.' }),
    unitCost: t.field({
      type: MoneyInput,
      required: true,
      description: 'What one redemption costs the company (0 or more), in a currency your organization accepts.',
    }),
    stock: t.int({ description: 'How many there are (0 or more); leave it out for unlimited.' }),
    minimumTier: t.field({ type: TierEnum, description: 'Default: BRONZE (every customer).' }),
  }),
});

const UpdateRewardInput = builder.inputType('UpdateRewardInput', {
  description:
    'What is left out stays as it is. `stock: null` makes the reward unlimited; `description: null` removes it.',
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    description: t.string(),
    pointsCost: t.int({ description: 'Above 0; past redemptions keep what they cost.' }),
    unitCost: t.field({ type: MoneyInput, description: 'What one redemption costs the company, 0 or more.' }),
    stock: t.int({ description: 'How many are left, 0 or more; null: unlimited.' }),
    minimumTier: t.field({ type: TierEnum, description: 'The lowest tier that may redeem it.' }),
    active: t.boolean({ description: 'false takes the reward out of the catalogue; past redemptions stay.' }),
  }),
});

builder.mutationField('createReward', (t) =>
  t.field({
    type: RewardNode,
    description: 'Adds a reward to the catalogue. MANAGER and up, or a key with `rewards:write`.',
    errors: { types: [ValidationError, ...ACCESS_ERRORS], dataField: { description: 'The reward created.' } },
    args: {
      input: t.arg({ type: CreateRewardInput, required: true, description: 'The reward.' }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY),
    },
    resolve: (_root, { input }, context) => createReward(authenticated(context), input),
  }),
);

builder.mutationField('updateReward', (t) =>
  t.field({
    type: RewardNode,
    description: 'Changes a reward. MANAGER and up, or a key with `rewards:write`.',
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The reward as changed.' },
    },
    args: { input: t.arg({ type: UpdateRewardInput, required: true, description: 'Which reward, and what changes.' }) },
    resolve: (_root, { input }, context) =>
      updateReward(authenticated(context), { ...input, id: rawId(String(input.id), 'Reward') }),
  }),
);
