import { describe, expect, it } from 'vitest';
import type { Locale } from '../types.ts';
import { renderRiskFactor, type RiskFactorReason } from './risk-factor-sentence.ts';

const twoStrikes: RiskFactorReason = {
  code: 'TWO_STRIKES',
  params: {
    count: 2,
    experiences: [
      { cause: 'INCIDENT', occurredAt: '2026-03-02T10:00:00.000Z' },
      { cause: 'NPS', score: 4, occurredAt: '2026-03-19T08:00:00.000Z' },
    ],
  },
};
const oneStrike: RiskFactorReason = {
  code: 'BAD_EXPERIENCE',
  params: { count: 1, experiences: [{ cause: 'CSAT', score: 2, occurredAt: '2026-05-03T10:00:00.000Z' }] },
};
const manyStrikes: RiskFactorReason = {
  code: 'TWO_STRIKES',
  params: {
    count: 7,
    experiences: [
      { cause: 'INCIDENT', occurredAt: '2026-05-01T10:00:00.000Z' },
      { cause: 'NPS', score: 0, occurredAt: '2026-05-02T10:00:00.000Z' },
    ],
  },
};
const ignored: RiskFactorReason = {
  code: 'IGNORED',
  params: { days: 97, since: '2026-03-10T00:00:00.000Z', neverContacted: false },
};
const neverContacted: RiskFactorReason = {
  code: 'IGNORED',
  params: { days: 1200, since: '2023-03-10T00:00:00.000Z', neverContacted: true },
};
const nps = { score: 4, answeredAt: '2026-01-03T00:00:00.000Z' };
const slaOne: RiskFactorReason = { code: 'SLA_BREACHED', params: { count: 1, firstDueAt: '2026-03-02T14:00:00.000Z' } };
const slaTwo: RiskFactorReason = { code: 'SLA_BREACHED', params: { count: 2, firstDueAt: '2026-03-02T14:00:00.000Z' } };
const recoveredOnce: RiskFactorReason = { code: 'RECOVERED', params: { count: 1, lastAt: '2026-01-03T00:00:00.000Z' } };
const recoveredTwice: RiskFactorReason = {
  code: 'RECOVERED',
  params: { count: 2, lastAt: '2026-01-03T00:00:00.000Z' },
};
const drop: RiskFactorReason = { code: 'ENGAGEMENT_DROP', params: { recent: 1, previous: 12 } };

