import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';
import { ChannelEnum, InvitationStatusEnum, LocaleEnum, SurveyKindEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { CustomerRef, customerRef } from './customer.ts';
import { IDEMPOTENCY_KEY } from './idempotency.ts';
import { rawId } from './ids.ts';
import { NotFoundError, RateLimitedError, ValidationError } from '../domain/errors.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import {
  invitationStats,
  type InvitationStats,
  answerInvitation,
  invitationPage,
  inviteToSurvey,
  type InvitationPage,
} from '../services/invitation.service.ts';

builder.prismaNode('SurveyInvitation', {
  id: { field: 'id' },
  nullable: true,
  description: 'A survey asked of one customer, sent as a message; answered on the answer page.',
  fields: (t) => ({
    survey: t.relation('survey'),
    customer: t.relation('customer'),
    channel: t.expose('channel', { type: ChannelEnum }),
    status: t.expose('status', { type: InvitationStatusEnum }),
    incident: t.relation('incident', { nullable: true, description: 'CSAT after this incident was resolved.' }),
    message: t.relation('message'),
    feedback: t.relation('feedback', { nullable: true, description: 'The answer.' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField('Customer', 'surveyInvitations', (t) =>
  t.relatedConnection('invitations', {
    cursor: 'id',
    maxSize: 100,
    totalCount: true,
    description: 'Survey invitations, newest first.',
    query: { orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] },
  }),
);

builder.queryField('surveyInvitations', (t) =>
  t.prismaConnection({
    type: 'SurveyInvitation',
    cursor: 'id',
    maxSize: 100,
    description: 'Invitations, newest first.',
    args: { surveyId: t.arg.id(), statuses: t.arg({ type: [InvitationStatusEnum] }) },
    totalCount: (_connection, args, context) =>
      tenantDb(authenticated(context)).surveyInvitation.count({ where: invitationWhere(args) }),
    resolve: (query, _root, args, context) =>
      tenantDb(authenticated(context)).surveyInvitation.findMany({
        ...query,
        where: invitationWhere(args),
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
);

function invitationWhere(args: { surveyId?: string | number | null; statuses?: string[] | null }) {
  return {
    ...(args.surveyId != null ? { surveyId: rawId(String(args.surveyId), 'Survey') } : {}),
    ...(args.statuses?.length ? { status: { in: args.statuses as (typeof InvitationStatusEnum.$inferType)[] } } : {}),
  };
}

const InviteToSurveyInput = builder.inputType('InviteToSurveyInput', {
  fields: (t) => ({
    surveyId: t.id({ required: true }),
    customers: t.field({ type: [CustomerRef], required: true }),
    channel: t.field({ type: ChannelEnum, required: true, description: 'EMAIL or SMS.' }),
  }),
});

builder.mutationField('inviteToSurvey', (t) =>
  t.prismaField({
    type: ['SurveyInvitation'],
    description:
      'Invites customers (up to 1 000) to a survey now. Each invitation is a message through the care rules: one that consent, the contact cap or the survey cooldown blocks is SKIPPED with its reasons.',
    errors: { types: [ValidationError, NotFoundError, ...ACCESS_ERRORS] },
    args: {
      input: t.arg({ type: InviteToSurveyInput, required: true }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY),
    },
    resolve: async (query, _root, { input }, context) => {
      const caller = authenticated(context);
      const ids = await inviteToSurvey(caller, {
        surveyId: rawId(String(input.surveyId), 'Survey'),
        customers: input.customers.map(customerRef),
        channel: input.channel,
      });
      const invitations = await tenantDb(caller).surveyInvitation.findMany({ ...query, where: { id: { in: ids } } });
      return ids.map((id) => invitations.find((invitation) => invitation.id === id)!);
    },
  }),
);

const InvitationPageRef = builder.objectRef<InvitationPage>('InvitationPage').implement({
  description: 'What the answer page shows, read with the link’s token and nothing else.',
  fields: (t) => ({
    organizationName: t.exposeString('organizationName'),
    locale: t.expose('locale', { type: LocaleEnum }),
    kind: t.expose('kind', { type: SurveyKindEnum }),
    question: t.exposeString('question'),
    options: t.exposeStringList('options'),
    status: t.expose('status', { type: InvitationStatusEnum }),
    score: t.exposeInt('score', { nullable: true, description: 'The answer given, while it may still be changed.' }),
    option: t.exposeString('option', { nullable: true }),
    comment: t.exposeString('comment', { nullable: true }),
    changeableUntil: t.expose('changeableUntil', { type: 'DateTime', nullable: true }),
    participationPoints: t.exposeInt('participationPoints'),
  }),
});

builder.queryField('invitation', (t) =>
  t.field({
    type: InvitationPageRef,
    nullable: true,
    description:
      'Public: the token is the credential. Reading records nothing (mail scanners open every link). Reads and answers share 60 a minute per client address; over it, an error with extensions.code RATE_LIMITED.',
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, { token }, context) => {
      try {
        return await invitationPage(token, context.clientAddress);
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        throw new GraphQLError(error.message, {
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: error.retryAfterSeconds },
        });
      }
    },
  }),
);

const AnswerInvitationInput = builder.inputType('AnswerInvitationInput', {
  fields: (t) => ({
    token: t.string({ required: true }),
    score: t.int(),
    option: t.string(),
    comment: t.string(),
  }),
});

builder.mutationField('answerInvitation', (t) =>
  t.field({
    type: InvitationPageRef,
    description:
      'Public: the token is the credential. Records the answer, or changes it within 14 days; participation points are paid once.',
    errors: { types: [ValidationError, NotFoundError, RateLimitedError] },
    args: { input: t.arg({ type: AnswerInvitationInput, required: true }) },
    resolve: (_root, { input }, context) => answerInvitation(input, context.clientAddress),
  }),
);

const SkipReasonRef = builder
  .objectRef<InvitationStats['topSkipReasons'][number]>('SkipReason')
  .implement({ fields: (t) => ({ reason: t.exposeString('reason'), count: t.exposeInt('count') }) });

const InvitationStatsRef = builder.objectRef<InvitationStats>('InvitationStats').implement({
  description: "How a survey's invitations fared.",
  fields: (t) => ({
    sent: t.exposeInt('sent', { description: 'Went out, answered or not.' }),
    skipped: t.exposeInt('skipped', { description: 'Held back by consent, the contact cap or the cooldown.' }),
    answered: t.exposeInt('answered'),
    responseRate: t.exposeFloat('responseRate', {
      nullable: true,
      description: 'answered / sent; null before any went out.',
    }),
    topSkipReasons: t.field({ type: [SkipReasonRef], resolve: (stats) => stats.topSkipReasons }),
  }),
});

builder.prismaObjectField('Survey', 'invitationStats', (t) =>
  t.field({
    type: InvitationStatsRef,
    select: { id: true },
    resolve: (survey, _args, context) => invitationStats(authenticated(context), survey.id),
  }),
);
