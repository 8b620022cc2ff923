import { describe, expect, test } from 'vitest';
import { currentNps, hasAnswers, npsPoints } from './nps';

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

describe('the NPS the Feedback page leads with', () => {
  test('is the newest bucket with answers, with its answer count; an empty month after it does not hide it', () => {
    const points = npsPoints([
      { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z', label: '2026-10', answers: 12, nps: 31.4 },
      { start: '2026-11-01T00:00:00Z', end: '2026-12-01T00:00:00Z', label: '2026-11', answers: 9, nps: 44.4 },
      { start: '2026-12-01T00:00:00Z', end: '2027-01-01T00:00:00Z', label: '2026-12', answers: 0, nps: null },
    ]);
    expect(currentNps(points)).toMatchObject({ label: '2026-11', nps: 44, answers: 9 });
    expect(currentNps([])).toBeNull();
  });
});
