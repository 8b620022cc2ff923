import { describe, expect, test } from 'vitest';
import { toMajor, toMinor } from './money';

describe('money typed by a person', () => {
  test('an amount in kroner, with a dot or a Danish comma, becomes øre', () => {
    expect(toMinor('150', 'DKK')).toBe(15000);
    expect(toMinor('150.5', 'DKK')).toBe(15050);
    expect(toMinor('1 200,50', 'DKK')).toBe(120050);
  });

  test('a currency without decimals keeps whole units', () => {
    expect(toMinor('1500', 'JPY')).toBe(1500);
    expect(toMajor(1500, 'JPY')).toBe('1500');
  });

  test('what is not an amount is null, for the API to explain', () => {
    expect(toMinor('', 'DKK')).toBeNull();
    expect(toMinor('ten', 'DKK')).toBeNull();
  });

  test('minor units show as an amount to edit', () => {
    expect(toMajor(120050, 'DKK')).toBe('1200.50');
  });
});
