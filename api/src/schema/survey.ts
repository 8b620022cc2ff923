import { builder } from './builder.ts';
import { SurveyKindEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { rawId } from './ids.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import { createSurvey, updateSurvey } from '../services/survey.service.ts';

export const SurveyNode = builder.prismaNode('Survey', {
  id: { field: 'id' },
  nullable: true,
  description: 'A question put to customers: NPS (0–10), CSAT (1–5) or a poll with options.',
  fields: (t) => ({
    kind: t.expose('kind', { type: SurveyKindEnum, description: 'What an answer must be; never changes.' }),
    question: t.exposeString('question', { description: 'The question, as customers see it.' }),
    options: t.exposeStringList('options', { description: "A poll's options; empty for NPS and CSAT." }),
    participationPoints: t.exposeInt('participationPoints', {
      description: 'Points a customer earns for answering, once per survey.',
    }),
    active: t.exposeBoolean('active', { description: 'Whether the survey takes answers.' }),
    answerCount: t.relationCount('feedback', { description: 'How many answers it has.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

builder.queryField('surveys', (t) =>
  t.prismaField({
    type: ['Survey'],
    description: 'Every survey, active ones first, newest first.',
    resolve: (query, _root, _args, context) =>
      tenantDb(authenticated(context)).survey.findMany({
        ...query,
        orderBy: [{ active: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
);

const CreateSurveyInput = builder.inputType('CreateSurveyInput', {
  description: 'A new survey; it takes answers at once.',
  fields: (t) => ({
    kind: t.field({ type: SurveyKindEnum, required: true, description: 'NPS, CSAT or POLL; it cannot change later.' }),
    question: t.string({ required: true }),
    options: t.stringList({ description: 'POLL only: two or more different options.' }),
    participationPoints: t.int({ description: 'Default 0.' }),
  }),
});

const UpdateSurveyInput = builder.inputType('UpdateSurveyInput', {
  description: 'Changes to a survey: what is left out stays as it is.',
  fields: (t) => ({
    id: t.id({ required: true }),
    question: t.string(),
    options: t.stringList({ description: 'POLL only. Options someone chose stay.' }),
    participationPoints: t.int({ description: 'For answers from now on.' }),
    active: t.boolean({ description: 'false: the survey takes no more answers.' }),
  }),
});

builder.mutationField('createSurvey', (t) =>
  t.field({
    type: SurveyNode,
    description: 'Creates a survey (NPS, CSAT or poll) with the points it pays for answering. MANAGER and up.',
    errors: { types: [ValidationError, ...ACCESS_ERRORS], dataField: { description: 'The survey created.' } },
    args: { input: t.arg({ type: CreateSurveyInput, required: true, description: 'The survey.' }) },
    resolve: (_root, { input }, context) => createSurvey(authenticated(context), input),
  }),
);

builder.mutationField('updateSurvey', (t) =>
  t.field({
    type: SurveyNode,
    description:
      "Changes what is given. A survey's kind never changes, so every answer keeps fitting it. MANAGER and up.",
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The survey as changed.' },
    },
    args: { input: t.arg({ type: UpdateSurveyInput, required: true, description: 'Which survey, and what changes.' }) },
    resolve: (_root, { input }, context) =>
      updateSurvey(authenticated(context), { ...input, id: rawId(String(input.id), 'Survey') }),
  }),
);
