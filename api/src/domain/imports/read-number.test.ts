import { describe, expect, test } from 'vitest';
import { readNumber } from './read-number.ts';

describe('readNumber', () => {
  test.each([
    ['1.234,50', ',', 2, 123450],
    ['1234,5', ',', 2, 123450],
    ['1 234,50', ',', 2, 123450],
    ['1.234', ',', 2, 123400],
    ['1.250', ',', 0, 1250],
    ['1,234.50', '.', 2, 123450],
    ['1234.50', '.', 2, 123450],
    ['1,250', '.', 0, 1250],
    ['1 250', '.', 0, 1250],
    ['-10', '.', 0, -10],
  ] as const)('%s with decimal %s and %i decimals is %i', (text, separator, digits, expected) => {
    expect(readNumber(text, separator, digits)).toBe(expected);
  });

  test.each([
    ['12,345', ',', 2],
    ['1.5', ',', 0],
    ['abc', '.', 2],
    ['', '.', 2],
    ['1,2.3', '.', 2],
    ['12.345', '.', 2],
  ] as const)('%s with decimal %s and %i decimals is not a number', (text, separator, digits) => {
    expect(readNumber(text, separator, digits)).toBeNull();
  });
});