const cases: [string, Locale, RiskFactorReason, string][] = [
  [
    'two strikes',
    'EN',
    twoStrikes,
    'Two bad experiences in the last 90 days: an incident on 2 Mar and an NPS answer of 4 on 19 Mar.',
  ],
  [
    'two strikes',
    'DA',
    twoStrikes,
    'To dårlige oplevelser de seneste 90 dage: en hændelse den 2. mar. og et NPS-svar på 4 den 19. mar.',
  ],
  [
    'two strikes',
    'SV',
    twoStrikes,
    'Två dåliga upplevelser under de senaste 90 dagarna: en incident den 2 mars och ett NPS-svar på 4 den 19 mars.',
  ],
  [
    'two strikes',
    'NB',
    twoStrikes,
    'To dårlige opplevelser de siste 90 dagene: en hendelse den 2. mars og et NPS-svar på 4 den 19. mars.',
  ],
  [
    'more strikes than are listed',
    'EN',
    manyStrikes,
    'Seven bad experiences in the last 90 days, most recently an incident on 1 May and an NPS answer of 0 on 2 May.',
  ],
  [
    'more strikes than are listed',
    'DA',
    manyStrikes,
    'Syv dårlige oplevelser de seneste 90 dage, senest en hændelse den 1. maj og et NPS-svar på 0 den 2. maj.',
  ],
  ['one bad experience', 'EN', oneStrike, 'One bad experience in the last 90 days: a CSAT answer of 2 on 3 May.'],
  ['one bad experience', 'DA', oneStrike, 'Én dårlig oplevelse de seneste 90 dage: et CSAT-svar på 2 den 3. maj.'],
  [
    'one bad experience',
    'SV',
    oneStrike,
    'En dålig upplevelse under de senaste 90 dagarna: ett CSAT-svar på 2 den 3 maj.',
  ],
  ['one bad experience', 'NB', oneStrike, 'Én dårlig opplevelse de siste 90 dagene: et CSAT-svar på 2 den 3. mai.'],
  ['one open incident', 'EN', { code: 'UNRESOLVED_INCIDENT', params: { count: 1 } }, '1 incident is still open.'],
  ['three open incidents', 'EN', { code: 'UNRESOLVED_INCIDENT', params: { count: 3 } }, '3 incidents are still open.'],
  ['one open incident', 'DA', { code: 'UNRESOLVED_INCIDENT', params: { count: 1 } }, '1 hændelse er stadig åben.'],
  ['three open incidents', 'DA', { code: 'UNRESOLVED_INCIDENT', params: { count: 3 } }, '3 hændelser er stadig åbne.'],
  [
    'three open incidents',
    'SV',
    { code: 'UNRESOLVED_INCIDENT', params: { count: 3 } },
    '3 incidenter är fortfarande öppna.',
  ],
  ['one open incident', 'NB', { code: 'UNRESOLVED_INCIDENT', params: { count: 1 } }, '1 hendelse er fortsatt åpen.'],
  ['one breached SLA', 'EN', slaOne, 'An open incident is past its SLA: it was due 2 Mar 2026, 14:00 UTC.'],
  ['two breached SLAs', 'EN', slaTwo, '2 open incidents are past their SLA; the first was due 2 Mar 2026, 14:00 UTC.'],
  [
    'one breached SLA',
    'DA',
    slaOne,
    'En åben hændelse har overskredet sin SLA: den skulle være løst 2. mar. 2026, 14.00 UTC.',
  ],
  [
    'one breached SLA',
    'SV',
    slaOne,
    'En öppen incident har passerat sin SLA: den skulle vara löst 2 mars 2026 14:00 UTC.',
  ],
  [
    'two breached SLAs',
    'NB',
    slaTwo,
    '2 åpne hendelser har passert SLA-fristen; den første skulle vært løst 2. mars 2026, 14:00 UTC.',
  ],
  ['no personal contact', 'EN', ignored, 'No personal contact for 97 days.'],
  ['no personal contact', 'DA', ignored, 'Ingen personlig kontakt i 97 dage.'],
  ['no personal contact', 'SV', ignored, 'Ingen personlig kontakt på 97 dagar.'],
  ['no personal contact', 'NB', ignored, 'Ingen personlig kontakt på 97 dager.'],
  ['never contacted', 'EN', neverContacted, 'Never contacted personally, in 1,200 days as a customer.'],
  ['never contacted', 'DA', neverContacted, 'Aldrig kontaktet personligt, i 1.200 dage som kunde.'],
  ['never contacted', 'SV', neverContacted, 'Aldrig kontaktad personligen, på 1 200 dagar som kund.'],
  ['never contacted', 'NB', neverContacted, 'Aldri kontaktet personlig, på 1 200 dager som kunde.'],
  [
    'a detractor',
    'EN',
    { code: 'DETRACTOR', params: nps },
    'The latest NPS answer, on 3 Jan 2026, was 4: a detractor.',
  ],
  ['a detractor', 'DA', { code: 'DETRACTOR', params: nps }, 'Seneste NPS-svar, den 3. jan. 2026, var 4: en kritiker.'],
  [
    'a passive',
    'SV',
    { code: 'PASSIVE', params: { ...nps, score: 7 } },
    'Senaste NPS-svaret, den 3 jan. 2026, var 7: passiv.',
  ],
  [
    'a passive',
    'EN',
    { code: 'PASSIVE', params: { ...nps, score: 8 } },
    'The latest NPS answer, on 3 Jan 2026, was 8: passive.',
  ],
  [
    'a promoter',
    'NB',
    { code: 'PROMOTER', params: { ...nps, score: 10 } },
    'Siste NPS-svar, den 3. jan. 2026, var 10: en ambassadør.',
  ],
  [
    'a promoter',
    'EN',
    { code: 'PROMOTER', params: { ...nps, score: 9 } },
    'The latest NPS answer, on 3 Jan 2026, was 9: a promoter.',
  ],
  [
    'an engagement drop',
    'EN',
    drop,
    'Purchases and contacts fell to 1 in the last 90 days, from 12 in the 90 days before.',
  ],
  ['an engagement drop', 'DA', drop, 'Køb og kontakter faldt til 1 de seneste 90 dage, fra 12 i de 90 dage før.'],
  [
    'an engagement drop',
    'SV',
    drop,
    'Köp och kontakter minskade till 1 under de senaste 90 dagarna, från 12 under de 90 dagarna innan.',
  ],
  ['an engagement drop', 'NB', drop, 'Kjøp og kontakter falt til 1 de siste 90 dagene, fra 12 i de 90 dagene før.'],
  ['a recovery', 'EN', recoveredOnce, 'An incident was resolved to the customer’s satisfaction on 3 Jan 2026.'],
  [
    'two recoveries',
    'EN',
    recoveredTwice,
    '2 incidents were resolved to the customer’s satisfaction in the last 90 days, most recently on 3 Jan 2026.',
  ],
  ['a recovery', 'DA', recoveredOnce, 'En hændelse blev løst til kundens tilfredshed den 3. jan. 2026.'],
  [
    'two recoveries',
    'SV',
    recoveredTwice,
    '2 incidenter löstes till kundens belåtenhet under de senaste 90 dagarna, senast den 3 jan. 2026.',
  ],
  ['a recovery', 'NB', recoveredOnce, 'En hendelse ble løst til kundens tilfredshet den 3. jan. 2026.'],
];

