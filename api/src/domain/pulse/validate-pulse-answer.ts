import type { FieldError } from '../errors.ts';
import { PULSE_QUESTION_COUNT } from './pulse-questions.ts';

export const MAX_PULSE_COMMENT = 1000;

export interface PulseAnswerInput {
  enps: number;
  answers: readonly number[];
  comment?: string | null;
}

const wholeFrom = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/** What is wrong with an answer, each problem under its field of `AnswerPulseInput`. */
export function validatePulseAnswer(input: PulseAnswerInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!wholeFrom(input.enps, 0, 10))
    errors.push({ path: ['input', 'enps'], message: 'Answer with a whole number from 0 to 10.' });
  if (input.answers.length !== PULSE_QUESTION_COUNT) {
    errors.push({ path: ['input', 'answers'], message: `Answer all ${PULSE_QUESTION_COUNT} questions, in order.` });
  } else {
    input.answers.forEach((answer, index) => {
      if (!wholeFrom(answer, 1, 5))
        errors.push({ path: ['input', 'answers', String(index)], message: 'Answer with a whole number from 1 to 5.' });
    });
  }
  if (input.comment != null && input.comment.length > MAX_PULSE_COMMENT)
    errors.push({ path: ['input', 'comment'], message: `At most ${MAX_PULSE_COMMENT} characters.` });
  return errors;
}
