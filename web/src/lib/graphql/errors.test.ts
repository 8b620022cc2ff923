import { describe, expect, test } from 'vitest';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { classifyError, failureKey } from './errors';

describe('classifying a query’s error for the page', () => {
  test('a field the API does not have yet is "not available yet"', () => {
    const error = new CombinedError({
      graphQLErrors: [new GraphQLError('Cannot query field "alerts" on type "Query".', { extensions: {} })],
    });
    expect(classifyError(error).kind).toBe('unavailable');
  });

  test('an unreachable server is a network error', () => {
    expect(classifyError(new CombinedError({ networkError: new Error('Failed to fetch') })).kind).toBe('network');
  });

  test('the API’s FORBIDDEN code is kept', () => {
    const error = new CombinedError({
      graphQLErrors: [new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } })],
    });
    expect(classifyError(error).kind).toBe('forbidden');
  });
});

describe('the dashboard’s own words for a failure', () => {
  test('the dashboard’s server answering for an API it cannot reach is a network error', () => {
    const error = new CombinedError({
      graphQLErrors: [new GraphQLError('Dashboardet kan ikke nå API’et.', { extensions: { code: 'API_UNREACHABLE' } })],
    });
    expect(classifyError(error).kind).toBe('network');
  });

  test.each([
    ['network', 'errors.network'],
    ['unavailable', 'errors.notAvailable'],
    ['forbidden', 'errors.forbidden'],
    ['unauthenticated', 'errors.signInFirst'],
    ['noAnswer', 'errors.noAnswer'],
  ])('a %s failure is told in the catalogue’s words (%s)', (kind, key) => {
    expect(failureKey(kind)).toBe(key);
  });

  test('the API’s own errors keep the words the API chose', () => {
    expect(failureKey('failed')).toBeNull();
    expect(failureKey('InsufficientPointsError')).toBeNull();
  });
});
