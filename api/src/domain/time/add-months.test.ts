import { describe, expect, it } from 'vitest';
import { addMonthsUtc } from './add-months.ts';

describe('addMonthsUtc', () => {
  it.each([
    ['the same day 24 months later', '2026-01-03T10:15:00.000Z', 24, '2028-01-03T10:15:00.000Z'],
    ['the last day of a shorter month', '2026-01-31T00:00:00.000Z', 1, '2026-02-28T00:00:00.000Z'],
    ['29 February in a leap year', '2028-01-31T00:00:00.000Z', 1, '2028-02-29T00:00:00.000Z'],
    ['a leap day a year later is 28 February', '2024-02-29T12:00:00.000Z', 12, '2025-02-28T12:00:00.000Z'],
    ['across a year end', '2025-11-30T23:59:59.999Z', 3, '2026-02-28T23:59:59.999Z'],
    ['backwards', '2026-03-31T00:00:00.000Z', -1, '2026-02-28T00:00:00.000Z'],
  ])('gives %s', (_name, from, months, expected) => {
    expect(addMonthsUtc(new Date(from), months).toISOString()).toBe(expected);
  });
});
