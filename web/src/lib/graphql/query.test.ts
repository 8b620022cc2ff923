import { describe, expect, test } from 'vitest';
import type { Client } from '@urql/core';
import { Query } from './query.svelte';
import { graphql } from './tada';

const CUSTOMER_NAME = graphql(`
  query CustomerName {
    customer(ref: { id: "c1" }) {
      name
    }
  }
`);

/** Answers each query with the next answer: data, or a network failure. */
function fakeClient(answers: ({ customer: { name: string } } | 'fail')[]) {
  let asked = 0;
  return {
    query: () => ({
      toPromise: async () => {
        const answer = answers[asked++];
        return answer === 'fail'
          ? { error: { networkError: new Error('down'), graphQLErrors: [], message: 'down' } }
          : { data: answer };
      },
    }),
  } as unknown as Client;
}

describe('a query’s state', () => {
  test('a refetch that fails shows the error, and nothing of the old answer that would look current', async () => {
    const query = new Query(fakeClient([{ customer: { name: 'Ingrid' } }, 'fail']), CUSTOMER_NAME);
    await query.run();
    expect(query.data).toEqual({ customer: { name: 'Ingrid' } });
    await query.refetch();
    expect(query.error?.kind).toBe('network');
    expect(query.data).toBeNull();
  });

  test('a retry that works clears the error', async () => {
    const query = new Query(fakeClient(['fail', { customer: { name: 'Lars' } }]), CUSTOMER_NAME);
    await query.run();
    expect(query.error?.kind).toBe('network');
    await query.refetch();
    expect(query.error).toBeNull();
    expect(query.data).toEqual({ customer: { name: 'Lars' } });
  });
});
