import { describe, expect, it } from 'vitest';
import { correlation } from './correlation.ts';

describe('correlation', () => {
  it('of perfectly opposed series is −1', () => {
    expect(
      correlation([
        [10, 60],
        [20, 50],
        [30, 40],
        [40, 30],
      ]),
    ).toBe(-1);
  });

  it('of series that rise together in proportion is 1', () => {
    expect(
      correlation([
        [-20, 10],
        [0, 30],
        [40, 70],
      ]),
    ).toBe(1);
  });

  it('of a known data set is its Pearson r', () => {
    // x = 1..5, y = 2, 4, 5, 4, 5: r = 6 / √(10 × 6) = 0.7746…
    expect(
      correlation([
        [1, 2],
        [2, 4],
        [3, 5],
        [4, 4],
        [5, 5],
      ]),
    ).toBeCloseTo(0.7746, 4);
  });

  it('is null with fewer than 3 teams', () => {
    expect(
      correlation([
        [1, 2],
        [2, 3],
      ]),
    ).toBeNull();
  });

  it('is null when one side does not vary', () => {
    expect(
      correlation([
        [1, 5],
        [2, 5],
        [3, 5],
      ]),
    ).toBeNull();
  });
});
