import { describe, expect, it } from 'vitest';
import { enps } from './enps.ts';

describe('eNPS', () => {
  it.each<[string, number[], number | null]>([
    ['no answers have no eNPS', [], null],
    ['all promoters is 100', [9, 10, 10], 100],
    ['all detractors is −100', [0, 6, 3], -100],
    ['passives count in the answers but on neither side', [7, 8, 9, 6], 0],
    ['2 promoters and 1 detractor of 5 answers is 20', [10, 9, 7, 8, 2], 20],
    ['1 promoter of 3 answers is 33.33…', [9, 7, 8], 100 / 3],
  ])('%s', (_name, scores, expected) => {
    if (expected === null) expect(enps(scores)).toBeNull();
    else expect(enps(scores)).toBeCloseTo(expected, 10);
  });
});
