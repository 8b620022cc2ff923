import { describe, expect, test } from 'vitest';
import { hasAnswers, npsPoints } from './nps';

describe('NPS over time', () => {
  test('each bucket of the API becomes a point, its NPS rounded to a whole number', () => {
    const points = npsPoints([
      { start: '2026-02-23T00:00:00Z', end: '2026-03-02T00:00:00Z', label: '2026-W09', answers: 3, nps: 66.667 },
      { start: '2026-03-02T00:00:00Z', end: '2026-03-09T00:00:00Z', label: '2026-W10', answers: 1, nps: -100 },
    ]);
    expect(points.map((point) => [point.start.toISOString().slice(0, 10), point.nps, point.answers])).toEqual([
      ['2026-02-23', 67, 3],
      ['2026-03-02', -100, 1],
    ]);
  });

  test('a bucket without answers has no NPS, and only empty buckets mean nothing to draw', () => {
    const empty = { start: '2026-03-09T00:00:00Z', end: '2026-03-16T00:00:00Z', label: '2026-W11', answers: 0 };
    expect(npsPoints([{ ...empty, nps: null }])[0].nps).toBeNull();
    expect(hasAnswers(npsPoints([{ ...empty, nps: null }]))).toBe(false);
    expect(
      hasAnswers(
        npsPoints([
          { ...empty, nps: null },
          { ...empty, answers: 2, nps: 0 },
        ]),
      ),
    ).toBe(true);
  });
});
