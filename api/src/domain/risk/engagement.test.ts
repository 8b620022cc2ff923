import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.ts';
import { DAY_MS } from '../time/duration.ts';
import { computeEngagement, type EngagementFacts } from './engagement.ts';

const now = new Date('2026-06-15T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const times = (count: number, days = 10) => Array.from({ length: count }, () => daysAgo(days));
const none: EngagementFacts = { inboundInteractions: [], purchases: [], feedback: [], redemptions: [] };
const engagement = (facts: Partial<EngagementFacts>) =>
  computeEngagement({ ...none, ...facts }, DEFAULT_SETTINGS.engagement, now);

describe('engagement', () => {
  it.each<[string, Partial<EngagementFacts>, number, string[]]>([
    ['a customer who did nothing in 90 days scores 0', {}, 0, []],
    ['each inbound contact adds 8', { inboundInteractions: times(3) }, 24, ['INBOUND_INTERACTIONS 3 +24']],
    ['inbound contacts add at most 32', { inboundInteractions: times(5) }, 32, ['INBOUND_INTERACTIONS 5 +32']],
    ['each purchase adds 6', { purchases: times(2) }, 12, ['PURCHASES 2 +12']],
    ['purchases add at most 30', { purchases: times(6) }, 30, ['PURCHASES 6 +30']],
    ['each feedback answer adds 10', { feedback: times(1) }, 10, ['FEEDBACK 1 +10']],
    ['feedback answers add at most 20', { feedback: times(3) }, 20, ['FEEDBACK 3 +20']],
    ['each redemption adds 9', { redemptions: times(1) }, 9, ['REDEMPTIONS 1 +9']],
    ['redemptions add at most 18', { redemptions: times(4) }, 18, ['REDEMPTIONS 4 +18']],
    ['an event 89 days ago counts', { purchases: times(1, 89) }, 6, ['PURCHASES 1 +6']],
    ['an event 90 days ago no longer counts', { purchases: times(1, 90) }, 0, []],
    [
      'every part at its maximum is 100',
      { inboundInteractions: times(9), purchases: times(9), feedback: times(9), redemptions: times(9) },
      100,
      ['INBOUND_INTERACTIONS 9 +32', 'PURCHASES 9 +30', 'FEEDBACK 9 +20', 'REDEMPTIONS 9 +18'],
    ],
  ])('%s', (_name, facts, score, parts) => {
    const result = engagement(facts);
    expect(result.score).toBe(score);
    expect(result.parts.map((part) => `${part.code} ${part.count} +${part.points}`)).toEqual(parts);
  });

  it('is capped at 100 when an organization’s weights add up to more', () => {
    const settings = {
      ...DEFAULT_SETTINGS.engagement,
      purchase: { each: 50, max: 80 },
      feedback: { each: 50, max: 80 },
    };
    expect(computeEngagement({ ...none, purchases: times(2), feedback: times(2) }, settings, now).score).toBe(100);
  });

  it('a part carries its count, points and whether it hit its maximum', () => {
    expect(engagement({ purchases: times(6) }).parts).toEqual([
      { code: 'PURCHASES', count: 6, points: 30, params: { count: 6, points: 30, capped: true } },
    ]);
    expect(engagement({ purchases: times(5) }).parts[0].params).toEqual({ count: 5, points: 30, capped: false });
  });

  it.each<[string, Partial<EngagementFacts>, Date | null]>([
    ['with nothing counted, time changes nothing', {}, null],
    [
      'the oldest counted event leaving the 90 days is the next change',
      { purchases: [daysAgo(10), daysAgo(70)], feedback: [daysAgo(30)] },
      new Date(now.getTime() + 20 * DAY_MS),
    ],
  ])('%s', (_name, facts, expected) => {
    expect(engagement(facts).nextChangeAt).toEqual(expected);
  });
});
