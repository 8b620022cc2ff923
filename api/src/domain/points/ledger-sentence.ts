// Every points movement explains itself in the customer's words: the ledger stores the kind as its
// reason code with these parameters, and the sentence is rendered when read.
import type { Locale } from '../types.ts';
import { defineCatalogue, message, type CodedReason, type ParamsByCode } from '../locale/catalogue.ts';
import { endSentence } from '../locale/end-sentence.ts';
import type { LocaleFormat } from '../locale/format.ts';

/** "120 points" · "1 point" · "120 point" · "120 poäng" · "120 poeng" (amounts are shown unsigned). */
function pointsPhrase(points: number, format: LocaleFormat): string {
  const count = Math.abs(points);
  return `${format.number(count)} ${pointsWord(count, format)}`;
}

function pointsWord(count: number, format: LocaleFormat): string {
  switch (format.locale) {
    case 'DA':
      return 'point';
    case 'SV':
      return 'poäng';
    case 'NB':
      return 'poeng';
    case 'EN':
      return format.plural(Math.abs(count), { one: 'point', other: 'points' });
  }
}

export const ledgerSentences = defineCatalogue(
  {
    EARN_PURCHASE: message(
      { points: 'int', amountMinor: 'int', currency: 'string', purchasedAt: 'date', ratePoints: 'int', ratePer: 'int' },
      {
        EN: (p, f) =>
          `${pointsPhrase(p.points, f)} for your purchase of ${f.money(p.amountMinor, p.currency)} on ${f.date(p.purchasedAt)} (${pointsPhrase(p.ratePoints, f)} per ${f.wholeMoney(p.ratePer, p.currency)}).`,
        // As the spec writes it: the closing "kr.)" ends the sentence without a second full stop.
        DA: (p, f) =>
          `${pointsPhrase(p.points, f)} for dit køb på ${f.money(p.amountMinor, p.currency)} den ${f.date(p.purchasedAt)} (${pointsPhrase(p.ratePoints, f)} pr. ${f.wholeMoney(p.ratePer, p.currency)})`,
        SV: (p, f) =>
          `${pointsPhrase(p.points, f)} för ditt köp på ${f.money(p.amountMinor, p.currency)} den ${f.date(p.purchasedAt)} (${pointsPhrase(p.ratePoints, f)} per ${f.wholeMoney(p.ratePer, p.currency)}).`,
        NB: (p, f) =>
          `${pointsPhrase(p.points, f)} for kjøpet ditt på ${f.money(p.amountMinor, p.currency)} den ${f.date(p.purchasedAt)} (${pointsPhrase(p.ratePoints, f)} per ${f.wholeMoney(p.ratePer, p.currency)}).`,
      },
    ),
    EARN_FEEDBACK: message(
      { points: 'int', survey: 'string' },
      {
        EN: (p, f) => `${pointsPhrase(p.points, f)} for answering ${f.quote(p.survey)}.`,
        DA: (p, f) => `${pointsPhrase(p.points, f)} for at svare på ${f.quote(p.survey)}.`,
        SV: (p, f) => `${pointsPhrase(p.points, f)} för att du svarade på ${f.quote(p.survey)}.`,
        NB: (p, f) => `${pointsPhrase(p.points, f)} for at du svarte på ${f.quote(p.survey)}.`,
      },
    ),
    EARN_BONUS: message(
      { points: 'int', reason: 'string' },
      {
        EN: (p, f) => `${pointsPhrase(p.points, f)} as a bonus: ${endSentence(p.reason)}`,
        DA: (p, f) => `${pointsPhrase(p.points, f)} i bonus: ${endSentence(p.reason)}`,
        SV: (p, f) => `${pointsPhrase(p.points, f)} i bonus: ${endSentence(p.reason)}`,
        NB: (p, f) => `${pointsPhrase(p.points, f)} i bonus: ${endSentence(p.reason)}`,
      },
    ),
    REDEEM: message(
      { points: 'int', rewardName: 'string' },
      {
        EN: (p, f) => `You redeemed ${pointsPhrase(p.points, f)} for ${p.rewardName}.`,
        DA: (p, f) => `Du indløste ${pointsPhrase(p.points, f)} til ${p.rewardName}.`,
        SV: (p, f) => `Du löste in ${pointsPhrase(p.points, f)} mot ${p.rewardName}.`,
        NB: (p, f) => `Du løste inn ${pointsPhrase(p.points, f)} mot ${p.rewardName}.`,
      },
    ),
    REFUND: message(
      { points: 'int', rewardName: 'string' },
      {
        EN: (p, f) => `${pointsPhrase(p.points, f)} returned because your redemption of ${p.rewardName} was cancelled.`,
        DA: (p, f) =>
          `Du fik ${pointsPhrase(p.points, f)} tilbage, fordi din indløsning af ${p.rewardName} blev annulleret.`,
        SV: (p, f) => `Du fick tillbaka ${pointsPhrase(p.points, f)} eftersom din inlösen av ${p.rewardName} avbröts.`,
        NB: (p, f) =>
          `Du fikk tilbake ${pointsPhrase(p.points, f)} fordi innløsningen av ${p.rewardName} ble kansellert.`,
      },
    ),
    EXPIRE: message(
      { points: 'int', purchasedAt: 'date?', amountMinor: 'int?', currency: 'string?' },
      {
        EN: (p, f) => {
          const purchase = purchaseOf(p, f);
          return purchase
            ? `${pointsPhrase(p.points, f)} from your purchase of ${purchase.money} on ${purchase.date} expired.`
            : `${pointsPhrase(p.points, f)} expired.`;
        },
        DA: (p, f) => {
          const purchase = purchaseOf(p, f);
          return purchase
            ? `${pointsPhrase(p.points, f)} fra dit køb på ${purchase.money} den ${purchase.date} er udløbet.`
            : `${pointsPhrase(p.points, f)} er udløbet.`;
        },
        SV: (p, f) => {
          const purchase = purchaseOf(p, f);
          return purchase
            ? `${pointsPhrase(p.points, f)} från ditt köp på ${purchase.money} den ${purchase.date} har gått ut.`
            : `${pointsPhrase(p.points, f)} har gått ut.`;
        },
        NB: (p, f) => {
          const purchase = purchaseOf(p, f);
          return purchase
            ? `${pointsPhrase(p.points, f)} fra kjøpet ditt på ${purchase.money} den ${purchase.date} er utløpt.`
            : `${pointsPhrase(p.points, f)} er utløpt.`;
        },
      },
    ),
    // A balance brought from another loyalty program by an import (kind EARN_BONUS).
    OPENING_BALANCE: message(
      { points: 'int', carriedOverAt: 'date' },
      {
        EN: (p, f) =>
          `${pointsPhrase(p.points, f)} carried over from your previous loyalty program on ${f.date(p.carriedOverAt)}.`,
        DA: (p, f) =>
          `${pointsPhrase(p.points, f)} overført fra dit tidligere loyalitetsprogram den ${f.date(p.carriedOverAt)}.`,
        SV: (p, f) =>
          `${pointsPhrase(p.points, f)} överförda från ditt tidigare lojalitetsprogram den ${f.date(p.carriedOverAt)}.`,
        NB: (p, f) =>
          `${pointsPhrase(p.points, f)} overført fra ditt tidligere lojalitetsprogram den ${f.date(p.carriedOverAt)}.`,
      },
    ),
    ADJUST: message(
      { points: 'int', reason: 'string' },
      {
        EN: (p, f) => `Correction of ${f.signed(p.points)} ${pointsWord(p.points, f)}: ${endSentence(p.reason)}`,
        DA: (p, f) => `Rettelse på ${f.signed(p.points)} ${pointsWord(p.points, f)}: ${endSentence(p.reason)}`,
        SV: (p, f) => `Justering med ${f.signed(p.points)} ${pointsWord(p.points, f)}: ${endSentence(p.reason)}`,
        NB: (p, f) => `Korrigering på ${f.signed(p.points)} ${pointsWord(p.points, f)}: ${endSentence(p.reason)}`,
      },
    ),
  },
  {
    EN: 'A change to your points.',
    DA: 'En ændring af dine point.',
    SV: 'En ändring av dina poäng.',
    NB: 'En endring av poengene dine.',
  },
);

function purchaseOf(
  params: { purchasedAt?: string; amountMinor?: number; currency?: string },
  format: LocaleFormat,
): { money: string; date: string } | null {
  const { purchasedAt, amountMinor, currency } = params;
  if (purchasedAt === undefined || amountMinor === undefined || currency === undefined) return null;
  return { money: format.money(amountMinor, currency), date: format.date(purchasedAt) };
}

/**
 * What a ledger entry stores, by kind. Points are unsigned (the entry's delta carries the sign),
 * except ADJUST, whose sentence shows the sign the staff member chose.
 */
export type LedgerReason = CodedReason<typeof ledgerSentences.definitions>;
export type LedgerParams = ParamsByCode<typeof ledgerSentences.definitions>;

/** The sentence for a ledger entry's reason code (its PointsEntryKind) and parameters. */
export function renderLedgerEntry(code: string, params: unknown, locale: Locale): string {
  return ledgerSentences.render(code, params, locale);
}
