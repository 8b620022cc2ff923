import type { OrganizationSettings } from '../settings.ts';
import { minorUnitDigits } from '../locale/currency-digits.ts';
import { addMonthsUtc } from '../time/add-months.ts';
import type { LedgerParams } from './ledger-sentence.ts';

type Loyalty = Pick<OrganizationSettings['loyalty'], 'earnRates' | 'pointsExpiryMonths'>;

export interface PurchaseToEarn {
  /** Integer minor units (øre, öre, cents). */
  amountMinor: number;
  /** ISO 4217 code as stored, e.g. 'DKK'; matched exactly against the earn rates' keys. */
  currency: string;
  occurredAt: Date;
}

export interface EarnedPoints {
  /** 0 when the purchase is below one step of the rate; a service may then skip the entry. */
  points: number;
  expiresAt: Date;
  reason: { code: 'EARN_PURCHASE'; params: LedgerParams['EARN_PURCHASE'] };
}

/** Whether purchases may be recorded in this currency: only those with an earn rate. */
export function isAcceptedCurrency(currency: string, loyalty: Pick<Loyalty, 'earnRates'>): boolean {
  return Object.hasOwn(loyalty.earnRates, currency);
}

/** What to tell a caller who gave a currency without an earn rate; null for an accepted one. */
export function unacceptedCurrency(currency: string, loyalty: Pick<Loyalty, 'earnRates'>): string | null {
  return isAcceptedCurrency(currency, loyalty)
    ? null
    : `${currency} is not accepted; use one of ${Object.keys(loyalty.earnRates).join(', ')}.`;
}

/**
 * The points a purchase earns: `points` for every whole `per` currency units (floor), expiring
 * `pointsExpiryMonths` after the purchase (a back-dated purchase expires from its own date).
 * Null for a currency without an earn rate: reject it with a ValidationError.
 */
export function earnPointsForPurchase(purchase: PurchaseToEarn, loyalty: Loyalty): EarnedPoints | null {
  if (!isAcceptedCurrency(purchase.currency, loyalty)) return null;
  const rate = loyalty.earnRates[purchase.currency];
  const wholeUnits = Math.floor(purchase.amountMinor / 10 ** minorUnitDigits(purchase.currency));
  const points = Math.max(0, Math.floor(wholeUnits / rate.per) * rate.points);
  return {
    points,
    expiresAt: addMonthsUtc(purchase.occurredAt, loyalty.pointsExpiryMonths),
    reason: {
      code: 'EARN_PURCHASE',
      params: {
        points,
        amountMinor: purchase.amountMinor,
        currency: purchase.currency,
        purchasedAt: purchase.occurredAt.toISOString(),
        ratePoints: rate.points,
        ratePer: rate.per,
      },
    },
  };
}
