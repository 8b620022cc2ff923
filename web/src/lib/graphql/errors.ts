// What went wrong with a query, in the few kinds a page shows differently.
import type { CombinedError } from '@urql/core';

export type QueryErrorKind = 'network' | 'unavailable' | 'forbidden' | 'unauthenticated' | 'failed';

export interface QueryError {
  kind: QueryErrorKind;
  message: string;
}

/** A field or argument the API does not have yet fails validation: the page says "not available yet". */
const UNAVAILABLE = /Cannot query field|Unknown argument|Unknown type|is not defined by type/;

export function classifyError(error: CombinedError): QueryError {
  if (error.networkError && error.graphQLErrors.length === 0)
    return { kind: 'network', message: error.networkError.message };
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  const message = first?.message ?? error.message;
  if (code === 'GRAPHQL_VALIDATION_FAILED' || UNAVAILABLE.test(message)) return { kind: 'unavailable', message };
  if (code === 'FORBIDDEN') return { kind: 'forbidden', message };
  if (code === 'UNAUTHENTICATED') return { kind: 'unauthenticated', message };
  return { kind: 'failed', message };
}
