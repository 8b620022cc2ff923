// Feedback as recordEvents stores it (submitFeedback is a batch of one): each answer checked
// against its survey, stored at most once per survey and customer — the unique index decides, so
// concurrent and repeated answers lose the same way — with the survey's participation points and,
// for an NPS 0–6 or CSAT 1–2, a bad experience.
import type { TenantTx } from '../db/client.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { emit } from './event-log.service.ts';
import type { FieldError } from '../domain/errors.ts';
import { isBadExperience } from '../domain/feedback/bad-experience.ts';
import { validateFeedbackAnswer } from '../domain/feedback/validate-answer.ts';
import type { OrganizationSettings } from '../domain/settings.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import type { Channel, SurveyKind } from '../domain/types.ts';
import type { TenantDbLike } from '../runtime.ts';
import type { CustomerRef } from './customer.service.ts';
import type { Earning } from './event-effects.service.ts';
import { recordExperiences } from './experience.service.ts';

export interface SubmitFeedbackInput {
  customer: CustomerRef;
  /** Our id of the survey answered; none for a free comment. */
  surveyId?: string | null;
  score?: number | null;
  option?: string | null;
  comment?: string | null;
  channel?: Channel | null;
  occurredAt?: Date | null;
}

export interface AnsweredSurvey {
  id: string;
  kind: SurveyKind;
  question: string;
  options: string[];
  participationPoints: number;
  active: boolean;
}

export interface NewAnswer {
  id: string;
  customerId: string;
  occurredAt: Date;
  input: SubmitFeedbackInput;
}

export const ANSWERED_ONCE = 'This customer has already answered this survey; a survey is answered once.';
const MAX_COMMENT = 2000;

/** The surveys a batch answers, in one query. A survey id missing from the map does not exist. */
export async function surveysAnswered(
  db: TenantDbLike,
  answers: SubmitFeedbackInput[],
): Promise<Map<string, AnsweredSurvey>> {
  const ids = [...new Set(answers.map((answer) => answer.surveyId).filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const surveys = await db.survey.findMany({
    where: { id: { in: ids } },
    select: { id: true, kind: true, question: true, options: true, participationPoints: true, active: true },
  });
  return new Map(surveys.map((survey) => [survey.id, survey]));
}

/** What is wrong with an answer; a survey that does not exist is a NotFoundError of the caller's. */
export function checkAnswer(
  input: SubmitFeedbackInput,
  surveys: Map<string, AnsweredSurvey>,
  at: string[],
): FieldError[] {
  const errors: FieldError[] = [];
  if (input.comment != null && input.comment.length > MAX_COMMENT)
    errors.push({ path: [...at, 'comment'], message: 'At most 2 000 characters.' });
  const survey = input.surveyId ? surveys.get(input.surveyId) : null;
  if (survey === undefined) return errors;
  if (survey && !survey.active)
    errors.push({ path: [...at, 'surveyId'], message: 'This survey is closed: it takes no more answers.' });
  return [...errors, ...validateFeedbackAnswer(input, survey, at)];
}

/** The survey's participation points for an answer, expiring like any earned points. */
export function participationEarning(
  survey: AnsweredSurvey | undefined,
  occurredAt: Date,
  loyalty: OrganizationSettings['loyalty'],
): Earning | null {
  if (!survey || survey.participationPoints <= 0) return null;
  const points = survey.participationPoints;
  return {
    points,
    expiresAt: addMonthsUtc(occurredAt, loyalty.pointsExpiryMonths),
    reason: { code: 'EARN_FEEDBACK', params: { points, survey: survey.question } },
  };
}

/**
 * Stores the answers and their bad experiences; returns the ids stored. An answer to a survey the
 * customer already answered (before, in this batch, or in a concurrent call) is skipped by the
 * unique index (organizationId, surveyId, customerId) and its id is missing from the result.
 */
export async function insertFeedback(
  tx: TenantTx,
  organizationId: string,
  answers: NewAnswer[],
  surveys: Map<string, AnsweredSurvey>,
  now: Date,
): Promise<Set<string>> {
  if (answers.length === 0) return new Set();
  const stored = await tx.feedback.createManyAndReturn({
    data: answers.map(({ id, customerId, occurredAt, input }) => ({
      id,
      organizationId,
      customerId,
      surveyId: input.surveyId ?? null,
      score: input.score ?? null,
      option: input.option ?? null,
      comment: input.comment?.trim() || null,
      channel: input.channel ?? null,
      occurredAt,
      createdAt: now,
    })),
    skipDuplicates: true,
    select: { id: true },
  });
  const ids = new Set(stored.map((row) => row.id));
  for (const { id, customerId, input } of answers) {
    if (!ids.has(id)) continue;
    emit(tx, 'feedback.received', {
      feedback: encodeGlobalID('Feedback', id),
      customer: encodeGlobalID('Customer', customerId),
      survey: input.surveyId ? encodeGlobalID('Survey', input.surveyId) : null,
      score: input.score ?? null,
    });
  }
  await recordExperiences(
    tx,
    organizationId,
    answers.flatMap(({ id, customerId, occurredAt, input }) => {
      const survey = input.surveyId ? surveys.get(input.surveyId) : undefined;
      if (!ids.has(id) || !survey || survey.kind === 'POLL' || !isBadExperience(survey.kind, input.score)) return [];
      return [
        { customerId, kind: 'BAD_EXPERIENCE', cause: survey.kind, score: input.score, feedbackId: id, occurredAt },
      ];
    }),
  );
  return ids;
}
