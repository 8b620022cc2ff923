import { describe, expect, test } from 'vitest';
import { readDate } from './read-date.ts';

describe('readDate', () => {
  test.each([
    ['2026-01-03', '2026-01-03T12:00:00.000Z'],
    ['03-01-2026', '2026-01-03T12:00:00.000Z'],
    ['3.1.2026', '2026-01-03T12:00:00.000Z'],
    ['03/01/2026', '2026-01-03T12:00:00.000Z'],
    ['2026-01-03T10:15:00Z', '2026-01-03T10:15:00.000Z'],
    ['2026-01-03T10:15:00+01:00', '2026-01-03T09:15:00.000Z'],
  ])('%s is %s', (text, expected) => {
    expect(readDate(text)?.toISOString()).toBe(expected);
  });

  test.each(['31-02-2026', '2026/01/03', 'yesterday', '01-13-2026', ''])('%s is not a date', (text) => {
    expect(readDate(text)).toBeNull();
  });
});
