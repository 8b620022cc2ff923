import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.ts';
import { earnPointsForPurchase, isAcceptedCurrency, unacceptedCurrency } from './earn-points.ts';

const loyalty = DEFAULT_SETTINGS.loyalty;
const occurredAt = new Date('2026-01-03T09:30:00.000Z');

describe('earning points for a purchase', () => {
  it.each([
    ['1,200.00 DKK earns 120 points', 120000, 'DKK', 120],
    ['9.99 DKK earns nothing: below one step of the rate', 999, 'DKK', 0],
    ['10.00 DKK earns 1 point', 1000, 'DKK', 1],
    ['19.99 DKK earns 1 point (floor)', 1999, 'DKK', 1],
    ['123.45 SEK earns 12 points', 12345, 'SEK', 12],
    ['25.99 EUR earns 25 points at 1 point per euro', 2599, 'EUR', 25],
    ['a negative amount earns nothing', -5000, 'DKK', 0],
  ])('%s', (_name, amountMinor, currency, expected) => {
    expect(earnPointsForPurchase({ amountMinor, currency, occurredAt }, loyalty)?.points).toBe(expected);
  });

  it('uses the currency’s minor units: 1,200 JPY at 1 point per 100 yen earns 12 points', () => {
    const earned = earnPointsForPurchase(
      { amountMinor: 1200, currency: 'JPY', occurredAt },
      { ...loyalty, earnRates: { JPY: { points: 1, per: 100 } } },
    );
    expect(earned?.points).toBe(12);
  });

  it('multiplies by the rate’s points: 2 points per 10 DKK on 25.00 DKK is 4 points', () => {
    const earned = earnPointsForPurchase(
      { amountMinor: 2500, currency: 'DKK', occurredAt },
      { ...loyalty, earnRates: { DKK: { points: 2, per: 10 } } },
    );
    expect(earned?.points).toBe(4);
  });

  it('the points expire 24 months after the purchase, at the same moment of day', () => {
    expect(earnPointsForPurchase({ amountMinor: 120000, currency: 'DKK', occurredAt }, loyalty)?.expiresAt).toEqual(
      new Date('2028-01-03T09:30:00.000Z'),
    );
  });

  it('a purchase on 29 February expires on 28 February, 12 months later with a 12-month rule', () => {
    const earned = earnPointsForPurchase(
      { amountMinor: 1000, currency: 'DKK', occurredAt: new Date('2028-02-29T10:00:00.000Z') },
      { ...loyalty, pointsExpiryMonths: 12 },
    );
    expect(earned?.expiresAt).toEqual(new Date('2029-02-28T10:00:00.000Z'));
  });

  it('stores the reason code with what its sentence needs', () => {
    expect(earnPointsForPurchase({ amountMinor: 120000, currency: 'DKK', occurredAt }, loyalty)?.reason).toEqual({
      code: 'EARN_PURCHASE',
      params: {
        points: 120,
        amountMinor: 120000,
        currency: 'DKK',
        purchasedAt: '2026-01-03T09:30:00.000Z',
        ratePoints: 1,
        ratePer: 10,
      },
    });
  });

  it('a currency without an earn rate earns nothing and is not accepted', () => {
    expect(earnPointsForPurchase({ amountMinor: 120000, currency: 'USD', occurredAt }, loyalty)).toBeNull();
    expect(isAcceptedCurrency('USD', loyalty)).toBe(false);
  });

  it.each([
    ['DKK', true],
    ['NOK', true],
    ['dkk', false],
    ['toString', false],
  ])('the currency %s is accepted: %s', (currency, expected) => {
    expect(isAcceptedCurrency(currency, loyalty)).toBe(expected);
  });

  it('a currency that is not accepted is refused with the ones that are; an accepted one is not', () => {
    expect(unacceptedCurrency('USD', loyalty)).toBe('USD is not accepted; use one of DKK, SEK, NOK, EUR.');
    expect(unacceptedCurrency('DKK', loyalty)).toBeNull();
  });
});
