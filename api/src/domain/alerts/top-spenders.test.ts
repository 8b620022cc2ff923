import { describe, expect, it } from 'vitest';
import { isTopSpender, topSpendRank, topSpendThreshold } from './top-spenders.ts';

describe('the top 10% by 12-month spend', () => {
  it.each<[string, number[], number | null]>([
    ['with no customers there is no top', [], null],
    ['with one customer who spent, they are the top', [500], 500],
    ['with fewer than 10 customers, the top is at least one customer', [100, 900, 300], 900],
    ['with 10 customers, the top is the biggest spender', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 10],
    ['with 11 customers, the top is the two biggest spenders', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 10],
    [
      'with 20 customers, the top is the two biggest spenders',
      Array.from({ length: 20 }, (_, index) => index * 100),
      1800,
    ],
    ['when nobody spent anything there is no top', [0, 0, 0], null],
    [
      'customers who spent nothing are never in the top',
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5],
      5,
    ],
  ])('%s', (_name, spends, expected) => {
    expect(topSpendThreshold(spends.length, spends)).toBe(expected);
  });

  it('needs only the biggest spends of the rank: the rest of the organization is counted, not read', () => {
    expect(topSpendRank(95)).toBe(10);
    const topTen = [1000, 990, 980, 970, 960, 950, 940, 930, 920, 910];
    expect(topSpendThreshold(95, topTen)).toBe(910);
  });

  it.each<[string, number, number | null, boolean]>([
    ['a customer at the threshold is a top spender', 900, 900, true],
    ['a customer above it is', 1000, 900, true],
    ['a customer below it is not', 899, 900, false],
    ['nobody is when there is no threshold', 900, null, false],
    ['a customer who spent nothing never is', 0, 0, false],
  ])('%s', (_name, spend, threshold, expected) => {
    expect(isTopSpender(spend, threshold)).toBe(expected);
  });
});
