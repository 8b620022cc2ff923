import { describe, expect, test } from 'vitest';
import { fieldErrorsOf, fieldKey } from './mutate';

describe('validation errors at their fields', () => {
  test('a path under the input argument names the form field', () => {
    expect(fieldKey(['input', 'delta'])).toBe('delta');
    expect(fieldKey(['input', 'amount', 'amountMinor'])).toBe('amount.amountMinor');
    expect(fieldKey(['id'])).toBe('id');
  });

  test('the first message per field is kept', () => {
    expect(
      fieldErrorsOf([
        { path: ['input', 'reason'], message: 'Say why.' },
        { path: ['input', 'reason'], message: 'Too long.' },
        { path: ['input', 'delta'], message: 'Not zero.' },
      ]),
    ).toEqual({ reason: 'Say why.', delta: 'Not zero.' });
  });
});
