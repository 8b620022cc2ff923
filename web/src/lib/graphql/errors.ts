// What went wrong with a query, in the few kinds a page shows differently.
import type { CombinedError } from '@urql/core';
import type { MessageKey } from '$lib/i18n/translate';

export type QueryErrorKind = 'network' | 'unavailable' | 'forbidden' | 'unauthenticated' | 'noAnswer' | 'failed';

export interface QueryError {
  kind: QueryErrorKind;
  /** What the server said, shown as a detail under the dashboard's own words; empty when nothing was said. */
  message: string;
}

/** An answer with neither data nor errors in it. */
export const NO_ANSWER: QueryError = { kind: 'noAnswer', message: '' };

/** A field or argument the API does not have yet fails validation: the page says "not available yet". */
const UNAVAILABLE = /Cannot query field|Unknown argument|Unknown type|is not defined by type/;

export function classifyError(error: CombinedError): QueryError {
  if (error.networkError && error.graphQLErrors.length === 0)
    return { kind: 'network', message: error.networkError.message };
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  const message = first?.message ?? error.message;
  // The dashboard's own server answers for the API when the API is down.
  if (code === 'API_UNREACHABLE') return { kind: 'network', message };
  if (code === 'GRAPHQL_VALIDATION_FAILED' || UNAVAILABLE.test(message)) return { kind: 'unavailable', message };
  if (code === 'FORBIDDEN') return { kind: 'forbidden', message };
  if (code === 'UNAUTHENTICATED') return { kind: 'unauthenticated', message };
  return { kind: 'failed', message };
}

const WORDS: Partial<Record<string, MessageKey>> = {
  network: 'errors.network',
  unavailable: 'errors.notAvailable',
  forbidden: 'errors.forbidden',
  unauthenticated: 'errors.signInFirst',
  noAnswer: 'errors.noAnswer',
};

/**
 * The catalogue's words for a failure the dashboard recognises by its kind; null for the API's own
 * errors (errors as data, or an error it reported), whose message says what happened.
 */
export function failureKey(kind: string): MessageKey | null {
  return WORDS[kind] ?? null;
}
