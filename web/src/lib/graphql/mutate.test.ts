import { describe, expect, test } from 'vitest';
import type { Client } from '@urql/core';
import { fieldErrorsOf, fieldKey, mutate } from './mutate';
import { ACKNOWLEDGE_ALERT, ADJUST_POINTS } from './documents';

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

describe('a mutation’s outcome', () => {
  const answering = (data: unknown) =>
    ({ mutation: () => ({ toPromise: async () => ({ data }) }) }) as unknown as Client;

  test('an answer without the mutation’s field is "no answer", for the dashboard to word', async () => {
    expect(await mutate(answering({}), ACKNOWLEDGE_ALERT, { id: 'a1' }, 'acknowledgeAlert')).toEqual({
      ok: false,
      kind: 'noAnswer',
      message: '',
      fieldErrors: {},
    });
  });

  test('a validation error names its fields by the form’s names', async () => {
    const payload = {
      __typename: 'ValidationError',
      message: 'The input is invalid.',
      fieldErrors: [{ path: ['input', 'reason'], message: 'Say why.' }],
    };
    expect(
      await mutate(
        answering({ adjustPoints: payload }),
        ADJUST_POINTS,
        { input: { customer: { id: 'c1' }, delta: 0, reason: '' } },
        'adjustPoints',
      ),
    ).toMatchObject({
      ok: false,
      kind: 'ValidationError',
      fieldErrors: { reason: 'Say why.' },
    });
  });
});
