import { describe, expect, it } from 'vitest';
import { bucketStart, npsTrend, type TrendBucket } from './nps-trend.ts';

const at = (iso: string) => new Date(iso);

describe('trend buckets in UTC', () => {
  it.each<[string, TrendBucket, string]>([
    ['2026-01-01T12:00:00.000Z', 'WEEK', '2025-12-29T00:00:00.000Z'],
    ['2026-01-04T23:59:59.999Z', 'WEEK', '2025-12-29T00:00:00.000Z'],
    ['2026-01-05T00:00:00.000Z', 'WEEK', '2026-01-05T00:00:00.000Z'],
    ['2026-03-31T23:00:00.000Z', 'MONTH', '2026-03-01T00:00:00.000Z'],
    ['2026-04-01T00:00:00.000Z', 'MONTH', '2026-04-01T00:00:00.000Z'],
  ])('%s falls in the %s starting %s', (moment, bucket, expected) => {
    expect(bucketStart(at(moment), bucket).toISOString()).toBe(expected);
  });
});

describe('the NPS trend', () => {
  it('gives each week its answers and NPS, with ISO week labels across a year end and empty weeks kept', () => {
    const trend = npsTrend(
      [
        { start: at('2025-12-29T00:00:00.000Z'), score: 3, count: 1 },
        { start: at('2026-01-12T00:00:00.000Z'), score: 9, count: 1 },
      ],
      { from: at('2025-12-31T00:00:00.000Z'), to: at('2026-01-19T00:00:00.000Z'), bucket: 'WEEK' },
    );
    expect(trend.map(({ label, answers, nps }) => ({ label, answers, nps }))).toEqual([
      { label: '2026-W01', answers: 1, nps: -100 },
      { label: '2026-W02', answers: 0, nps: null },
      { label: '2026-W03', answers: 1, nps: 100 },
    ]);
    expect(trend[0].start.toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(trend[2].end.toISOString()).toBe('2026-01-19T00:00:00.000Z');
  });

  it.each<[string, string, string]>([
    ['a week in late December belongs to the next ISO year', '2024-12-30T00:00:00.000Z', '2025-W01'],
    ['a week in early January can belong to the previous ISO year', '2021-01-03T00:00:00.000Z', '2020-W53'],
    ['a mid-year week', '2026-06-15T00:00:00.000Z', '2026-W25'],
  ])('%s: %s is %s', (_name, moment, expected) => {
    const [point] = npsTrend([], { from: at(moment), to: new Date(at(moment).getTime() + 1), bucket: 'WEEK' });
    expect(point.label).toBe(expected);
  });

  it('gives each month its answers and NPS, from answers counted by score', () => {
    const trend = npsTrend(
      [
        { start: at('2026-01-01T00:00:00.000Z'), score: 9, count: 1 },
        { start: at('2026-01-01T00:00:00.000Z'), score: 7, count: 1 },
        { start: at('2026-03-01T00:00:00.000Z'), score: 6, count: 1 },
      ],
      { from: at('2026-01-01T00:00:00.000Z'), to: at('2026-04-01T00:00:00.000Z'), bucket: 'MONTH' },
    );
    expect(trend.map(({ label, answers, nps }) => ({ label, answers, nps }))).toEqual([
      { label: '2026-01', answers: 2, nps: 50 },
      { label: '2026-02', answers: 0, nps: null },
      { label: '2026-03', answers: 1, nps: -100 },
    ]);
  });

  it('an empty range has no buckets', () => {
    expect(
      npsTrend([], { from: at('2026-01-01T00:00:00.000Z'), to: at('2026-01-01T00:00:00.000Z'), bucket: 'MONTH' }),
    ).toEqual([]);
  });
});
