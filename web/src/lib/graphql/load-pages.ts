// Queries for a SvelteKit `load`: the view (filters, sort, how many pages) comes from the address,
// so a reload, Back or a shared link loads the same rows. Requests go through the dashboard's own
// /graphql with the load's `fetch`, which carries the session on the server too.
import { Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { classifyError, NO_ANSWER, type QueryError } from './errors';
import type { Connection } from './types';

/** The API pages at most 100 items a request. */
const API_PAGE = 100;

export type Loaded<T> = { data: T; error: null } | { data: null; error: QueryError };

export interface LoadedPages<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  /** Set when a page failed: the page shows the error, not rows that would look current. */
  error: QueryError | null;
}

// POST like the dashboard's other requests (urql would send a short query as a GET).
const clientFor = (fetcher: typeof fetch) =>
  new Client({
    url: '/graphql',
    exchanges: [fetchExchange],
    fetch: fetcher,
    requestPolicy: 'network-only',
    preferGetMethod: false,
  });

export async function loadQuery<Result, Variables extends AnyVariables>(
  fetcher: typeof fetch,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  client = clientFor(fetcher),
): Promise<Loaded<Result>> {
  const result = await client.query(document, variables).toPromise();
  if (result.error || !result.data)
    return { data: null, error: result.error ? classifyError(result.error) : NO_ANSWER };
  return { data: result.data, error: null };
}

/** The first `count` items of a connection, in as few requests as the API's page size allows. */
export async function loadPages<Result, Variables extends AnyVariables, T>(
  fetcher: typeof fetch,
  document: TypedDocumentNode<Result, Variables>,
  variables: Omit<Variables, 'first' | 'after'>,
  connectionOf: (data: Result) => Connection<T>,
  count: number,
): Promise<LoadedPages<T>> {
  const client = clientFor(fetcher);
  const items: T[] = [];
  let after: string | null = null;
  for (;;) {
    const first = Math.min(API_PAGE, count - items.length);
    // Omit<> loses that `first` and `after` are all the spread adds.
    const pageVariables = { ...variables, first, after } as unknown as Variables;
    const result = await loadQuery(fetcher, document, pageVariables, client);
    if (result.error) return { items: [], totalCount: 0, hasNextPage: false, error: result.error };
    const page = connectionOf(result.data);
    items.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage || items.length >= count) {
      return { items, totalCount: page.totalCount, hasNextPage: page.pageInfo.hasNextPage, error: null };
    }
  }
}