describe('risk-factor explanations', () => {
  it.each(cases.map(([name, locale, reason, expected]) => [name, locale, expected, reason] as const))(
    '%s reads, in %s: %s',
    (_name, locale, expected, reason) => {
      expect(renderRiskFactor(reason.code, reason.params, locale)).toBe(expected);
    },
  );

  it.each([
    ['EN', 'A factor of the churn-risk model.'],
    ['DA', 'En faktor i modellen for churn-risiko.'],
    ['SV', 'En faktor i modellen för kundbortfall.'],
    ['NB', 'En faktor i modellen for kundefrafall.'],
  ] as const)('a factor this version does not know never shows its code in %s', (locale, expected) => {
    expect(renderRiskFactor('BIG_SPENDER', { amount: 1 }, locale)).toBe(expected);
    expect(renderRiskFactor('IGNORED', { days: 97 }, locale)).toBe(expected);
  });
});

describe('STAFF_CONCERN', () => {
  const concern = (count: number): RiskFactorReason => ({
    code: 'STAFF_CONCERN',
    params: { count, by: 'Mette Holm', note: 'Sounded fed up on the phone', flaggedAt: '2026-03-02T10:00:00.000Z' },
  });

  it.each<[Locale, string]>([
    ['EN', 'Mette Holm flagged a concern on 2 Mar 2026: “Sounded fed up on the phone.”'],
    ['DA', 'Mette Holm meldte en bekymring den 2. mar. 2026: »Sounded fed up on the phone.«'],
    ['SV', 'Mette Holm flaggade en oro den 2 mars 2026: ”Sounded fed up on the phone.”'],
    ['NB', 'Mette Holm meldte en bekymring den 2. mars 2026: «Sounded fed up on the phone.»'],
  ])('says who flagged it and the note, in %s', (locale, sentence) => {
    expect(renderRiskFactor('STAFF_CONCERN', concern(1).params, locale)).toBe(sentence);
  });

  it('counts the concerns of the last 30 days when there are several', () => {
    expect(renderRiskFactor('STAFF_CONCERN', concern(3).params, 'EN')).toBe(
      'Mette Holm flagged a concern on 2 Mar 2026 (3 concerns in the last 30 days): “Sounded fed up on the phone.”',
    );
  });
});
