import { builder } from './builder.ts';
import { ChannelEnum, SurveyKindEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { CustomerRef, customerRef } from './customer.ts';
import { IDEMPOTENCY_KEY } from './idempotency.ts';
import { rawIdOrNull } from './ids.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { NpsTrendPoint } from '../domain/feedback/nps-trend.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { npsTrendOf, submitFeedback } from '../services/feedback.service.ts';
import type { SubmitFeedbackInput as SubmitFeedbackValue } from '../services/feedback-events.service.ts';

export const FeedbackNode = builder.prismaNode('Feedback', {
  id: { field: 'id' },
  nullable: true,
  description: "A customer's answer to a survey, or a free comment.",
  fields: (t) => ({
    customer: t.relation('customer', { description: 'Who answered.' }),
    survey: t.relation('survey', { nullable: true, description: 'The survey answered; null for a free comment.' }),
    score: t.exposeInt('score', { nullable: true, description: 'NPS 0–10 or CSAT 1–5.' }),
    option: t.exposeString('option', { nullable: true, description: "The poll's option chosen." }),
    comment: t.exposeString('comment', { nullable: true, description: "The customer's own words; null when none." }),
    channel: t.expose('channel', {
      type: ChannelEnum,
      nullable: true,
      description: 'Where the answer was given; null when unknown.',
    }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When the customer answered.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When Trofast recorded it.' }),
  }),
});

builder.prismaObjectField('Customer', 'feedback', (t) =>
  t.relatedConnection('feedback', {
    cursor: 'id',
    maxSize: 100,
    totalCount: true,
    description: 'Newest first.',
    query: { orderBy: [{ occurredAt: 'desc' }, { id: 'asc' }] },
  }),
);

/** A survey's global id opened; an id of another type matches no survey. */
const surveyIdOf = (id: string | number) => rawIdOrNull(String(id), 'Survey') ?? 'not-a-survey';

export const SubmitFeedbackInput = builder.inputType('SubmitFeedbackInput', {
  description: "A customer's answer to a survey, or a free comment.",
  fields: (t) => ({
    customer: t.field({ type: CustomerRef, required: true, description: 'Who answered; they must exist.' }),
    surveyId: t.id({ description: 'The survey answered; leave out for a free comment.' }),
    score: t.int({ description: 'NPS 0–10, CSAT 1–5.' }),
    option: t.string({ description: "POLL: one of the poll's options, exactly." }),
    comment: t.string({ description: 'Required without a survey.' }),
    channel: t.field({ type: ChannelEnum, description: 'Where the answer was given.' }),
    occurredAt: t.field({ type: 'DateTime', description: 'Default: now. May be back-dated for imports.' }),
  }),
});

/** The input with its customer and survey ids opened, for submitFeedback and recordEvents. */
export function feedbackInput(input: typeof SubmitFeedbackInput.$inferInput): SubmitFeedbackValue {
  return {
    ...input,
    customer: customerRef(input.customer),
    surveyId: input.surveyId == null ? null : surveyIdOf(input.surveyId),
  };
}

builder.mutationField('submitFeedback', (t) =>
  t.field({
    type: FeedbackNode,
    description:
      "An answer must fit its survey, and a customer answers a survey once; the survey's participation points are earned with the first answer. An NPS 0–6 or CSAT 1–2 counts as a bad experience. AGENT and up, or a key with `events:write`.",
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The feedback recorded.' },
    },
    args: {
      input: t.arg({ type: SubmitFeedbackInput, required: true, description: 'The answer or comment.' }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY),
    },
    resolve: async (_root, { input }, context) => {
      const caller = authenticated(context);
      const id = await submitFeedback(caller, feedbackInput(input));
      return tenantDb(caller).feedback.findUniqueOrThrow({ where: { id } });
    },
  }),
);

const FeedbackFilter = builder.inputType('FeedbackFilter', {
  description: 'Which feedback to list; every condition given must hold.',
  fields: (t) => ({
    surveyId: t.id({ description: 'Only answers to this survey.' }),
    kind: t.field({ type: SurveyKindEnum, description: 'Answers to surveys of this kind.' }),
    from: t.field({ type: 'DateTime', description: 'Answered at or after.' }),
    to: t.field({ type: 'DateTime', description: 'Answered before.' }),
  }),
});

function feedbackWhere(filter: typeof FeedbackFilter.$inferInput | null | undefined): Prisma.FeedbackWhereInput {
  return {
    ...(filter?.surveyId != null ? { surveyId: surveyIdOf(filter.surveyId) } : {}),
    ...(filter?.kind ? { survey: { kind: filter.kind } } : {}),
    ...(filter?.from || filter?.to
      ? { occurredAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
  };
}

builder.queryField('feedback', (t) =>
  t.prismaConnection({
    type: 'Feedback',
    cursor: 'id',
    maxSize: 100,
    description: 'Answers and comments, newest first.',
    args: { filter: t.arg({ type: FeedbackFilter, description: 'Which feedback; all when left out.' }) },
    totalCount: (_connection, { filter }, context) =>
      tenantDb(authenticated(context)).feedback.count({ where: feedbackWhere(filter) }),
    resolve: (query, _root, { filter }, context) =>
      tenantDb(authenticated(context)).feedback.findMany({
        ...query,
        where: feedbackWhere(filter),
        orderBy: [{ occurredAt: 'desc' }, { id: 'asc' }],
      }),
  }),
);

const TrendBucketEnum = builder.enumType('TrendBucket', {
  description: 'How long one bucket of a trend is, in UTC.',
  values: {
    WEEK: { description: 'ISO weeks, Monday 00:00 UTC.' },
    MONTH: { description: 'Calendar months, the 1st 00:00 UTC.' },
  },
});

const NpsBucket = builder.objectRef<NpsTrendPoint>('NpsBucket').implement({
  description: 'The NPS of one week or month.',
  fields: (t) => ({
    start: t.expose('start', { type: 'DateTime', description: 'Inclusive.' }),
    end: t.expose('end', { type: 'DateTime', description: 'Exclusive: the next bucket’s start.' }),
    label: t.exposeString('label', { description: '"2026-W01" or "2026-01".' }),
    answers: t.exposeInt('answers', { description: 'NPS answers given in the bucket.' }),
    nps: t.exposeFloat('nps', { nullable: true, description: '−100 to 100; null without answers.' }),
  }),
});

builder.queryField('npsTrend', (t) =>
  t.field({
    type: [NpsBucket],
    description:
      'NPS (promoters 9–10 minus detractors 0–6, in percent of answers) of every NPS survey, per bucket from the one holding `from` up to `to`; empty buckets included.',
    args: {
      from: t.arg({ type: 'DateTime', required: true, description: 'The first bucket is the one holding this time.' }),
      to: t.arg({ type: 'DateTime', required: true, description: 'Exclusive.' }),
      bucket: t.arg({
        type: TrendBucketEnum,
        required: true,
        defaultValue: 'MONTH',
        description: 'Weeks or months; months by default.',
      }),
    },
    resolve: (_root, range, context) => npsTrendOf(authenticated(context), range),
  }),
);
