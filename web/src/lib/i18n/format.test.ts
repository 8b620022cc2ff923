import { describe, expect, test } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPercent,
} from './format';

// Intl separates some parts with no-break spaces; compare with plain ones.
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('formatting for the dashboard’s language', () => {
  test.each([
    ['da', 120000, 'DKK', '1.200,00 kr.'],
    ['en', 120000, 'DKK', '1,200.00 DKK'],
    ['da', 4995, 'EUR', '49,95 €'],
    ['en', 4995, 'EUR', '49.95 EUR'],
    ['en', 150, 'JPY', '150 JPY'],
    ['da', -2550, 'SEK', '-25,50 SEK'],
  ] as const)('money in minor units (%s): %i %s is "%s"', (lang, amount, currency, expected) => {
    expect(plain(formatMoney(amount, currency, lang))).toBe(expected);
  });

  test('without a time zone, dates are the API’s UTC days whatever the machine’s zone', () => {
    expect(formatDate('2026-01-03T23:30:00Z', 'en')).toBe('3 Jan 2026');
    expect(formatDate('2026-01-03T23:30:00Z', 'da')).toBe('3. jan. 2026');
  });

  test('a moment is shown in the reader’s time zone', () => {
    expect(formatDate('2026-01-03T23:30:00Z', 'da', 'Europe/Copenhagen')).toBe('4. jan. 2026');
    expect(plain(formatDateTime('2026-01-03T23:30:00Z', 'da', 'Europe/Copenhagen'))).toBe('4. jan. 2026, 00.30');
    expect(plain(formatDateTime('2026-07-03T10:05:00Z', 'en', 'Europe/Copenhagen'))).toBe('3 Jul 2026, 12:05');
    expect(plain(formatDateTime('2026-01-03T10:05:00Z', 'en', 'America/New_York'))).toBe('3 Jan 2026, 05:05');
  });

  test('chart axes show day and month', () => {
    expect(formatDayMonth('2026-09-13T00:00:00Z', 'en')).toBe('13 Sept');
    expect(formatDayMonth('2026-09-13T00:00:00Z', 'da')).toBe('13. sep.');
  });

  test('date and time use each language’s separators', () => {
    expect(plain(formatDateTime('2026-01-03T10:05:00Z', 'en'))).toBe('3 Jan 2026, 10:05');
    expect(plain(formatDateTime('2026-01-03T10:05:00Z', 'da'))).toBe('3. jan. 2026, 10.05');
  });

  test('numbers group thousands per language', () => {
    expect(formatNumber(1200, 'en')).toBe('1,200');
    expect(formatNumber(1200, 'da')).toBe('1.200');
    expect(formatNumber(42.5, 'da', 1)).toBe('42,5');
  });

  test('percentages', () => {
    expect(formatPercent(0.423, 'en')).toBe('42%');
    expect(plain(formatPercent(0.423, 'da'))).toBe('42 %');
  });

  test('durations show hours and minutes with their units, days beyond two days', () => {
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000, 'en')).toBe('2 h 5 min');
    expect(formatDuration(45 * 3_600_000, 'da')).toBe('45 t. 0 min.');
    expect(formatDuration(-(45 * 60_000), 'da')).toBe('45 min.');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000, 'en')).toBe('3 d 4 h');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000, 'da')).toBe('3 d. 4 t.');
  });
});
