import { describe, expect, it } from 'vitest';
import { netPromoterScore, netPromoterScoreOfCounts } from './nps.ts';

describe('the Net Promoter Score', () => {
  it.each<[string, number[], number | null]>([
    ['no answers have no NPS', [], null],
    ['only promoters are 100', [9, 10, 10], 100],
    ['only detractors are -100', [0, 3, 6], -100],
    ['only passives are 0', [7, 8], 0],
    ['2 promoters, 1 passive and 1 detractor are 25', [10, 9, 7, 2], 25],
    ['1 promoter in 3 answers is 33.3', [9, 7, 8], 33.3],
    ['2 detractors in 3 answers is -66.7', [6, 0, 8], -66.7],
  ])('%s', (_name, scores, expected) => {
    expect(netPromoterScore(scores)).toBe(expected);
  });
});

describe('the Net Promoter Score of answers counted by score', () => {
  it.each<[string, { score: number; count: number }[], number | null]>([
    ['no answers have no NPS', [], null],
    [
      '2 promoters, 1 passive and 1 detractor are 25',
      [
        { score: 10, count: 2 },
        { score: 7, count: 1 },
        { score: 2, count: 1 },
      ],
      25,
    ],
    [
      '300 detractors and 100 promoters are -50',
      [
        { score: 0, count: 300 },
        { score: 9, count: 100 },
      ],
      -50,
    ],
  ])('%s', (_name, counts, expected) => {
    expect(netPromoterScoreOfCounts(counts)).toBe(expected);
  });
});
