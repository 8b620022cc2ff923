import { describe, expect, it } from 'vitest';
import { minorUnitDigits } from './currency-digits.ts';

describe('minorUnitDigits', () => {
  it.each([
    ['DKK', 2],
    ['sek', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['not a code', 2],
  ])('%s has %i minor-unit digits', (currency, expected) => {
    expect(minorUnitDigits(currency)).toBe(expected);
  });
});
