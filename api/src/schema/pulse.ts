import { builder } from './builder.ts';
import { LocaleEnum, PulseRoundStatusEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { rawId } from './ids.ts';
import { RiskLevelCount } from './overview.ts';
import { TeamNode } from './team.ts';
import { readerLocale } from '../context.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { PULSE_QUESTIONS } from '../domain/pulse/pulse-questions.ts';
import { serviceChainExplanation } from '../domain/pulse/service-chain-explanation.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import { answerPulse, closePulseRound, myPendingPulse, openPulseRound } from '../services/pulse.service.ts';
import {
  serviceChain,
  type MonthOutcomes,
  type RoundPulse,
  type TeamOutcomes,
} from '../services/service-chain.service.ts';

export const PulseRoundNode = builder.prismaNode('PulseRound', {
  id: { field: 'id' },
  nullable: true,
  description: 'A round of the staff pulse: every active staff member is asked once, anonymously.',
  fields: (t) => ({
    opensAt: t.expose('opensAt', { type: 'DateTime', description: 'When it opened.' }),
    closesAt: t.expose('closesAt', {
      type: 'DateTime',
      description: 'When it closes, or closed (early, by an ADMIN).',
    }),
    status: t.expose('status', { type: PulseRoundStatusEnum, description: 'Open for answers, or closed.' }),
    invited: t.exposeInt('invited', { description: 'Active staff members when it opened.' }),
    answered: t.exposeInt('answered', { description: 'How many answered; never who.' }),
  }),
});

builder.queryField('pulseRounds', (t) =>
  t.prismaField({
    type: ['PulseRound'],
    description: 'Every round, newest first.',
    resolve: (query, _root, _args, context) =>
      tenantDb(authenticated(context)).pulseRound.findMany({ ...query, orderBy: [{ opensAt: 'desc' }, { id: 'asc' }] }),
  }),
);

const PendingPulseRef = builder
  .objectRef<NonNullable<Awaited<ReturnType<typeof myPendingPulse>>>>('PendingPulse')
  .implement({
    description:
      'The open round the signed-in staff member has not answered. Answer with `answerPulse`: eNPS 0–10 ("How likely are you to recommend working here?") and the three `questions`, 1–5, in order.',
    fields: (t) => ({
      token: t.exposeString('token', { description: 'Yours for this round only; it answers once.' }),
      round: t.field({ type: PulseRoundNode, description: 'The round asked.', resolve: (pending) => pending.round }),
      questions: t.exposeStringList('questions', { description: "The three 1–5 questions, in the reader's language." }),
    }),
  });

builder.queryField('myPendingPulse', (t) =>
  t.field({
    type: PendingPulseRef,
    nullable: true,
    description: "The signed-in staff member's open round, while unanswered; null otherwise (and for partners).",
    resolve: (_root, _args, context) => myPendingPulse(authenticated(context)),
  }),
);

builder.mutationField('openPulseRound', (t) =>
  t.field({
    type: PulseRoundNode,
    description: 'Opens a round now (a ValidationError while one is open).',
    errors: { types: [ValidationError, ...ACCESS_ERRORS], dataField: { description: 'The round, open.' } },
    resolve: (_root, _args, context) => openPulseRound(authenticated(context)),
  }),
);

builder.mutationField('closePulseRound', (t) =>
  t.field({
    type: PulseRoundNode,
    description: 'Closes a round now, before its time; a closed round stays as it was.',
    errors: { types: [NotFoundError, ...ACCESS_ERRORS], dataField: { description: 'The round, closed.' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) =>
      closePulseRound(authenticated(context), rawId(String(id), 'PulseRound', 'Pulse round')),
  }),
);

builder.mutationField('answerPulse', (t) =>
  t.field({
    type: PulseRoundNode,
    description: 'Answers a round, once per token. The answer is stored without you and without its moment.',
    errors: {
      types: [ValidationError, NotFoundError],
      dataField: { description: 'The round answered, with its count of answers.' },
    },
    args: {
      input: t.arg({
        description: 'Your token and your answers.',
        type: builder.inputType('AnswerPulseInput', {
          description: 'An answer to a pulse round: eNPS, the three questions and an optional comment.',
          fields: (i) => ({
            token: i.string({ required: true, description: 'The token from `myPendingPulse`.' }),
            enps: i.int({ required: true, description: '0–10: how likely you are to recommend working here.' }),
            answers: i.intList({ required: true, description: 'The three questions, 1–5 each, in order.' }),
            comment: i.string({ description: 'Shown to managers only with the team’s other comments, shuffled.' }),
          }),
        }),
        required: true,
      }),
    },
    resolve: (_root, { input }, context) => answerPulse(authenticated(context), input),
  }),
);

type Chain = Awaited<ReturnType<typeof serviceChain>>;
type InChain<T> = { chain: Chain; value: T };
const inChain = <T>(chain: Chain, values: T[]): InChain<T>[] => values.map((value) => ({ chain, value }));

const PulseQuestionScore = builder.objectRef<{ question: string; average: number }>('PulseQuestionScore').implement({
  description: "One of the three 1–5 questions and a team's average answer to it.",
  fields: (t) => ({
    question: t.exposeString('question', { description: 'The question, in the language asked for.' }),
    average: t.exposeFloat('average', { description: '1–5.' }),
  }),
});

const TeamPulseRef = builder.objectRef<InChain<RoundPulse>>('TeamPulse').implement({
  description:
    "A team's answers in one round. Below the anonymity threshold (organization setting, at least 3), or when it differs from an overlapping team by fewer people than that, only the count shows.",
  fields: (t) => ({
    team: t.field({
      type: TeamNode,
      description: 'The team.',
      resolve: ({ chain, value }) => chain.teamsById.get(value.teamId)!,
    }),
    round: t.field({
      type: PulseRoundNode,
      description: 'The round.',
      resolve: ({ chain, value }) => chain.roundsById.get(value.roundId)!,
    }),
    answers: t.int({
      description: 'How many of the team answered; shown even below the threshold.',
      resolve: ({ value }) => value.answers,
    }),
    shown: t.boolean({
      description: 'Whether the figures and comments show; false below the anonymity threshold.',
      resolve: ({ value }) => value.shown,
    }),
    enps: t.float({
      nullable: true,
      description: '(promoters 9–10 − detractors 0–6) / answers × 100.',
      resolve: ({ value }) => value.enps,
    }),
    questions: t.field({
      type: [PulseQuestionScore],
      description: "The three questions' averages, in order.",
      args: { locale: t.arg({ type: LocaleEnum, description: "Default: the reader's language." }) },
      resolve: async ({ value }, { locale }, context) => {
        const words = PULSE_QUESTIONS[locale ?? (await readerLocale(context))];
        return value.questions.map((average, index) => ({ question: words[index], average }));
      },
    }),
    comments: t.stringList({ description: 'Shuffled.', resolve: ({ value }) => value.comments }),
  }),
});

const TeamMonthOutcomes = builder.objectRef<MonthOutcomes>('TeamMonthOutcomes').implement({
  description: "The team's customers in one calendar month (UTC).",
  fields: (t) => ({
    month: t.expose('month', { type: 'DateTime', description: 'Its first moment.' }),
    nps: t.exposeFloat('nps', {
      nullable: true,
      description: "NPS of the customers' answers that month; null without any.",
    }),
    slaBreaches: t.exposeInt('slaBreaches', { description: 'Incidents opened that month that passed their SLA.' }),
    recoveries: t.exposeInt('recoveries', {
      description: 'Incidents resolved to the customer’s satisfaction that month.',
    }),
  }),
});

const TeamOutcomesRef = builder.objectRef<InChain<TeamOutcomes>>('TeamOutcomes').implement({
  description:
    "The outcomes of a team's customers: risk and ignored customers as they are now; NPS, SLA breaches and recoveries over the period.",
  fields: (t) => ({
    team: t.field({
      type: TeamNode,
      description: 'The team.',
      resolve: ({ chain, value }) => chain.teamsById.get(value.teamId)!,
    }),
    customers: t.int({
      description: 'Customers whose account manager is one of its members.',
      resolve: ({ value }) => value.customers,
    }),
    riskDistribution: t.field({
      type: [RiskLevelCount],
      description: 'Its customers per risk level, now.',
      resolve: ({ value }) => value.riskDistribution,
    }),
    nps: t.float({
      nullable: true,
      description: "NPS of its customers' answers over the period; null without any.",
      resolve: ({ value }) => value.nps,
    }),
    ignoredCustomers: t.int({
      description: 'Without personal contact for 90 days or more.',
      resolve: ({ value }) => value.ignoredCustomers,
    }),
    slaBreaches: t.int({
      description: 'Incidents opened in the period that passed their SLA.',
      resolve: ({ value }) => value.slaBreaches,
    }),
    recoveries: t.int({
      description: 'Incidents resolved to the customer’s satisfaction.',
      resolve: ({ value }) => value.recoveries,
    }),
    byMonth: t.field({
      type: [TeamMonthOutcomes],
      description: 'NPS, SLA breaches and recoveries month by month.',
      resolve: ({ value }) => value.byMonth,
    }),
  }),
});

const ServiceChainRef = builder.objectRef<Chain>('ServiceChain').implement({
  description: "Each team's pulse beside its customers' outcomes, and how the two move together across teams.",
  fields: (t) => ({
    months: t.exposeInt('months', { description: 'The period, in calendar months up to this one.' }),
    teams: t.field({
      type: [TeamOutcomesRef],
      description: "Each team's customers' outcomes.",
      resolve: (chain) => inChain(chain, chain.teams),
    }),
    pulse: t.field({
      type: [TeamPulseRef],
      description: "Each team's pulse in each round of the period.",
      resolve: (chain) => inChain(chain, chain.pulse),
    }),
    correlation: t.exposeFloat('correlation', {
      nullable: true,
      description:
        "Pearson's r of each team's mean eNPS (rounds shown) and its customers' NPS, over the period; null with fewer than 3 teams.",
    }),
    explanation: t.string({
      description: 'The method and its caveats, in words.',
      args: { locale: t.arg({ type: LocaleEnum, description: "Default: the reader's language." }) },
      resolve: async (chain, { locale }, context) =>
        serviceChainExplanation(
          { correlation: chain.correlation, teams: chain.pairedTeams, months: chain.months },
          locale ?? (await readerLocale(context)),
        ),
    }),
  }),
});

builder.queryField('serviceChain', (t) =>
  t.field({
    type: ServiceChainRef,
    description: "The service chain on one screen: teams' pulse beside their customers' outcomes. MANAGER and up.",
    args: { months: t.arg.int({ description: 'The period, in calendar months up to this one; default 6.' }) },
    resolve: (_root, { months }, context) => serviceChain(authenticated(context), months),
  }),
);
