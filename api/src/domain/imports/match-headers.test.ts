import { describe, expect, test } from 'vitest';
import { matchHeaders } from './match-headers.ts';

describe('matchHeaders', () => {
  test('Danish headers fill the customer fields', () => {
    expect(matchHeaders('CUSTOMERS', ['Kundenummer', 'Navn', 'E-mail', 'Telefon', 'Sprog'])).toEqual([
      { column: 'Kundenummer', field: 'externalId' },
      { column: 'Navn', field: 'name' },
      { column: 'E-mail', field: 'email' },
      { column: 'Telefon', field: 'phone' },
      { column: 'Sprog', field: 'locale' },
    ]);
  });

  test('English headers fill the purchase fields, whatever their case and punctuation', () => {
    expect(
      matchHeaders('PURCHASES', ['Customer ID', 'AMOUNT', 'currency', 'Date', 'Order_ID']).map((m) => m.field),
    ).toEqual(['customer', 'amount', 'currency', 'occurredAt', 'externalRef']);
  });

  test('Danish purchase headers: Kundenummer, Beløb, Dato', () => {
    expect(matchHeaders('PURCHASES', ['Kundenummer', 'Beløb', 'Dato']).map((m) => m.field)).toEqual([
      'customer',
      'amount',
      'occurredAt',
    ]);
  });

  test('an unknown header and a second column for the same field are ignored', () => {
    expect(matchHeaders('OPENING_BALANCES', ['Kunde', 'Saldo', 'Points', 'Farve'])).toEqual([
      { column: 'Kunde', field: 'customer' },
      { column: 'Saldo', field: 'points' },
      { column: 'Points', field: null },
      { column: 'Farve', field: null },
    ]);
  });
});
