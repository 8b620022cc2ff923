import { describe, expect, it } from 'vitest';
import { isEmailAddress } from './is-email-address.ts';

describe('an email address', () => {
  it.each([
    ['anna@nordlys.example', true],
    ['a.b+c@mail.co.uk', true],
    ['x@y.dk', true],
    ['', false],
    ['anna', false],
    ['@nordlys.example', false],
    ['anna@', false],
    ['anna@nordlys', false],
    ['anna@.example', false],
    ['anna@nordlys.', false],
    ['anna@@nordlys.example', false],
    ['anna@nord@lys.example', false],
    ['an na@nordlys.example', false],
    ['anna@nordlys.example\n', false],
  ])('"%s" is %s', (value, expected) => {
    expect(isEmailAddress(value)).toBe(expected);
  });

  it('answers for a 1 MB string of dots, which a backtracking pattern would take minutes over', () => {
    expect(isEmailAddress(`a@${'a.'.repeat(500_000)} `)).toBe(false);
  });
});
