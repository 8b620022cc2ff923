import { describe, expect, it } from 'vitest';
import type { Locale } from '../types.ts';
import { renderSatisfactionPart, type SatisfactionPartReason } from './satisfaction-sentence.ts';

const cases: [string, Locale, SatisfactionPartReason, string][] = [
  [
    'NPS answers',
    'EN',
    { code: 'NPS', params: { count: 2, average: 80, share: 67 } },
    '2 NPS answers in the last 365 days: 80 of 100 on average, 67% of the weight.',
  ],
  [
    'one NPS answer',
    'DA',
    { code: 'NPS', params: { count: 1, average: 40, share: 100 } },
    '1 NPS-svar de seneste 365 dage: 40 af 100 i gennemsnit, 100 % af vægten.',
  ],
  [
    'CSAT answers',
    'SV',
    { code: 'CSAT', params: { count: 3, average: 75, share: 20 } },
    '3 CSAT-svar under de senaste 365 dagarna: 75 av 100 i snitt, 20 % av vikten.',
  ],
  [
    'one CSAT answer',
    'EN',
    { code: 'CSAT', params: { count: 1, average: 0, share: 17 } },
    '1 CSAT answer in the last 365 days: 0 of 100 on average, 17% of the weight.',
  ],
  [
    'an incident resolved well',
    'EN',
    { code: 'RESOLVED_SATISFIED', params: { count: 1, average: 100, share: 17 } },
    '1 incident resolved to the customer’s satisfaction (100 of 100), 17% of the weight.',
  ],
  [
    'incidents resolved well',
    'SV',
    { code: 'RESOLVED_SATISFIED', params: { count: 2, average: 100, share: 40 } },
    '2 incidenter lösta till kundens belåtenhet (100 av 100), 40 % av vikten.',
  ],
  [
    'an incident resolved badly',
    'DA',
    { code: 'RESOLVED_UNSATISFIED', params: { count: 1, average: 0, share: 10 } },
    '1 hændelse løst uden at kunden blev tilfreds (0 af 100), 10 % af vægten.',
  ],
  [
    'incidents resolved badly',
    'NB',
    { code: 'RESOLVED_UNSATISFIED', params: { count: 2, average: 0, share: 10 } },
    '2 hendelser løst uten at kunden ble fornøyd (0 av 100), 10 % av vekten.',
  ],
  [
    'no signals',
    'EN',
    { code: 'NO_SIGNALS', params: {} },
    'No NPS or CSAT answers and no resolved incidents in the last 365 days: 50, unknown.',
  ],
  [
    'no signals',
    'DA',
    { code: 'NO_SIGNALS', params: {} },
    'Ingen NPS- eller CSAT-svar og ingen løste hændelser de seneste 365 dage: 50, ukendt.',
  ],
  [
    'no signals',
    'SV',
    { code: 'NO_SIGNALS', params: {} },
    'Inga NPS- eller CSAT-svar och inga lösta incidenter under de senaste 365 dagarna: 50, okänt.',
  ],
  [
    'no signals',
    'NB',
    { code: 'NO_SIGNALS', params: {} },
    'Ingen NPS- eller CSAT-svar og ingen løste hendelser de siste 365 dagene: 50, ukjent.',
  ],
];

describe('satisfaction explanations', () => {
  it.each(cases.map(([name, locale, reason, expected]) => [name, locale, expected, reason] as const))(
    '%s read, in %s: %s',
    (_name, locale, expected, reason) => {
      expect(renderSatisfactionPart(reason.code, reason.params, locale)).toBe(expected);
    },
  );

  it('a part this version does not know reads as a generic sentence', () => {
    expect(renderSatisfactionPart('REVIEWS', {}, 'NB')).toBe('En del av tilfredshetsscoren.');
  });
});
