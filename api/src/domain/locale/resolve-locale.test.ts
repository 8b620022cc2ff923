import { describe, expect, it } from 'vitest';
import { resolveLocale } from './resolve-locale.ts';

describe('resolveLocale', () => {
  it.each([
    ['DA', 'DA'],
    ['da', 'DA'],
    ['sv-SE', 'SV'],
    ['nb_NO', 'NB'],
    ['no', 'NB'],
    ['EN', 'EN'],
    ['de', 'EN'],
    ['', 'EN'],
    [null, 'EN'],
  ] as const)('a reader asking for %j reads %s', (value, expected) => {
    expect(resolveLocale(value)).toBe(expected);
  });
});
