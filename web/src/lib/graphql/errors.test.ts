import { describe, expect, test } from 'vitest';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { classifyError } from './errors';

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
