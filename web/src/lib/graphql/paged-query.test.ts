import { describe, expect, test } from 'vitest';
import { gql, type Client, type TypedDocumentNode } from '@urql/core';
import { PagedQuery } from './paged-query.svelte';
import type { Connection } from './types';
import type { VariablesOf } from './tada';

type Item = { id: string };
const page = (ids: string[], next: string | null, totalCount = 5): { things: Connection<Item> } => ({
  things: {
    edges: ids.map((id) => ({ cursor: id, node: { id } })),
    pageInfo: { hasNextPage: next !== null, endCursor: next },
    totalCount,
  },
});

/** A document of the fake schema below: the client never sends it. */
const THINGS: TypedDocumentNode<
  ReturnType<typeof page>,
  { first?: number; after?: string | null; search?: string }
> = gql`
  query Things($first: Int, $after: String, $search: String) {
    things(first: $first, after: $after, search: $search) {
      totalCount
    }
  }
`;

/** Answers each call with the next of `answers` once `release(n)` lets the n-th call finish. */
function fakeClient(answers: (ReturnType<typeof page> | 'fail')[]) {
  const asked: Record<string, unknown>[] = [];
  const waiting: (() => void)[] = [];
  const client = {
    query: (_document: unknown, variables: Record<string, unknown>) => {
      const index = asked.push(variables) - 1;
      return {
        toPromise: () =>
          new Promise((resolve) => {
            waiting[index] = () => {
              const answer = answers[index];
              resolve(
                answer === 'fail'
                  ? { error: { networkError: new Error('down'), graphQLErrors: [], message: 'down' } }
                  : { data: answer },
              );
            };
          }),
      };
    },
  } as unknown as Client;
  const release = async (index: number) => {
    while (!waiting[index]) await Promise.resolve();
    waiting[index]();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { client, asked, release };
}

const ids = (query: PagedQuery<ReturnType<typeof page>, VariablesOf<typeof THINGS>, Item>) =>
  query.items.map((item) => item.id);

describe('a paged list', () => {
  test('loads the first page, then appends the next one from where the first ended', async () => {
    const { client, asked, release } = fakeClient([page(['a', 'b'], 'b'), page(['c'], null)]);
    const query = new PagedQuery(client, THINGS, (data) => data.things);
    const first = query.run({ first: 2 });
    await release(0);
    await first;
    expect(ids(query)).toEqual(['a', 'b']);
    expect(query.hasNextPage).toBe(true);
    expect(query.totalCount).toBe(5);
    const more = query.more();
    await release(1);
    expect(await more).toBe(true);
    expect(ids(query)).toEqual(['a', 'b', 'c']);
    expect(asked[1]).toEqual({ first: 2, after: 'b' });
    expect(query.hasNextPage).toBe(false);
  });

  test('a new run starts over, and a page of the old run arriving late is dropped', async () => {
    const { client, release } = fakeClient([page(['a'], 'a'), page(['stale'], null), page(['x'], null)]);
    const query = new PagedQuery(client, THINGS, (data) => data.things);
    const first = query.run({ search: '' });
    await release(0);
    await first;
    const more = query.more();
    const second = query.run({ search: 'x' });
    await release(2);
    await second;
    await release(1);
    expect(await more).toBe(false);
    expect(ids(query)).toEqual(['x']);
  });

  test('a failed page keeps what was shown and says what went wrong', async () => {
    const { client, release } = fakeClient([page(['a'], 'a'), 'fail']);
    const query = new PagedQuery(client, THINGS, (data) => data.things);
    const first = query.run({});
    await release(0);
    await first;
    const more = query.more();
    await release(1);
    expect(await more).toBe(false);
    expect(ids(query)).toEqual(['a']);
    expect(query.error?.kind).toBe('network');
    expect(query.hasNextPage).toBe(true);
  });
});
