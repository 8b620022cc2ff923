import { describe, expect, test } from 'vitest';
import { npsByWeek, npsOf, weekStart } from './nps';

describe('NPS over time', () => {
  test('NPS is promoters minus detractors, in percent of answers', () => {
    expect(npsOf([10, 9, 8, 7, 3])).toBe(20);
    expect(npsOf([0, 6, 6])).toBe(-100);
    expect(npsOf([])).toBe(0);
  });

  test('weeks start on Monday in UTC', () => {
    expect(weekStart(new Date('2026-03-01T23:30:00Z')).toISOString()).toBe('2026-02-23T00:00:00.000Z');
    expect(weekStart(new Date('2026-03-02T00:00:00Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  test('answers are grouped per week, oldest week first', () => {
    const points = npsByWeek([
      { score: 10, createdAt: '2026-03-03T10:00:00Z' },
      { score: 2, createdAt: '2026-02-24T10:00:00Z' },
      { score: 9, createdAt: '2026-03-04T10:00:00Z' },
      { score: 7, createdAt: '2026-03-05T10:00:00Z' },
    ]);
    expect(points.map((point) => [point.week.toISOString().slice(0, 10), point.nps, point.answers])).toEqual([
      ['2026-02-23', -100, 1],
      ['2026-03-02', 67, 3],
    ]);
  });
});
