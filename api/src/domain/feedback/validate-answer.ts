import type { FieldError } from '../errors.ts';
import type { SurveyKind } from '../types.ts';
import { SCORE_RANGES, surveyKindWithArticle } from './survey-kinds.ts';

export interface FeedbackAnswer {
  score?: number | null;
  option?: string | null;
  comment?: string | null;
}

export interface AnsweredSurvey {
  kind: SurveyKind;
  /** POLL only. */
  options: readonly string[];
}

const given = (value: unknown) => value !== undefined && value !== null;
const or = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/**
 * What is wrong with an answer to a survey (or, with no survey, a free comment): every problem at
 * once, at its path under `at` (['input'] for submitFeedback; recordEvents passes its event's
 * path). Empty when the answer fits.
 */
export function validateFeedbackAnswer(
  answer: FeedbackAnswer,
  survey: AnsweredSurvey | null,
  at: readonly string[] = ['input'],
): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ path: [...at, field], message });

  if (survey === null) {
    if (given(answer.score)) add('score', 'A score needs a survey; without one, feedback is a free comment.');
    if (given(answer.option)) add('option', 'An option needs a poll; without a survey, feedback is a free comment.');
    if (!answer.comment?.trim()) add('comment', 'Feedback without a survey needs a comment.');
    return errors;
  }

  if (survey.kind === 'POLL') {
    if (given(answer.score)) add('score', 'A poll is answered with one of its options, not a score.');
    if (!given(answer.option)) add('option', `Choose one of the poll's options: ${or(survey.options)}.`);
    else if (!survey.options.includes(answer.option as string)) {
      add('option', `“${answer.option}” is not an option of this poll; choose ${or(survey.options)}.`);
    }
    return errors;
  }

  const { min, max } = SCORE_RANGES[survey.kind];
  const kind = surveyKindWithArticle(survey.kind);
  if (given(answer.option)) add('option', `${kind} survey is answered with a score, not an option.`);
  if (!given(answer.score)) add('score', `${kind} answer needs a score from ${min} to ${max}.`);
  else if (!Number.isInteger(answer.score) || (answer.score as number) < min || (answer.score as number) > max) {
    add('score', `${kind} score is a whole number from ${min} to ${max}; ${answer.score} is not.`);
  }
  return errors;
}
