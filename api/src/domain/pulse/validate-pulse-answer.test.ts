import { describe, expect, it } from 'vitest';
import { validatePulseAnswer } from './validate-pulse-answer.ts';

describe('a pulse answer', () => {
  it('is eNPS 0–10 and three answers 1–5, with an optional comment', () => {
    expect(validatePulseAnswer({ enps: 0, answers: [1, 3, 5] })).toEqual([]);
    expect(validatePulseAnswer({ enps: 10, answers: [5, 5, 5], comment: 'Good month.' })).toEqual([]);
  });

  it('refuses an eNPS outside 0–10 or not whole', () => {
    expect(validatePulseAnswer({ enps: 11, answers: [3, 3, 3] }).map((error) => error.path)).toEqual([
      ['input', 'enps'],
    ]);
    expect(validatePulseAnswer({ enps: 7.5, answers: [3, 3, 3] }).map((error) => error.path)).toEqual([
      ['input', 'enps'],
    ]);
  });

  it('names the answer out of range by its position', () => {
    expect(validatePulseAnswer({ enps: 5, answers: [3, 0, 6] }).map((error) => error.path)).toEqual([
      ['input', 'answers', '1'],
      ['input', 'answers', '2'],
    ]);
  });

  it('needs exactly three answers', () => {
    expect(validatePulseAnswer({ enps: 5, answers: [3, 3] }).map((error) => error.path)).toEqual([
      ['input', 'answers'],
    ]);
  });

  it('keeps a comment to 1000 characters', () => {
    expect(validatePulseAnswer({ enps: 5, answers: [3, 3, 3], comment: 'x'.repeat(1001) })).toHaveLength(1);
  });
});
