import type { FieldError } from '../errors.ts';
import type { SurveyKind } from '../types.ts';
import { surveyKindWithArticle } from './survey-kinds.ts';

export interface NewSurvey {
  kind: SurveyKind;
  question: string;
  options?: readonly string[] | null;
  participationPoints?: number | null;
}

/**
 * What is wrong with a new survey, every problem at once; empty when it is fine. Options are
 * compared trimmed and case-insensitively ("Yes" and "yes " are the same answer to a customer);
 * store them trimmed, as the answer check compares exactly.
 */
export function validateNewSurvey(survey: NewSurvey, at: readonly string[] = ['input']): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string[], message: string) => errors.push({ path: [...at, ...path], message });

  if (!survey.question.trim()) add(['question'], 'The question cannot be empty.');

  const points = survey.participationPoints;
  if (points !== undefined && points !== null && (!Number.isInteger(points) || points < 0)) {
    add(['participationPoints'], `Participation points are a whole number, 0 or more; ${points} is not.`);
  }

  const options = survey.options ?? [];
  if (survey.kind !== 'POLL') {
    if (options.length > 0)
      add(['options'], `${surveyKindWithArticle(survey.kind)} survey takes no options; only a poll does.`);
    return errors;
  }

  const seen = new Set<string>();
  options.forEach((option, index) => {
    const key = option.trim().toLowerCase();
    if (key === '') add(['options', String(index)], 'An option cannot be empty.');
    else if (seen.has(key)) add(['options', String(index)], `“${option.trim()}” is already an option.`);
    seen.add(key);
  });
  seen.delete('');
  if (seen.size < 2) add(['options'], 'A poll needs at least two different options.');
  return errors;
}
