import { describe, expect, it } from 'vitest';
import type { Locale } from '../types.ts';
import { formatterFor } from './format.ts';
import { inTheLastDays } from './in-the-last-days.ts';

describe('a rolling window in words', () => {
  it.each<[Locale, string]>([
    ['EN', 'in the last 365 days'],
    ['DA', 'de seneste 365 dage'],
    ['SV', 'under de senaste 365 dagarna'],
    ['NB', 'de siste 365 dagene'],
  ])('in %s: %s', (locale, expected) => {
    expect(inTheLastDays(365, formatterFor(locale))).toBe(expected);
  });
});
