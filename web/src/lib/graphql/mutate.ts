// Runs a mutation whose result is the contract's union of a Success type and errors as data, and
// turns it into what a form shows: the data, or a message and errors per field.
import type { AnyVariables, Client, TypedDocumentNode } from '@urql/core';
import type { FieldError, SuccessOf } from './types';
import { NO_ANSWER, classifyError } from './errors';

/** What a mutation document selects of its result union: the Success's data, or ...ErrorFields. */
type Payload =
  { __typename: string; data: unknown } | { __typename: string; message: string; fieldErrors?: FieldError[] };

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

/** `field`: the mutation's field in the document, whose result is the union. */
export async function mutate<
  Result extends { [Key in Field]: Payload | null },
  Variables extends AnyVariables,
  Field extends string,
>(
  client: Client,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  field: Field,
): Promise<Outcome<SuccessOf<Result[Field]>>> {
  const result = await client.mutation(document, variables).toPromise();
  if (result.error) return { ok: false, ...classifyError(result.error), fieldErrors: {} };
  const payload: Payload | null | undefined = result.data?.[field];
  if (!payload) return { ok: false, ...NO_ANSWER, fieldErrors: {} };
  // The data of the Success type this document selects: Payload only widened it to unknown.
  if ('data' in payload) return { ok: true, data: payload.data as SuccessOf<Result[Field]> };
  return {
    ok: false,
    kind: payload.__typename,
    message: payload.message,
    fieldErrors: payload.fieldErrors ? fieldErrorsOf(payload.fieldErrors) : {},
    error: payload,
  };
}
