import { describe, expect, it } from 'vitest';
import { dateProblem, integerProblem, MAX_COUNT, textLimit, textProblem } from './input-limits.ts';

describe('the limits of text inputs', () => {
  it.each([
    ['name', 200],
    ['externalId', 200],
    ['idempotencyKey', 200],
    ['email', 254],
    ['note', 4000],
    ['comment', 4000],
  ])('%s holds at most %i characters', (field, maxLength) => {
    const limit = textLimit(field);
    expect(textProblem('x'.repeat(maxLength), limit)).toBeNull();
    expect(textProblem('x'.repeat(maxLength + 1), limit)).toBe(
      `At most ${maxLength} characters (this has ${maxLength + 1}).`,
    );
  });

  it.each(['Anna\u0000', 'An\u0007na', 'Anna\u001B[31m', 'Anna\u007F'])('%j is refused anywhere', (value) => {
    expect(textProblem(value, textLimit('note'))).toBe(
      'Must not contain control characters (such as NUL or a line break).',
    );
  });

  it('a note may break lines; a name may not', () => {
    expect(textProblem('Called back.\r\nHappy again.\tDone', textLimit('note'))).toBeNull();
    expect(textProblem('Anna\nHansen', textLimit('name'))).toBe(
      'Must not contain control characters (such as NUL or a line break).',
    );
  });

  it('a lone surrogate is not text', () => {
    expect(textProblem('Anna \uD800', textLimit('name'))).toBe('Must be valid Unicode text.');
  });

  it('Danish, emoji and accents are text', () => {
    expect(textProblem('Søren Ærø 🚲 café', textLimit('name'))).toBeNull();
  });
});

describe('the limits of numbers and dates', () => {
  it('counts stay within what sums of them can hold', () => {
    expect(integerProblem(MAX_COUNT, MAX_COUNT)).toBeNull();
    expect(integerProblem(-MAX_COUNT, MAX_COUNT)).toBeNull();
    expect(integerProblem(2 ** 31 - 1, MAX_COUNT)).toBe('Must be between −100000000 and 100000000.');
  });

  it.each([
    ['1970-01-01T00:00:00Z', null],
    ['2026-03-02T10:00:00Z', null],
    ['2099-12-31T23:59:59Z', null],
    ['0001-01-01T00:00:00Z', 'Must be between 1970 and 2099.'],
    ['1969-12-31T23:59:59Z', 'Must be between 1970 and 2099.'],
    ['2100-01-01T00:00:00Z', 'Must be between 1970 and 2099.'],
  ])('%s: %s', (iso, expected) => {
    expect(dateProblem(new Date(iso))).toBe(expected);
  });
});
