import { describe, expect, it } from 'vitest';
import { cappedScore } from './capped-score.ts';

describe('a capped score', () => {
  it.each<[string, number[], number]>([
    ['nothing is 0', [], 0],
    ['the points add up', [40, 15, -10], 45],
    ['more than 100 is 100', [55, 30, 25, 15], 100],
    ['less than 0 is 0', [-10, -10], 0],
  ])('%s', (_name, points, expected) => {
    expect(cappedScore(points.map((each) => ({ points: each })))).toBe(expected);
  });
});
