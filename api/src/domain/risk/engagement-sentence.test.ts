import { describe, expect, it } from 'vitest';
import type { Locale } from '../types.ts';
import { renderEngagementPart, type EngagementPartReason } from './engagement-sentence.ts';

const cases: [string, Locale, EngagementPartReason, string][] = [
  [
    'inbound contacts',
    'EN',
    { code: 'INBOUND_INTERACTIONS', params: { count: 3, points: 24, capped: false } },
    '3 contacts from the customer in the last 90 days: +24.',
  ],
  [
    'one inbound contact',
    'DA',
    { code: 'INBOUND_INTERACTIONS', params: { count: 1, points: 8, capped: false } },
    '1 henvendelse fra kunden de seneste 90 dage: +8.',
  ],
  [
    'purchases at their maximum',
    'EN',
    { code: 'PURCHASES', params: { count: 7, points: 30, capped: true } },
    '7 purchases in the last 90 days: +30, the most this part can add.',
  ],
  [
    'purchases at their maximum',
    'SV',
    { code: 'PURCHASES', params: { count: 7, points: 30, capped: true } },
    '7 köp under de senaste 90 dagarna: +30, det mesta den här delen kan ge.',
  ],
  [
    'one feedback answer',
    'EN',
    { code: 'FEEDBACK', params: { count: 1, points: 10, capped: false } },
    '1 feedback answer in the last 90 days: +10.',
  ],
  [
    'feedback answers',
    'NB',
    { code: 'FEEDBACK', params: { count: 2, points: 20, capped: false } },
    '2 svar på undersøkelser de siste 90 dagene: +20.',
  ],
  [
    'redemptions',
    'DA',
    { code: 'REDEMPTIONS', params: { count: 2, points: 18, capped: false } },
    '2 indløste belønninger de seneste 90 dage: +18.',
  ],
  [
    'one redemption',
    'SV',
    { code: 'REDEMPTIONS', params: { count: 1, points: 9, capped: false } },
    '1 inlöst belöning under de senaste 90 dagarna: +9.',
  ],
  [
    'redemptions at their maximum',
    'NB',
    { code: 'REDEMPTIONS', params: { count: 3, points: 18, capped: true } },
    '3 innløste belønninger de siste 90 dagene: +18, det meste denne delen kan gi.',
  ],
];

describe('engagement explanations', () => {
  it.each(cases.map(([name, locale, reason, expected]) => [name, locale, expected, reason] as const))(
    '%s read, in %s: %s',
    (_name, locale, expected, reason) => {
      expect(renderEngagementPart(reason.code, reason.params, locale)).toBe(expected);
    },
  );

  it('a part this version does not know reads as a generic sentence', () => {
    expect(renderEngagementPart('VISITS', { count: 1 }, 'EN')).toBe('A part of the engagement score.');
  });
});
