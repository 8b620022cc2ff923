import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.ts';
import { tierProgress, type TierProgress } from './tier-progress.ts';

const thresholds = DEFAULT_SETTINGS.loyalty.tierThresholds;
const now = new Date('2026-06-15T12:00:00.000Z');
const earned = (points: number, iso: string) => ({ points, occurredAt: new Date(iso) });

describe('tier progress: what the next tier needs and what keeps this one', () => {
  it.each<[string, ReturnType<typeof earned>[], TierProgress]>([
    [
      'nothing earned: Bronze, 1 000 to Silver, nothing to keep',
      [],
      {
        tier: 'BRONZE',
        pointsEarned12Months: 0,
        nextTier: 'SILVER',
        pointsToNextTier: 1000,
        keepTierBy: null,
        pointsToKeepTier: null,
      },
    ],
    [
      '320 points: 680 more to Silver',
      [earned(320, '2026-02-01T00:00:00.000Z')],
      {
        tier: 'BRONZE',
        pointsEarned12Months: 320,
        nextTier: 'SILVER',
        pointsToNextTier: 680,
        keepTierBy: null,
        pointsToKeepTier: null,
      },
    ],
    [
      'Silver on two earnings: the older one rolls out on 3 Mar 2027, leaving 800 of the 1 000',
      [earned(400, '2026-03-03T09:00:00.000Z'), earned(800, '2026-05-01T00:00:00.000Z')],
      {
        tier: 'SILVER',
        pointsEarned12Months: 1200,
        nextTier: 'GOLD',
        pointsToNextTier: 3800,
        keepTierBy: new Date('2027-03-03T09:00:00.000Z'),
        pointsToKeepTier: 200,
      },
    ],
    [
      'an earning that rolls out without costing the tier is passed over for the one that does',
      [
        earned(100, '2025-08-01T00:00:00.000Z'),
        earned(1200, '2025-10-01T00:00:00.000Z'),
        earned(300, '2026-04-01T00:00:00.000Z'),
      ],
      {
        tier: 'SILVER',
        pointsEarned12Months: 1600,
        nextTier: 'GOLD',
        pointsToNextTier: 3400,
        keepTierBy: new Date('2026-10-01T00:00:00.000Z'),
        pointsToKeepTier: 700,
      },
    ],
    [
      'Gold at the top: no next tier; keeping it needs what rolls out on 1 Sep',
      [earned(3000, '2025-09-01T00:00:00.000Z'), earned(2500, '2026-01-10T00:00:00.000Z')],
      {
        tier: 'GOLD',
        pointsEarned12Months: 5500,
        nextTier: null,
        pointsToNextTier: null,
        keepTierBy: new Date('2026-09-01T00:00:00.000Z'),
        pointsToKeepTier: 2500,
      },
    ],
    [
      'an earning older than 12 months no longer counts',
      [earned(5000, '2025-06-15T11:00:00.000Z')],
      {
        tier: 'BRONZE',
        pointsEarned12Months: 0,
        nextTier: 'SILVER',
        pointsToNextTier: 1000,
        keepTierBy: null,
        pointsToKeepTier: null,
      },
    ],
  ])('%s', (_name, earnings, expected) => {
    expect(tierProgress(earnings, thresholds, now)).toEqual(expected);
  });
});
