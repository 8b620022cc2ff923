// The first pages of a connection for a SvelteKit `load`: the view (filters, sort, how many pages)
// comes from the address, so a reload, Back or a shared link loads the same rows. Pages go through
// the dashboard's own /graphql with the load's `fetch`, which carries the session on the server too.
import { Client, fetchExchange } from '@urql/core';
import { classifyError, NO_ANSWER, type QueryError } from './errors';
import type { Connection } from './types';

/** The API pages at most 100 items a request. */
const API_PAGE = 100;

export interface LoadedPages<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  /** Set when a page failed: the page shows the error, not rows that would look current. */
  error: QueryError | null;
}

export async function loadPages<T>(
  fetcher: typeof fetch,
  document: string,
  variables: Record<string, unknown>,
  connectionOf: (data: never) => Connection<T>,
  count: number,
): Promise<LoadedPages<T>> {
  const client = new Client({
    url: '/graphql',
    exchanges: [fetchExchange],
    fetch: fetcher,
    requestPolicy: 'network-only',
  });
  const items: T[] = [];
  let after: string | null = null;
  for (;;) {
    const first = Math.min(API_PAGE, count - items.length);
    const result = await client.query(document, { ...variables, first, after }).toPromise();
    if (result.error || !result.data) {
      return {
        items: [],
        totalCount: 0,
        hasNextPage: false,
        error: result.error ? classifyError(result.error) : NO_ANSWER,
      };
    }
    const page = connectionOf(result.data as never);
    items.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage || items.length >= count) {
      return { items, totalCount: page.totalCount, hasNextPage: page.pageInfo.hasNextPage, error: null };
    }
  }
}
