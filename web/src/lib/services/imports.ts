// The import page's actions: the dry run (a GraphQL multipart upload, as the spec of Yoga's File
// scalar has it), applying, following the progress, and the failed rows as a file to download.
import { stringifyDocument, type Client } from '@urql/core';
import { mutate, fieldErrorsOf, type Outcome } from '$lib/graphql/mutate';
import { NO_ANSWER } from '$lib/graphql/errors';
import { APPLY_IMPORT, IMPORT_CHANGED, IMPORT_FAILED_ROWS, START_IMPORT } from '$lib/graphql/documents';
import type { ResultOf } from '$lib/graphql/tada';
import type { ColumnMapping, Import, ImportAnalysis, ImportKind } from '$lib/graphql/types';

/** Uploads the file for a dry run; `mapping` absent lets the API match the headers. */
export async function handleStartImport(
  kind: ImportKind,
  file: File,
  mapping?: ColumnMapping[],
): Promise<Outcome<ImportAnalysis>> {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({ query: stringifyDocument(START_IMPORT), variables: { input: { kind, file: null, mapping } } }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', file, file.name);
  let body: { data?: ResultOf<typeof START_IMPORT>; errors?: { message: string }[] };
  try {
    const response = await fetch('/graphql', { method: 'POST', body: form, credentials: 'same-origin' });
    body = await response.json();
  } catch {
    return { ok: false, kind: 'network', message: '', fieldErrors: {} };
  }
  const payload = body.data?.startImport;
  if (!payload) return { ok: false, ...NO_ANSWER, message: body.errors?.[0]?.message ?? '', fieldErrors: {} };
  if ('data' in payload) return { ok: true, data: payload.data };
  return {
    ok: false,
    kind: payload.__typename,
    message: payload.message,
    fieldErrors: 'fieldErrors' in payload ? fieldErrorsOf(payload.fieldErrors) : {},
    error: payload,
  };
}

export function handleApplyImport(client: Client, id: string): Promise<Outcome<Import>> {
  return mutate(client, APPLY_IMPORT, { id }, 'applyImport');
}

/** Calls `onchange` with each batch's progress until the import is APPLIED or FAILED. */
export function followImport(client: Client, id: string, onchange: (state: Import) => void): () => void {
  const { unsubscribe } = client.subscription(IMPORT_CHANGED, { id }).subscribe((result) => {
    if (result.data) onchange(result.data.importChanged);
  });
  return unsubscribe;
}

/** Saves the failed rows, with their "error" column, as a file next to the original's name. */
export async function handleDownloadFailedRows(client: Client, state: Pick<Import, 'id' | 'fileName'>) {
  const result = await client.query(IMPORT_FAILED_ROWS, { id: state.id }).toPromise();
  const node = result.data?.node;
  // `node` may be any Node type; the document selects the CSV only on an Import.
  const csv = node && 'failedRowsCsv' in node ? node.failedRowsCsv : null;
  if (!csv) return false;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  link.download = state.fileName.replace(/(\.csv)?$/i, '-errors.csv');
  link.click();
  URL.revokeObjectURL(link.href);
  return true;
}
