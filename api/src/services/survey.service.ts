// Surveys the organization asks its customers: NPS (0–10), CSAT (1–5) or a poll of two or more
// options, each with the participation points an answer earns once per customer.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { NotFoundError, ValidationError, type FieldError } from '../domain/errors.ts';
import { validateNewSurvey } from '../domain/feedback/validate-survey.ts';
import type { SurveyKind } from '../domain/types.ts';
import { writeTransaction } from './transaction.service.ts';

export interface CreateSurveyInput {
  kind: SurveyKind;
  question: string;
  options?: string[] | null;
  participationPoints?: number | null;
  active?: boolean | null;
}

export interface UpdateSurveyInput {
  id: string;
  question?: string | null;
  options?: string[] | null;
  participationPoints?: number | null;
  active?: boolean | null;
}

const MAX_QUESTION = 500;

function checkSurvey(survey: { kind: SurveyKind; question: string; options: string[]; participationPoints: number }) {
  const errors: FieldError[] = validateNewSurvey(survey);
  if (survey.question.length > MAX_QUESTION)
    errors.push({ path: ['input', 'question'], message: `At most ${MAX_QUESTION} characters.` });
  return errors;
}

/** Options are stored trimmed: an answer is compared with them exactly. */
const trimmed = (options: string[] | null | undefined) => (options ?? []).map((option) => option.trim());

export async function createSurvey(caller: AuthenticatedCaller, input: CreateSurveyInput) {
  const survey = {
    kind: input.kind,
    question: input.question.trim(),
    options: trimmed(input.options),
    participationPoints: input.participationPoints ?? 0,
  };
  const errors = checkSurvey(survey);
  if (errors.length > 0) throw new ValidationError(errors);
  return writeTransaction(caller.organizationId, (tx) =>
    tx.survey.create({ data: { organizationId: caller.organizationId, ...survey, active: input.active ?? true } }),
  );
}

/**
 * Changes a survey's question, options, points or whether it takes answers. Its kind never
 * changes, and a poll keeps every option someone chose, so no answer ever stops fitting its survey.
 * New points apply to answers from now on.
 */
export async function updateSurvey(caller: AuthenticatedCaller, input: UpdateSurveyInput) {
  return writeTransaction(caller.organizationId, async (tx) => {
    const current = await tx.survey.findUnique({ where: { id: input.id } });
    if (!current) throw new NotFoundError('Survey');
    const next = {
      kind: current.kind,
      question: input.question?.trim() ?? current.question,
      options: input.options ? trimmed(input.options) : current.options,
      participationPoints: input.participationPoints ?? current.participationPoints,
    };
    const errors = checkSurvey(next);
    if (input.options && current.kind === 'POLL') {
      const chosen = await tx.feedback.findMany({
        where: { surveyId: current.id, option: { notIn: next.options } },
        distinct: ['option'],
        select: { option: true },
      });
      for (const { option } of chosen) {
        errors.push({ path: ['input', 'options'], message: `“${option}” has answers, so it stays an option.` });
      }
    }
    if (errors.length > 0) throw new ValidationError(errors);
    return tx.survey.update({
      where: { id: current.id },
      data: { ...next, ...(input.active != null ? { active: input.active } : {}) },
    });
  });
}
