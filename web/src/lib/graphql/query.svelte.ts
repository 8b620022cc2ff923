// A query's state as runes: data, error and whether it is loading. Runs only in the browser
// (from $effect or an event); the server renders the loading state.
import type { AnyVariables, Client, TypedDocumentNode } from '@urql/core';
import { classifyError, type QueryError } from './errors';

/** A document without required variables may run without any. */
export type VariablesArgument<Variables> =
  Partial<Variables> extends Variables ? [variables?: Variables] : [variables: Variables];

export class Query<Result, Variables extends AnyVariables = AnyVariables> {
  data = $state.raw<Result | null>(null);
  error = $state.raw<QueryError | null>(null);
  fetching = $state(true);
  #latest = 0;
  #arguments = [] as unknown as VariablesArgument<Variables>;

  /** `onAnswer` hears every answer that arrives, a retry's after a failure too. */
  constructor(
    private readonly client: Client,
    private readonly document: TypedDocumentNode<Result, Variables>,
    private readonly onAnswer?: (result: Result) => void,
  ) {}

  /** Fetches with these variables; an older request that answers late is ignored. */
  async run(...args: VariablesArgument<Variables>): Promise<Result | null> {
    this.#arguments = args;
    const request = ++this.#latest;
    this.fetching = true;
    // Without variables the document has none it needs: {} is its Variables.
    const result = await this.client.query(this.document, args[0] ?? ({} as Variables)).toPromise();
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
    if (this.data) this.onAnswer?.(this.data);
    return this.data;
  }

  refetch(): Promise<Result | null> {
    return this.run(...this.#arguments);
  }
}
