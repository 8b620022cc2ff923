// Runs a mutation whose result is the contract's union of a Success type and errors as data, and
// turns it into what a form shows: the data, or a message and errors per field.
import type { Client } from '@urql/core';
import type { FieldError, MutationResult } from './types';
import { NO_ANSWER, classifyError } from './errors';

export type Outcome<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** The API's error type (`InsufficientPointsError`), or a QueryErrorKind when no such answer came back. */
      kind: string;
      message: string;
      fieldErrors: Record<string, string>;
      error?: unknown;
    };

/** ['input', 'amount', 'amountMinor'] → 'amount.amountMinor': the form's field name. */
export function fieldKey(path: string[]): string {
  return (path[0] === 'input' ? path.slice(1) : path).join('.');
}

export function fieldErrorsOf(errors: FieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const error of errors) map[fieldKey(error.path)] ??= error.message;
  return map;
}

export async function mutate<T>(
  client: Client,
  document: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<Outcome<T>> {
  const result = await client.mutation<Record<string, MutationResult<T>>>(document, variables).toPromise();
  if (result.error) return { ok: false, ...classifyError(result.error), fieldErrors: {} };
  const payload = result.data?.[field];
  if (!payload) return { ok: false, ...NO_ANSWER, fieldErrors: {} };
  if ('data' in payload) return { ok: true, data: payload.data };
  return {
    ok: false,
    kind: payload.__typename,
    message: payload.message,
    fieldErrors: payload.__typename === 'ValidationError' ? fieldErrorsOf(payload.fieldErrors) : {},
    error: payload,
  };
}
