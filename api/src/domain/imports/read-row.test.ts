import { describe, expect, test } from 'vitest';
import { readRow, type RowConventions } from './read-row.ts';

const danish: RowConventions = {
  decimalSeparator: ',',
  currencies: ['DKK', 'EUR'],
  now: new Date('2026-03-01T12:00:00Z'),
  skewMs: 5 * 60_000,
};

describe('readRow', () => {
  test('a Danish purchase row: decimal comma, day-first date, the default currency', () => {
    expect(readRow('PURCHASES', { customer: 'K-1', amount: '1.234,50', occurredAt: '03-01-2026' }, danish)).toEqual({
      data: {
        customer: 'K-1',
        amountMinor: 123450,
        currency: 'DKK',
        occurredAt: '2026-01-03T12:00:00.000Z',
        externalRef: null,
      },
      problems: [],
    });
  });

  test('a customer row reports every problem with its field', () => {
    expect(readRow('CUSTOMERS', { externalId: '', name: 'Mette', email: 'mette@', locale: 'klingon' }, danish)).toEqual(
      {
        data: null,
        problems: [
          { field: 'externalId', message: 'Must not be empty.' },
          { field: 'email', message: '"mette@" is not an email address.' },
          { field: 'locale', message: '"klingon" is not one of DA, SV, NB, EN.' },
        ],
      },
    );
  });

  test('a NUL byte in a cell is a problem of that field', () => {
    expect(readRow('CUSTOMERS', { externalId: 'K-1', name: 'Me\u0000tte' }, danish).problems).toEqual([
      { field: 'name', message: 'Contains a NUL character.' },
    ]);
  });

  test('an opening balance is a whole number of points, Danish thousands included', () => {
    expect(readRow('OPENING_BALANCES', { customer: 'K-1', points: '1.250' }, danish).data).toEqual({
      customer: 'K-1',
      points: 1250,
      occurredAt: null,
    });
    expect(readRow('OPENING_BALANCES', { customer: 'K-1', points: '12,5' }, danish).problems).toEqual([
      { field: 'points', message: '"12,5" is not a whole number of points from 1 to 10000000.' },
    ]);
  });

  test('an interaction reads its kinds in any case, and Danish yes', () => {
    expect(
      readRow(
        'INTERACTIONS',
        { customer: 'K-1', channel: 'phone', direction: 'Inbound', kind: 'check-in', personal: 'ja' },
        danish,
      ).data,
    ).toEqual({
      customer: 'K-1',
      channel: 'PHONE',
      direction: 'INBOUND',
      kind: 'CHECK_IN',
      personal: true,
      occurredAt: null,
      note: null,
    });
  });

  test('a purchase in the future or in a currency the program does not earn in is refused', () => {
    expect(
      readRow('PURCHASES', { customer: 'K-1', amount: '10', currency: 'usd', occurredAt: '2026-04-01' }, danish)
        .problems,
    ).toEqual([
      { field: 'currency', message: 'USD is not accepted; use one of DKK, EUR.' },
      { field: 'occurredAt', message: 'Must not be in the future.' },
    ]);
  });
});
