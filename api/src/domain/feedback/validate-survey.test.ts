import { describe, expect, it } from 'vitest';
import type { FieldError } from '../errors.ts';
import { validateNewSurvey, type NewSurvey } from './validate-survey.ts';

describe('validating a new survey', () => {
  it.each<[string, NewSurvey]>([
    ['an NPS survey with a question is fine', { kind: 'NPS', question: 'How likely are you to recommend us?' }],
    ['a CSAT survey with empty options is fine', { kind: 'CSAT', question: 'How was it?', options: [] }],
    ['a poll with two options is fine', { kind: 'POLL', question: 'Coffee or tea?', options: ['Coffee', 'Tea'] }],
    ['no participation points is fine', { kind: 'NPS', question: 'Q', participationPoints: 0 }],
    ['participation points are fine', { kind: 'NPS', question: 'Q', participationPoints: 25 }],
  ])('%s', (_name, survey) => {
    expect(validateNewSurvey(survey)).toEqual([]);
  });

  it.each<[string, NewSurvey, FieldError[]]>([
    [
      'a blank question is refused',
      { kind: 'NPS', question: '  ' },
      [{ path: ['input', 'question'], message: 'The question cannot be empty.' }],
    ],
    [
      'a poll with one option is refused',
      { kind: 'POLL', question: 'Q', options: ['Yes'] },
      [{ path: ['input', 'options'], message: 'A poll needs at least two different options.' }],
    ],
    [
      'a poll without options is refused',
      { kind: 'POLL', question: 'Q' },
      [{ path: ['input', 'options'], message: 'A poll needs at least two different options.' }],
    ],
    [
      'a poll whose two options differ only in case and spaces is refused',
      { kind: 'POLL', question: 'Q', options: ['Yes', ' yes '] },
      [
        { path: ['input', 'options', '1'], message: '“yes” is already an option.' },
        { path: ['input', 'options'], message: 'A poll needs at least two different options.' },
      ],
    ],
    [
      'an empty option is refused where it is',
      { kind: 'POLL', question: 'Q', options: ['Yes', '', 'No'] },
      [{ path: ['input', 'options', '1'], message: 'An option cannot be empty.' }],
    ],
    [
      'an NPS survey with options is refused',
      { kind: 'NPS', question: 'Q', options: ['A', 'B'] },
      [{ path: ['input', 'options'], message: 'An NPS survey takes no options; only a poll does.' }],
    ],
    [
      'negative participation points are refused',
      { kind: 'CSAT', question: 'Q', participationPoints: -5 },
      [
        {
          path: ['input', 'participationPoints'],
          message: 'Participation points are a whole number, 0 or more; -5 is not.',
        },
      ],
    ],
    [
      'fractional participation points are refused',
      { kind: 'CSAT', question: 'Q', participationPoints: 2.5 },
      [
        {
          path: ['input', 'participationPoints'],
          message: 'Participation points are a whole number, 0 or more; 2.5 is not.',
        },
      ],
    ],
    [
      'every problem is reported at once',
      { kind: 'POLL', question: '', options: [], participationPoints: -1 },
      [
        { path: ['input', 'question'], message: 'The question cannot be empty.' },
        {
          path: ['input', 'participationPoints'],
          message: 'Participation points are a whole number, 0 or more; -1 is not.',
        },
        { path: ['input', 'options'], message: 'A poll needs at least two different options.' },
      ],
    ],
  ])('%s', (_name, survey, expected) => {
    expect(validateNewSurvey(survey)).toEqual(expected);
  });
});

describe('survey kinds in a sentence', () => {
  it('a CSAT survey with options reads “A CSAT”', () => {
    expect(validateNewSurvey({ kind: 'CSAT', question: 'Q', options: ['A'] })[0].message).toBe(
      'A CSAT survey takes no options; only a poll does.',
    );
  });
});
