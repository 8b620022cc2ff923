import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.ts';
import { tierStatus } from './tier-status.ts';

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
