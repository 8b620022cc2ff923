import { describe, expect, it } from 'vitest';
import type { SurveyKind } from '../types.ts';
import { isBadExperience } from './bad-experience.ts';

describe('bad experiences from survey answers', () => {
  it.each<[SurveyKind, number | null, boolean]>([
    ['NPS', 0, true],
    ['NPS', 6, true],
    ['NPS', 7, false],
    ['NPS', 10, false],
    ['CSAT', 1, true],
    ['CSAT', 2, true],
    ['CSAT', 3, false],
    ['CSAT', 5, false],
    ['POLL', 1, false],
    ['NPS', null, false],
  ])('an %s answer of %s is a bad experience: %s', (kind, score, expected) => {
    expect(isBadExperience(kind, score)).toBe(expected);
  });
});
