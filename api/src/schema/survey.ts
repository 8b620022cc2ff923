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
    kind: t.expose('kind', { type: SurveyKindEnum }),
    question: t.exposeString('question'),
    options: t.exposeStringList('options', { description: "A poll's options; empty for NPS and CSAT." }),
    participationPoints: t.exposeInt('participationPoints', {
      description: 'Points a customer earns for answering, once per survey.',
    }),
    active: t.exposeBoolean('active', { description: 'Whether the survey takes answers.' }),
    answerCount: t.relationCount('feedback'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
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
  fields: (t) => ({
    kind: t.field({ type: SurveyKindEnum, required: true }),
    question: t.string({ required: true }),
    options: t.stringList({ description: 'POLL only: two or more different options.' }),
    participationPoints: t.int({ description: 'Default 0.' }),
  }),
});

const UpdateSurveyInput = builder.inputType('UpdateSurveyInput', {
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
    errors: { types: [ValidationError, ...ACCESS_ERRORS] },
    args: { input: t.arg({ type: CreateSurveyInput, required: true }) },
    resolve: (_root, { input }, context) => createSurvey(authenticated(context), input),
  }),
);

builder.mutationField('updateSurvey', (t) =>
  t.field({
    type: SurveyNode,
    description: "Changes what is given. A survey's kind never changes, so every answer keeps fitting it.",
    errors: { types: [ValidationError, NotFoundError, ...ACCESS_ERRORS] },
    args: { input: t.arg({ type: UpdateSurveyInput, required: true }) },
    resolve: (_root, { input }, context) =>
      updateSurvey(authenticated(context), { ...input, id: rawId(String(input.id), 'Survey') }),
  }),
);
