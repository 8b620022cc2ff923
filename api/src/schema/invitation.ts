import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';
import { readerLocale } from '../context.ts';
import { renderSkipReason } from '../domain/messages/skip-reason.ts';
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
    survey: t.relation('survey', { description: 'The survey asked.' }),
    customer: t.relation('customer', { description: 'Who is asked.' }),
    channel: t.expose('channel', { type: ChannelEnum, description: 'How the invitation goes out: EMAIL or SMS.' }),
    status: t.expose('status', {
      type: InvitationStatusEnum,
      description: 'Where it stands, from SCHEDULED to ANSWERED, EXPIRED, SKIPPED or CANCELLED.',
    }),
    incident: t.relation('incident', { nullable: true, description: 'CSAT after this incident was resolved.' }),
    message: t.relation('message', {
      description: 'The message that carries the invitation, with its skip reasons if held back.',
    }),
    feedback: t.relation('feedback', { nullable: true, description: 'The answer.' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true, description: 'When it went out; null until sent.' }),
    answeredAt: t.expose('answeredAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the customer answered; null until then.',
    }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description: 'After this the link takes no answer (30 days).',
    }),
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
    args: {
      surveyId: t.arg.id({ description: "Only this survey's invitations." }),
      statuses: t.arg({
        type: [InvitationStatusEnum],
        description: 'Only invitations in one of these statuses; empty or null for all.',
      }),
    },
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
  description: 'A survey, the customers to ask, and the channel.',
  fields: (t) => ({
    surveyId: t.id({ required: true, description: 'The survey to ask.' }),
    customers: t.field({ type: [CustomerRef], required: true, description: 'One customer or a list, up to 1 000.' }),
    channel: t.field({ type: ChannelEnum, required: true, description: 'EMAIL or SMS.' }),
  }),
});

builder.mutationField('inviteToSurvey', (t) =>
  t.prismaField({
    type: ['SurveyInvitation'],
    description:
      'Invites customers (up to 1 000) to a survey now. Each invitation is a message through the care rules: one that consent, the contact cap or the survey cooldown blocks is SKIPPED with its reasons.',
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'One invitation per customer, in the order given.' },
    },
    args: {
      input: t.arg({
        type: InviteToSurveyInput,
        required: true,
        description: 'The survey, the customers and the channel.',
      }),
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
    organizationName: t.exposeString('organizationName', { description: 'Who is asking.' }),
    locale: t.expose('locale', { type: LocaleEnum, description: "The customer's language, the page's language." }),
    kind: t.expose('kind', {
      type: SurveyKindEnum,
      description: 'Which answer the page takes: NPS 0–10, CSAT 1–5, or a POLL option.',
    }),
    question: t.exposeString('question', { description: 'The survey question.' }),
    options: t.exposeStringList('options', { description: "A POLL's choices; empty otherwise." }),
    status: t.expose('status', {
      type: InvitationStatusEnum,
      description: 'EXPIRED once the link takes no more answers.',
    }),
    score: t.exposeInt('score', { nullable: true, description: 'The answer given, while it may still be changed.' }),
    option: t.exposeString('option', {
      nullable: true,
      description: 'The POLL option chosen, while it may still be changed.',
    }),
    comment: t.exposeString('comment', {
      nullable: true,
      description: 'The comment given, while it may still be changed.',
    }),
    changeableUntil: t.expose('changeableUntil', {
      type: 'DateTime',
      nullable: true,
      description: 'Until when the answer may be changed (14 days); null once it can no longer be answered.',
    }),
    participationPoints: t.exposeInt('participationPoints', {
      description: 'Points the first answer earns; paid once.',
    }),
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
  description: "The link's token and the customer's answer.",
  fields: (t) => ({
    token: t.string({ required: true, description: "The token from the invitation's link." }),
    score: t.int({ description: 'NPS 0–10 or CSAT 1–5.' }),
    option: t.string({ description: "A POLL's chosen option." }),
    comment: t.string({ description: 'Optional words.' }),
  }),
});

builder.mutationField('answerInvitation', (t) =>
  t.field({
    type: InvitationPageRef,
    description:
      'Public: the token is the credential. Records the answer, or changes it within 14 days; participation points are paid once.',
    errors: {
      types: [ValidationError, NotFoundError, RateLimitedError],
      dataField: { description: 'The answer page as it stands after the answer.' },
    },
    args: { input: t.arg({ type: AnswerInvitationInput, required: true, description: 'The token and the answer.' }) },
    resolve: (_root, { input }, context) => answerInvitation(input, context.clientAddress),
  }),
);

const SkipReasonRef = builder.objectRef<InvitationStats['topSkipReasons'][number]>('SkipReason').implement({
  description: 'One reason invitations were held back, and how often.',
  fields: (t) => ({
    reason: t.string({
      description: "The care rule that held them back, in the reader's language unless another is asked for.",
      args: { locale: t.arg({ type: LocaleEnum, description: "Default: the reader's language." }) },
      resolve: async (skip, { locale }, context) =>
        renderSkipReason(skip.reason, locale ?? (await readerLocale(context))),
    }),
    count: t.exposeInt('count', { description: 'Skipped invitations with this reason.' }),
  }),
});

const InvitationStatsRef = builder.objectRef<InvitationStats>('InvitationStats').implement({
  description: "How a survey's invitations fared.",
  fields: (t) => ({
    sent: t.exposeInt('sent', { description: 'Went out, answered or not.' }),
    skipped: t.exposeInt('skipped', { description: 'Held back by consent, the contact cap or the cooldown.' }),
    answered: t.exposeInt('answered', { description: 'Answered by the customer.' }),
    responseRate: t.exposeFloat('responseRate', {
      nullable: true,
      description: 'answered / sent; null before any went out.',
    }),
    topSkipReasons: t.field({
      type: [SkipReasonRef],
      description: 'The three most common reasons invitations were skipped, most common first.',
      resolve: (stats) => stats.topSkipReasons,
    }),
  }),
});

builder.prismaObjectField('Survey', 'invitationStats', (t) =>
  t.field({
    type: InvitationStatsRef,
    description: 'How its invitations fared: sent, skipped, answered.',
    select: { id: true },

    resolve: (survey, _args, context) => invitationStats(authenticated(context), survey.id),
  }),
);
