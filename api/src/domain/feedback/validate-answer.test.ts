import { describe, expect, it } from 'vitest';
import type { FieldError } from '../errors.ts';
import { validateFeedbackAnswer, type AnsweredSurvey, type FeedbackAnswer } from './validate-answer.ts';

const nps: AnsweredSurvey = { kind: 'NPS', options: [] };
const csat: AnsweredSurvey = { kind: 'CSAT', options: [] };
const poll: AnsweredSurvey = { kind: 'POLL', options: ['Coffee', 'Tea', 'Juice'] };

describe('validating a feedback answer', () => {
  it.each<[string, FeedbackAnswer, AnsweredSurvey | null]>([
    ['an NPS answer of 0 fits', { score: 0 }, nps],
    ['an NPS answer of 10 with a comment fits', { score: 10, comment: 'Great' }, nps],
    ['a CSAT answer of 1 fits', { score: 1 }, csat],
    ['a CSAT answer of 5 fits', { score: 5, option: null }, csat],
    ['a poll answer that is one of its options fits', { option: 'Tea' }, poll],
    ['a free comment without a survey fits', { comment: 'The shop was cold.' }, null],
  ])('%s', (_name, answer, survey) => {
    expect(validateFeedbackAnswer(answer, survey)).toEqual([]);
  });

  it.each<[string, FeedbackAnswer, AnsweredSurvey | null, FieldError[]]>([
    [
      'an NPS answer of 11 is out of range',
      { score: 11 },
      nps,
      [{ path: ['input', 'score'], message: 'An NPS score is a whole number from 0 to 10; 11 is not.' }],
    ],
    [
      'an NPS answer of -1 is out of range',
      { score: -1 },
      nps,
      [{ path: ['input', 'score'], message: 'An NPS score is a whole number from 0 to 10; -1 is not.' }],
    ],
    [
      'an NPS answer of 7.5 is not a whole number',
      { score: 7.5 },
      nps,
      [{ path: ['input', 'score'], message: 'An NPS score is a whole number from 0 to 10; 7.5 is not.' }],
    ],
    [
      'an NPS answer without a score is refused',
      { comment: 'Fine' },
      nps,
      [{ path: ['input', 'score'], message: 'An NPS answer needs a score from 0 to 10.' }],
    ],
    [
      'a CSAT answer of 0 is out of range',
      { score: 0 },
      csat,
      [{ path: ['input', 'score'], message: 'A CSAT score is a whole number from 1 to 5; 0 is not.' }],
    ],
    [
      'a CSAT answer of 6 is out of range',
      { score: 6 },
      csat,
      [{ path: ['input', 'score'], message: 'A CSAT score is a whole number from 1 to 5; 6 is not.' }],
    ],
    [
      'an option on an NPS survey is refused along with the missing score',
      { option: 'Tea' },
      nps,
      [
        { path: ['input', 'option'], message: 'An NPS survey is answered with a score, not an option.' },
        { path: ['input', 'score'], message: 'An NPS answer needs a score from 0 to 10.' },
      ],
    ],
    [
      'an option that is not in the poll is refused, naming the options',
      { option: 'Milk' },
      poll,
      [{ path: ['input', 'option'], message: '“Milk” is not an option of this poll; choose Coffee, Tea or Juice.' }],
    ],
    [
      'a poll answer compares options exactly',
      { option: 'tea' },
      poll,
      [{ path: ['input', 'option'], message: '“tea” is not an option of this poll; choose Coffee, Tea or Juice.' }],
    ],
    [
      'a poll answer without an option is refused',
      { score: 3 },
      poll,
      [
        { path: ['input', 'score'], message: 'A poll is answered with one of its options, not a score.' },
        { path: ['input', 'option'], message: "Choose one of the poll's options: Coffee, Tea or Juice." },
      ],
    ],
    [
      'a score without a survey is refused',
      { score: 9, comment: 'Nice' },
      null,
      [{ path: ['input', 'score'], message: 'A score needs a survey; without one, feedback is a free comment.' }],
    ],
    [
      'feedback without a survey needs a comment that is not blank',
      { comment: '   ' },
      null,
      [{ path: ['input', 'comment'], message: 'Feedback without a survey needs a comment.' }],
    ],
    [
      'an option without a survey is refused',
      { option: 'Tea', comment: 'x' },
      null,
      [{ path: ['input', 'option'], message: 'An option needs a poll; without a survey, feedback is a free comment.' }],
    ],
  ])('%s', (_name, answer, survey, expected) => {
    expect(validateFeedbackAnswer(answer, survey)).toEqual(expected);
  });

  it('reports under the path it is given, for a bulk event', () => {
    expect(validateFeedbackAnswer({ score: 12 }, nps, ['input', 'events', '7', 'feedback'])).toEqual([
      {
        path: ['input', 'events', '7', 'feedback', 'score'],
        message: 'An NPS score is a whole number from 0 to 10; 12 is not.',
      },
    ]);
  });
});
