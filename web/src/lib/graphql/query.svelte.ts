// A query's state as runes: data, error and whether it is loading. Runs only in the browser
// (from $effect or an event); the server renders the loading state.
import type { Client } from '@urql/core';
import { classifyError, type QueryError } from './errors';

export class Query<T, V extends Record<string, unknown> = Record<string, unknown>> {
  data = $state.raw<T | null>(null);
  error = $state.raw<QueryError | null>(null);
  fetching = $state(true);
  #latest = 0;
  #variables: V | undefined;

  constructor(
    private readonly client: Client,
    private readonly document: string,
  ) {}

  /** Fetches with these variables; an older request that answers late is ignored. */
  async run(variables?: V): Promise<T | null> {
    this.#variables = variables;
    const request = ++this.#latest;
    this.fetching = true;
    const result = await this.client.query<T>(this.document, variables ?? {}).toPromise();
    if (request !== this.#latest) return this.data;
    this.fetching = false;
    if (result.error) {
      this.error = classifyError(result.error);
      // A failed refetch leaves nothing behind that would look current.
      this.data = result.data ?? null;
      return null;
    }
    this.error = null;
    this.data = result.data ?? null;
    return this.data;
  }

  refetch(): Promise<T | null> {
    return this.run(this.#variables);
  }
}
