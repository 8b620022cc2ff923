import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../settings.ts';
import { addMonthsUtc } from '../time/add-months.ts';
import { tierProgress } from './tier-progress.ts';
import { tierStatus, type Earning } from './tier-status.ts';

const thresholds = DEFAULT_SETTINGS.loyalty.tierThresholds;
const now = new Date('2026-06-15T12:00:00.000Z');
const at = (iso: string) => new Date(iso);

describe('a customer’s tier as time passes', () => {
  it('a customer who earned nothing is BRONZE for good', () => {
    expect(tierStatus([], thresholds, now)).toEqual({ tier: 'BRONZE', pointsLast12Months: 0, nextChangeAt: null });
  });

  it('counts only earnings of the last 12 months', () => {
    const status = tierStatus(
      [
        { points: 4000, occurredAt: at('2025-06-15T12:00:00.000Z') },
        { points: 1200, occurredAt: at('2025-06-15T12:00:00.001Z') },
      ],
      thresholds,
      now,
    );
    expect(status).toEqual({ tier: 'SILVER', pointsLast12Months: 1200, nextChangeAt: at('2026-06-15T12:00:00.001Z') });
  });

  it('a GOLD customer falls to SILVER when the earning that kept them GOLD is 12 months old', () => {
    const status = tierStatus(
      [
        { points: 3000, occurredAt: at('2025-09-01T00:00:00.000Z') },
        { points: 2500, occurredAt: at('2026-01-10T00:00:00.000Z') },
      ],
      thresholds,
      now,
    );
    expect(status).toEqual({ tier: 'GOLD', pointsLast12Months: 5500, nextChangeAt: at('2026-09-01T00:00:00.000Z') });
  });

  it('an earning whose leaving keeps the tier is not a change', () => {
    const status = tierStatus(
      [
        { points: 100, occurredAt: at('2025-08-01T00:00:00.000Z') },
        { points: 1500, occurredAt: at('2026-03-01T00:00:00.000Z') },
      ],
      thresholds,
      now,
    );
    expect(status).toEqual({ tier: 'SILVER', pointsLast12Months: 1600, nextChangeAt: at('2027-03-01T00:00:00.000Z') });
  });

  it('earnings leaving at the same instant are judged together', () => {
    const status = tierStatus(
      [
        { points: 600, occurredAt: at('2025-08-01T00:00:00.000Z') },
        { points: 600, occurredAt: at('2025-08-01T00:00:00.000Z') },
      ],
      thresholds,
      now,
    );
    expect(status.nextChangeAt).toEqual(at('2026-08-01T00:00:00.000Z'));
  });
});

/** As the database picks them: newest first (ties in any order) until those before reach GOLD. */
function newestHoldingGold(earnings: Earning[], at: Date): Earning[] {
  let newer = 0;
  return earnings
    .filter((earning) => addMonthsUtc(earning.occurredAt, 12) > at)
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())
    .filter((earning) => {
      const given = newer < thresholds.GOLD;
      newer += earning.points;
      return given;
    });
}

describe('judged on the newest earnings only', () => {
  // In a year whose 12 months back reach 28 and 29 Feb 2024, which both leave on 28 Feb 2025.
  const at = new Date('2025-02-27T12:00:00.000Z');
  const earnings = fc.array(
    fc.record({
      points: fc.integer({ min: 1, max: 3000 }),
      occurredAt: fc
        .integer({ min: 0, max: 400 })
        .map((daysAgo) => new Date(at.getTime() - daysAgo * 86_400_000 - (daysAgo % 3) * 3_600_000)),
    }),
    { maxLength: 60 },
  );

  it('the newest earnings that reach the GOLD threshold and the total give the same status and progress as all of them', () => {
    fc.assert(
      fc.property(earnings, (all) => {
        const newest = newestHoldingGold(all, at);
        const total = all
          .filter((earning) => addMonthsUtc(earning.occurredAt, 12) > at)
          .reduce((sum, earning) => sum + earning.points, 0);
        expect(tierStatus(newest, thresholds, at, total)).toEqual(tierStatus(all, thresholds, at));
        expect(tierProgress(newest, thresholds, at, total)).toEqual(tierProgress(all, thresholds, at));
      }),
    );
  });

  it('a GOLD customer with a year of daily earnings is judged on the newest that hold GOLD', () => {
    const daily = Array.from({ length: 365 }, (_, day) => ({
      points: 100,
      occurredAt: new Date(now.getTime() - day * 86_400_000),
    }));
    const newest = newestHoldingGold(daily, now);
    expect(newest).toHaveLength(thresholds.GOLD / 100);
    expect(tierStatus(newest, thresholds, now, 36_500)).toEqual(tierStatus(daily, thresholds, now));
  });
});
