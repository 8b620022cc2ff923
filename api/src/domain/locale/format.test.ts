import { describe, expect, it } from 'vitest';
import type { Locale } from '../types.ts';
import { formatterFor } from './format.ts';

const january3 = '2026-01-03T00:00:00.000Z';
const march2 = new Date('2026-03-02T14:05:00.000Z');

describe('money from minor units', () => {
  it.each<[Locale, number, string, string]>([
    ['EN', 120000, 'DKK', '1,200.00 DKK'],
    ['DA', 120000, 'DKK', '1.200,00 kr.'],
    ['SV', 120000, 'SEK', '1 200,00 kr'],
    ['NB', 120000, 'NOK', '1 200,00 kr'],
    ['SV', 120000, 'DKK', '1 200,00 Dkr'],
    ['NB', 120000, 'DKK', '1 200,00 DKK'],
    ['DA', 120000, 'EUR', '1.200,00 €'],
    ['EN', 120000, 'EUR', '1,200.00 EUR'],
    ['EN', 5, 'DKK', '0.05 DKK'],
    ['EN', 1200, 'JPY', '1,200 JPY'],
    ['DA', 1234567, 'KWD', '1.234,567 KWD'],
    ['EN', 120000, 'dkk', '1,200.00 DKK'],
    ['DA', 120000, 'DK', '1.200 DK'],
  ])('in %s, %i minor units of %s read %j', (locale, amountMinor, currency, expected) => {
    expect(formatterFor(locale).money(amountMinor, currency)).toBe(expected);
  });

  it.each<[Locale, number, string, string]>([
    ['EN', 10, 'DKK', '10 DKK'],
    ['DA', 10, 'DKK', '10 kr.'],
    ['SV', 10, 'SEK', '10 kr'],
    ['NB', 10, 'NOK', '10 kr'],
    ['EN', 1, 'EUR', '1 EUR'],
  ])('in %s, a rate of %i whole %s reads %j', (locale, units, currency, expected) => {
    expect(formatterFor(locale).wholeMoney(units, currency)).toBe(expected);
  });
});

describe('dates, in UTC', () => {
  it.each<[Locale, string, string, string]>([
    ['EN', '3 Jan 2026', '2 Mar', '2 Mar 2026, 14:05 UTC'],
    ['DA', '3. jan. 2026', '2. mar.', '2. mar. 2026, 14.05 UTC'],
    ['SV', '3 jan. 2026', '2 mars', '2 mars 2026 14:05 UTC'],
    ['NB', '3. jan. 2026', '2. mars', '2. mars 2026, 14:05 UTC'],
  ])('in %s a date reads %j, a day %j and a moment %j', (locale, date, dayMonth, dateTime) => {
    const format = formatterFor(locale);
    expect(format.date(january3)).toBe(date);
    expect(format.dayMonth(march2)).toBe(dayMonth);
    expect(format.dateTime(march2)).toBe(dateTime);
  });

  it('a moment just before midnight UTC stays on its UTC day', () => {
    expect(formatterFor('EN').date('2026-01-03T23:59:59.999Z')).toBe('3 Jan 2026');
  });

  it('something that is not a date is refused rather than shown as "Invalid Date"', () => {
    expect(() => formatterFor('EN').date('soon')).toThrow(RangeError);
  });
});

describe('numbers, lists and plurals', () => {
  it.each<[Locale, string, string, string, string]>([
    ['EN', '1,234,567', '+50', '-1,500', 'a, b and c'],
    ['DA', '1.234.567', '+50', '-1.500', 'a, b og c'],
    ['SV', '1 234 567', '+50', '−1 500', 'a, b och c'],
    ['NB', '1 234 567', '+50', '−1 500', 'a, b og c'],
  ])('in %s: %j, %j, %j, %j', (locale, number, plus, minus, list) => {
    const format = formatterFor(locale);
    expect(format.number(1234567)).toBe(number);
    expect(format.signed(50)).toBe(plus);
    expect(format.signed(-1500)).toBe(minus);
    expect(format.list(['a', 'b', 'c'])).toBe(list);
  });

  it.each<[Locale, string]>([
    ['EN', '60%'],
    ['DA', '60 %'],
    ['SV', '60 %'],
    ['NB', '60 %'],
  ])('a percentage reads, in %s, %j', (locale, expected) => {
    expect(formatterFor(locale).percent(60)).toBe(expected);
  });

  it.each([
    [1, 'point'],
    [0, 'points'],
    [2, 'points'],
  ])('%i takes the form %j in English', (count, expected) => {
    expect(formatterFor('EN').plural(count, { one: 'point', other: 'points' })).toBe(expected);
  });

  it.each<[Locale, string]>([
    ['EN', '“Hi”'],
    ['DA', '»Hi«'],
    ['SV', '”Hi”'],
    ['NB', '«Hi»'],
  ])('%s quotes as %s', (locale, expected) => {
    expect(formatterFor(locale).quote('Hi')).toBe(expected);
  });
});
