import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.ts';
import { DAY_MS } from '../time/duration.ts';
import { computeSatisfaction, type SatisfactionSignal } from './satisfaction.ts';

const settings = DEFAULT_SETTINGS.satisfaction;
const now = new Date('2026-06-15T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const npsAnswer = (score: number, days = 0): SatisfactionSignal => ({ kind: 'NPS', score, occurredAt: daysAgo(days) });
const csatAnswer = (score: number, days = 0): SatisfactionSignal => ({
  kind: 'CSAT',
  score,
  occurredAt: daysAgo(days),
});
const resolved = (customerSatisfied: 'YES' | 'NO' | 'UNKNOWN', days = 0): SatisfactionSignal => ({
  kind: 'INCIDENT',
  customerSatisfied,
  occurredAt: daysAgo(days),
});

describe('satisfaction', () => {
  it.each<[string, SatisfactionSignal[], number, boolean]>([
    ['with no signal it is 50 and unknown', [], 50, false],
    ['an NPS answer of 8 is 80', [npsAnswer(8)], 80, true],
    ['an NPS answer of 0 is 0', [npsAnswer(0)], 0, true],
    ['a CSAT answer of 1 is 0', [csatAnswer(1)], 0, true],
    ['a CSAT answer of 3 is 50', [csatAnswer(3)], 50, true],
    ['a CSAT answer of 5 is 100', [csatAnswer(5)], 100, true],
    ['an incident resolved to the customer’s satisfaction is 100', [resolved('YES')], 100, true],
    ['an incident resolved without satisfying the customer is 0', [resolved('NO')], 0, true],
    ['an incident whose outcome is unknown is no signal', [resolved('UNKNOWN')], 50, false],
    ['a signal 364 days old counts', [npsAnswer(2, 364)], 20, true],
    ['a signal 365 days old no longer counts', [npsAnswer(2, 365)], 50, false],
    [
      'a signal 90 days old weighs half of one today: 10 today and 0 then is 67',
      [npsAnswer(10), npsAnswer(0, 90)],
      67,
      true,
    ],
    ['a signal 180 days old weighs a quarter: 10 today and 0 then is 80', [npsAnswer(10), npsAnswer(0, 180)], 80, true],
    ['the same answers on the same day weigh the same', [npsAnswer(10, 5), csatAnswer(1, 5)], 50, true],
  ])('%s', (_name, signals, score, known) => {
    const result = computeSatisfaction(signals, settings, now);
    expect([result.score, result.known]).toEqual([score, known]);
  });

  it('follows the organization’s half-life: at 30 days, an answer 30 days old weighs half', () => {
    expect(computeSatisfaction([npsAnswer(10), npsAnswer(0, 30)], { halfLifeDays: 30 }, now).score).toBe(67);
  });

  it('explains each kind of signal with its count, average and share of the weight', () => {
    expect(
      computeSatisfaction([npsAnswer(10), npsAnswer(6), csatAnswer(1, 90), resolved('YES', 90)], settings, now).parts,
    ).toEqual([
      { code: 'NPS', count: 2, average: 80, share: 67, params: { count: 2, average: 80, share: 67 } },
      { code: 'CSAT', count: 1, average: 0, share: 17, params: { count: 1, average: 0, share: 17 } },
      {
        code: 'RESOLVED_SATISFIED',
        count: 1,
        average: 100,
        share: 17,
        params: { count: 1, average: 100, share: 17 },
      },
    ]);
  });

  it('with no signal its one part says so', () => {
    expect(computeSatisfaction([], settings, now)).toEqual({
      score: 50,
      known: false,
      parts: [{ code: 'NO_SIGNALS', count: 0, average: 50, share: 100, params: {} }],
      nextChangeAt: null,
    });
  });

  it('stays the same as time passes until a signal leaves the 365 days', () => {
    const signals = [npsAnswer(10, 10), npsAnswer(2, 200), csatAnswer(4, 300)];
    const today = computeSatisfaction(signals, settings, now);
    const later = computeSatisfaction(signals, settings, new Date(now.getTime() + 64 * DAY_MS));
    expect(later.score).toBe(today.score);
    expect(later.parts).toEqual(today.parts);
    expect(today.nextChangeAt).toEqual(new Date(now.getTime() + 65 * DAY_MS));
  });
});
