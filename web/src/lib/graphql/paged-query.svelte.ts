// A connection's pages as runes: the first page, then more on request, appended. A new run (other
// filters) starts over, and an answer to an older run that comes late is ignored. The API pages
// at most 100 items, so every list longer than that pages.
import type { AnyVariables, Client, TypedDocumentNode } from '@urql/core';
import type { Connection } from './types';
import { NO_ANSWER, classifyError, type QueryError } from './errors';

/** `Result`, `Variables`: the document's; `T`: its connection's node. */
export class PagedQuery<Result, Variables extends AnyVariables, T> {
  items = $state.raw<T[]>([]);
  totalCount = $state(0);
  hasNextPage = $state(false);
  /** Loading the first page. */
  fetching = $state(true);
  loadingMore = $state(false);
  /** Whether any page arrived: until then the page shows a skeleton or the error. */
  loaded = $state(false);
  /** The latest page failed: the page shows the error, not rows that would look current. */
  error = $state.raw<QueryError | null>(null);
  #cursor: string | null = null;
  #variables = {} as Omit<Variables, 'after'>;
  #run = 0;

  constructor(
    private readonly client: Client,
    private readonly document: TypedDocumentNode<Result, Variables>,
    private readonly connectionOf: (data: Result) => Connection<T>,
  ) {}

  /** The first page with these variables; what was shown stays until it arrives. */
  async run(variables: Omit<Variables, 'after'>): Promise<void> {
    this.#variables = variables;
    const run = ++this.#run;
    this.fetching = true;
    const page = await this.#fetch(null);
    if (run !== this.#run) return;
    this.fetching = false;
    if (!page) return;
    this.items = page.edges.map((edge) => edge.node);
    this.#take(page);
  }

  refetch(): Promise<void> {
    return this.run(this.#variables);
  }

  /** The next page, appended; returns whether it came. */
  async more(): Promise<boolean> {
    if (!this.hasNextPage || this.loadingMore) return false;
    const run = this.#run;
    this.loadingMore = true;
    const page = await this.#fetch(this.#cursor);
    this.loadingMore = false;
    if (run !== this.#run || !page) return false;
    this.items = [...this.items, ...page.edges.map((edge) => edge.node)];
    this.#take(page);
    return true;
  }

  async #fetch(after: string | null): Promise<Connection<T> | null> {
    // Omit<> loses that `after` is all the spread adds.
    const variables = { ...this.#variables, after } as unknown as Variables;
    const result = await this.client.query(this.document, variables).toPromise();
    if (result.error || !result.data) {
      this.error = result.error ? classifyError(result.error) : NO_ANSWER;
      return null;
    }
    this.error = null;
    return this.connectionOf(result.data);
  }

  #take(page: Connection<T>): void {
    this.#cursor = page.pageInfo.endCursor;
    this.hasNextPage = page.pageInfo.hasNextPage;
    this.totalCount = page.totalCount;
    this.loaded = true;
  }
}
