import { describe, expect, it } from 'vitest';
import type { Locale } from '../types.ts';
import { renderLedgerEntry, type LedgerReason } from './ledger-sentence.ts';

const purchase: LedgerReason = {
  code: 'EARN_PURCHASE',
  params: {
    points: 120,
    amountMinor: 120000,
    currency: 'DKK',
    purchasedAt: '2026-01-03T09:30:00.000Z',
    ratePoints: 1,
    ratePer: 10,
  },
};

const cases: [string, LedgerReason, Locale, string][] = [
  [
    'a purchase, as the spec writes it',
    purchase,
    'EN',
    '120 points for your purchase of 1,200.00 DKK on 3 Jan 2026 (1 point per 10 DKK).',
  ],
  [
    'a purchase, as the spec writes it',
    purchase,
    'DA',
    '120 point for dit køb på 1.200,00 kr. den 3. jan. 2026 (1 point pr. 10 kr.)',
  ],
  [
    'a purchase in Swedish kronor',
    { code: 'EARN_PURCHASE', params: { ...purchase.params, currency: 'SEK' } },
    'SV',
    '120 poäng för ditt köp på 1 200,00 kr den 3 jan. 2026 (1 poäng per 10 kr).',
  ],
  [
    'a purchase in Norwegian kroner',
    { code: 'EARN_PURCHASE', params: { ...purchase.params, currency: 'NOK' } },
    'NB',
    '120 poeng for kjøpet ditt på 1 200,00 kr den 3. jan. 2026 (1 poeng per 10 kr).',
  ],
  [
    'a purchase that earned one point at two points per euro',
    {
      code: 'EARN_PURCHASE',
      params: { ...purchase.params, points: 1, amountMinor: 950, currency: 'EUR', ratePoints: 2, ratePer: 1 },
    },
    'EN',
    '1 point for your purchase of 9.50 EUR on 3 Jan 2026 (2 points per 1 EUR).',
  ],
  [
    'a survey answer',
    { code: 'EARN_FEEDBACK', params: { points: 25, survey: 'How likely are you to recommend us?' } },
    'EN',
    '25 points for answering “How likely are you to recommend us?”.',
  ],
  [
    'a survey answer',
    { code: 'EARN_FEEDBACK', params: { points: 25, survey: 'Hvor sandsynligt er det, at du anbefaler os?' } },
    'DA',
    '25 point for at svare på »Hvor sandsynligt er det, at du anbefaler os?«.',
  ],
  [
    'a survey answer',
    { code: 'EARN_FEEDBACK', params: { points: 1, survey: 'Snabbenkät' } },
    'SV',
    '1 poäng för att du svarade på ”Snabbenkät”.',
  ],
  [
    'a survey answer',
    { code: 'EARN_FEEDBACK', params: { points: 1, survey: 'Hurtigmåling' } },
    'NB',
    '1 poeng for at du svarte på «Hurtigmåling».',
  ],
  [
    'a bonus with a reason written without a full stop',
    { code: 'EARN_BONUS', params: { points: 1, reason: 'Happy birthday' } },
    'EN',
    '1 point as a bonus: Happy birthday.',
  ],
  [
    'a bonus with a reason written with a full stop',
    { code: 'EARN_BONUS', params: { points: 200, reason: 'Tillykke med fødselsdagen!' } },
    'DA',
    '200 point i bonus: Tillykke med fødselsdagen!',
  ],
  [
    'a bonus',
    { code: 'EARN_BONUS', params: { points: 2000, reason: 'Grattis på födelsedagen' } },
    'SV',
    '2 000 poäng i bonus: Grattis på födelsedagen.',
  ],
  [
    'a bonus',
    { code: 'EARN_BONUS', params: { points: 50, reason: 'Gratulerer med dagen' } },
    'NB',
    '50 poeng i bonus: Gratulerer med dagen.',
  ],
  [
    'a redemption',
    { code: 'REDEEM', params: { points: 500, rewardName: 'a free coffee' } },
    'EN',
    'You redeemed 500 points for a free coffee.',
  ],
  [
    'a redemption',
    { code: 'REDEEM', params: { points: 500, rewardName: 'en gratis kop kaffe' } },
    'DA',
    'Du indløste 500 point til en gratis kop kaffe.',
  ],
  [
    'a redemption',
    { code: 'REDEEM', params: { points: 1500, rewardName: 'en gratis kaffe' } },
    'SV',
    'Du löste in 1 500 poäng mot en gratis kaffe.',
  ],
  [
    'a redemption',
    { code: 'REDEEM', params: { points: 500, rewardName: 'en gratis kaffe' } },
    'NB',
    'Du løste inn 500 poeng mot en gratis kaffe.',
  ],
  [
    'a refund of a cancelled redemption',
    { code: 'REFUND', params: { points: 1, rewardName: 'a tote bag' } },
    'EN',
    '1 point returned because your redemption of a tote bag was cancelled.',
  ],
  [
    'a refund of a cancelled redemption',
    { code: 'REFUND', params: { points: 500, rewardName: 'en mulepose' } },
    'DA',
    'Du fik 500 point tilbage, fordi din indløsning af en mulepose blev annulleret.',
  ],
  [
    'a refund of a cancelled redemption',
    { code: 'REFUND', params: { points: 500, rewardName: 'en tygkasse' } },
    'SV',
    'Du fick tillbaka 500 poäng eftersom din inlösen av en tygkasse avbröts.',
  ],
  [
    'a refund of a cancelled redemption',
    { code: 'REFUND', params: { points: 500, rewardName: 'en handlenett' } },
    'NB',
    'Du fikk tilbake 500 poeng fordi innløsningen av en handlenett ble kansellert.',
  ],
  [
    'an expiry that names its purchase',
    {
      code: 'EXPIRE',
      params: { points: 80, purchasedAt: '2024-01-03T00:00:00.000Z', amountMinor: 120000, currency: 'DKK' },
    },
    'EN',
    '80 points from your purchase of 1,200.00 DKK on 3 Jan 2024 expired.',
  ],
  [
    'an expiry that names its purchase',
    {
      code: 'EXPIRE',
      params: { points: 80, purchasedAt: '2024-01-03T00:00:00.000Z', amountMinor: 120000, currency: 'DKK' },
    },
    'DA',
    '80 point fra dit køb på 1.200,00 kr. den 3. jan. 2024 er udløbet.',
  ],
  [
    'an expiry that names its purchase',
    {
      code: 'EXPIRE',
      params: { points: 80, purchasedAt: '2024-05-03T00:00:00.000Z', amountMinor: 99900, currency: 'SEK' },
    },
    'SV',
    '80 poäng från ditt köp på 999,00 kr den 3 maj 2024 har gått ut.',
  ],
  [
    'an expiry that names its purchase',
    {
      code: 'EXPIRE',
      params: { points: 80, purchasedAt: '2024-12-03T00:00:00.000Z', amountMinor: 99900, currency: 'NOK' },
    },
    'NB',
    '80 poeng fra kjøpet ditt på 999,00 kr den 3. des. 2024 er utløpt.',
  ],
  ['an expiry of points not from a purchase', { code: 'EXPIRE', params: { points: 1 } }, 'EN', '1 point expired.'],
  ['an expiry of points not from a purchase', { code: 'EXPIRE', params: { points: 10 } }, 'DA', '10 point er udløbet.'],
  [
    'an expiry of points not from a purchase',
    { code: 'EXPIRE', params: { points: 10 } },
    'SV',
    '10 poäng har gått ut.',
  ],
  ['an expiry of points not from a purchase', { code: 'EXPIRE', params: { points: 10 } }, 'NB', '10 poeng er utløpt.'],
  [
    'an adjustment upwards',
    { code: 'ADJUST', params: { points: 50, reason: 'Points missing from the March purchase' } },
    'EN',
    'Correction of +50 points: Points missing from the March purchase.',
  ],
  [
    'an adjustment of one point downwards',
    { code: 'ADJUST', params: { points: -1, reason: 'Rounding' } },
    'EN',
    'Correction of -1 point: Rounding.',
  ],
  [
    'an adjustment downwards',
    { code: 'ADJUST', params: { points: -1500, reason: 'Dobbelt registreret køb' } },
    'DA',
    'Rettelse på -1.500 point: Dobbelt registreret køb.',
  ],
  [
    'an adjustment downwards',
    { code: 'ADJUST', params: { points: -1500, reason: 'Dubbelregistrerat köp' } },
    'SV',
    'Justering med −1 500 poäng: Dubbelregistrerat köp.',
  ],
  [
    'an adjustment upwards',
    { code: 'ADJUST', params: { points: 50, reason: 'Manglende poeng' } },
    'NB',
    'Korrigering på +50 poeng: Manglende poeng.',
  ],
];

