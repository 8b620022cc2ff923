import { builder } from './builder.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { Money } from './money.ts';
import { ValidationError } from '../domain/errors.ts';
import type { EconomicsFigures, Retention, RewardEconomics } from '../domain/economics/program-economics.ts';
import { economicsMethod } from '../domain/economics/economics-method.ts';
import { readerLocale } from '../context.ts';
import { LocaleEnum } from './enums.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import { programEconomicsFor, type ProgramEconomicsReport } from '../services/program-economics.service.ts';

const RetentionRef = builder.objectRef<Retention>('Retention').implement({
  description: 'Whether redeemers bought again within 90 days, against customers of the same tier who did not redeem.',
  fields: (t) => ({
    redeemers: t.exposeInt('redeemers', { description: 'Redeemers compared with a same-tier baseline.' }),
    redeemersRetained: t.exposeInt('redeemersRetained', {
      description: 'Of the compared redeemers, those who bought again within 90 days.',
    }),
    redeemerRate: t.exposeFloat('redeemerRate', {
      nullable: true,
      description: 'Share of the compared redeemers who bought again (0–1); null with none.',
    }),
    baselineRate: t.exposeFloat('baselineRate', {
      nullable: true,
      description: "The non-redeemers' share in the redeemers' tiers, weighted by their tier mix (0–1).",
    }),
    extraRetained: t.exposeFloat('extraRetained', {
      description: 'Redeemers retained beyond what the baseline predicts; negative when fewer.',
    }),
    uncompared: t.exposeInt('uncompared', {
      description: 'Redeemers left out: their tier has no one who did not redeem.',
    }),
  }),
});

const EconomicsFiguresRef = builder.interfaceRef<EconomicsFigures>('EconomicsFigures').implement({
  description: 'What rewards cost in a period and the retention they bought.',
  resolveType: (figures) => ('rewardId' in figures ? 'RewardEconomics' : 'EconomicsTotal'),
  fields: (t) => ({
    redemptions: t.exposeInt('redemptions', { description: 'Fulfilled redemptions.' }),
    cancelled: t.exposeInt('cancelled', { description: 'Cancelled redemptions (refunded, so not counted).' }),
    pointsBurned: t.exposeInt('pointsBurned', { description: 'Points of the fulfilled redemptions.' }),
    cost: t.field({ type: Money, description: 'Unit cost × fulfilled redemptions.', resolve: (f) => f.cost }),
    retention: t.field({
      type: RetentionRef,
      description: 'The retention the redemptions bought.',
      resolve: (f) => f.retention,
    }),
    costPerExtraRetained: t.field({
      type: Money,
      nullable: true,
      description: 'The cost divided by the extra retained customers; null when the rewards bought no extra retention.',
      resolve: (f) => f.costPerExtraRetained,
    }),
  }),
});

const RewardEconomicsRef = builder.objectRef<RewardEconomics>('RewardEconomics').implement({
  description: 'The figures of one reward.',
  interfaces: [EconomicsFiguresRef],
  fields: (t) => ({
    reward: t.prismaField({
      type: 'Reward',
      description: 'The reward.',
      resolve: (query, figures, _args, context) =>
        tenantDb(authenticated(context)).reward.findUniqueOrThrow({ ...query, where: { id: figures.rewardId } }),
    }),
  }),
});

const EconomicsTotalRef = builder.objectRef<EconomicsFigures>('EconomicsTotal').implement({
  description: 'Every reward together.',
  interfaces: [EconomicsFiguresRef],
});

const ProgramEconomicsRef = builder.objectRef<ProgramEconomicsReport>('ProgramEconomics').implement({
  description: 'What the rewards of a period cost against the retention they bought, per reward and in total.',
  fields: (t) => ({
    from: t.expose('from', { type: 'DateTime', description: 'Start of the period, inclusive.' }),
    to: t.expose('to', { type: 'DateTime', description: 'End of the period, exclusive.' }),
    currency: t.exposeString('currency', { description: 'Of every cost; rewards costed in another are left out.' }),
    rewards: t.field({
      type: [RewardEconomicsRef],
      description: 'The rewards redeemed in the period, costliest first.',
      resolve: (report) => report.rewards,
    }),
    total: t.field({
      type: EconomicsTotalRef,
      description: 'Every reward together.',
      resolve: (report) => report.total,
    }),
    method: t.string({
      description: 'How it was measured, in one plain sentence.',
      args: { locale: t.arg({ type: LocaleEnum, description: "Default: the reader's language." }) },
      resolve: async (report, { locale }, context) =>
        economicsMethod(report.from, report.to, locale ?? (await readerLocale(context))),
    }),
  }),
});

builder.queryField('programEconomics', (t) =>
  t.field({
    type: ProgramEconomicsRef,
    description:
      'Is the loyalty program worth its cost? Redemptions from `from` (inclusive) to `to` (exclusive). MANAGER and up; no partner key.',
    errors: {
      types: [ValidationError, ...ACCESS_ERRORS],
      dataField: { description: 'The figures of the period.' },
    },
    args: {
      from: t.arg({ type: 'DateTime', required: true, description: 'Start of the period, inclusive.' }),
      to: t.arg({ type: 'DateTime', required: true, description: 'End of the period, exclusive; after `from`.' }),
      currency: t.arg.string({ description: "The rewards' cost currency to report; default: the organization's." }),
    },
    resolve: (_root, period, context) => programEconomicsFor(authenticated(context), period),
  }),
);
