import { describe, expect, it } from 'vitest';
import { planSpend, type PointsLotBalance } from './plan-spend.ts';

const now = new Date('2026-06-15T12:00:00.000Z');
const lot = (id: string, remaining: number, expiresAt: string | null, earnedAt: string): PointsLotBalance => ({
  id,
  remaining,
  expiresAt: expiresAt === null ? null : new Date(expiresAt),
  earnedAt: new Date(earnedAt),
});

const lots = [
  lot('bonus', 50, null, '2025-01-01T00:00:00.000Z'),
  lot('late', 100, '2027-03-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z'),
  lot('early', 30, '2026-09-01T00:00:00.000Z', '2024-09-01T00:00:00.000Z'),
  lot('twin-b', 20, '2027-01-01T00:00:00.000Z', '2025-01-01T10:00:00.000Z'),
  lot('twin-a', 20, '2027-01-01T00:00:00.000Z', '2025-01-01T09:00:00.000Z'),
  lot('expired', 500, '2026-06-15T12:00:00.000Z', '2024-06-15T12:00:00.000Z'),
  lot('spent', 0, '2026-07-01T00:00:00.000Z', '2024-07-01T00:00:00.000Z'),
];

describe('spending the oldest unexpired points first', () => {
  it.each([
    ['a spend within the oldest lot takes only from it', 10, [{ lotId: 'early', points: 10 }], 0],
    [
      'a larger spend empties the soonest-to-expire lots first, earliest earned first on a tie',
      75,
      [
        { lotId: 'early', points: 30 },
        { lotId: 'twin-a', points: 20 },
        { lotId: 'twin-b', points: 20 },
        { lotId: 'late', points: 5 },
      ],
      0,
    ],
    [
      'points that never expire are spent last',
      200,
      [
        { lotId: 'early', points: 30 },
        { lotId: 'twin-a', points: 20 },
        { lotId: 'twin-b', points: 20 },
        { lotId: 'late', points: 100 },
        { lotId: 'bonus', points: 30 },
      ],
      0,
    ],
    [
      'more than the unexpired points leaves a shortfall; a lot expiring exactly now is not usable',
      260,
      [
        { lotId: 'early', points: 30 },
        { lotId: 'twin-a', points: 20 },
        { lotId: 'twin-b', points: 20 },
        { lotId: 'late', points: 100 },
        { lotId: 'bonus', points: 50 },
      ],
      40,
    ],
    ['spending nothing takes nothing', 0, [], 0],
  ])('%s', (_name, points, takes, shortfall) => {
    expect(planSpend(lots, points, now)).toEqual({ takes, shortfall });
  });
});