describe('the ledger sentences', () => {
  it.each(cases.map(([name, reason, locale, expected]) => [name, locale, expected, reason] as const))(
    '%s reads, in %s: %s',
    (_name, locale, expected, reason) => {
      expect(renderLedgerEntry(reason.code, reason.params, locale)).toBe(expected);
    },
  );

  it('every kind of entry has a sentence in every language', () => {
    const kinds = new Set(cases.map(([, reason, locale]) => `${reason.code}/${locale}`));
    for (const code of ['EARN_PURCHASE', 'EARN_FEEDBACK', 'EARN_BONUS', 'REDEEM', 'REFUND', 'EXPIRE', 'ADJUST']) {
      for (const locale of ['EN', 'DA', 'SV', 'NB']) expect(kinds).toContain(`${code}/${locale}`);
    }
  });

  it.each([
    ['EN', 'A change to your points.'],
    ['DA', 'En ændring af dine point.'],
    ['SV', 'En ändring av dina poäng.'],
    ['NB', 'En endring av poengene dine.'],
  ] as const)('an unknown reason never shows its code in %s', (locale, expected) => {
    expect(renderLedgerEntry('WELCOME_GIFT', { points: 10 }, locale)).toBe(expected);
    expect(renderLedgerEntry('REDEEM', { points: 10 }, locale)).toBe(expected);
  });
});
