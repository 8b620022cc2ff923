// GET /export/<kind>.csv: the same bearer credential as GraphQL, the reader's rights checked,
// rows streamed from the database as the client reads them (backpressure through pipeline).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { AuthenticationError, authenticate } from './auth/authenticate.ts';
import { EXPORT_ACCESS, permits } from './auth/access.ts';
import { EXPORT_KINDS, exportRows, type ExportKind } from './services/export.service.ts';
import type { Logger } from './log.ts';

const ROUTE = /^\/export\/([a-z]+)\.csv(?:\?(.*))?$/;

/** Whether this request is an export's; answers it if so. */
export async function handleExport(request: IncomingMessage, response: ServerResponse, log: Logger): Promise<boolean> {
  const match = ROUTE.exec(request.url ?? '');
  if (!match) return false;
  const kind = match[1] as ExportKind;
  const answer = (status: number, message: string) =>
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: message }));
  if (request.method !== 'GET') return (answer(405, 'Exports are read with GET.'), true);
  if (!EXPORT_KINDS.includes(kind)) return (answer(404, `No such export; there are ${EXPORT_KINDS.join(', ')}.`), true);
  let caller;
  try {
    caller = await authenticate(request.headers.authorization);
  } catch (error) {
    if (error instanceof AuthenticationError) return (answer(401, error.message), true);
    throw error;
  }
  if (caller.kind === 'anonymous')
    return (answer(401, 'Authentication required: send Authorization: Bearer <session token or API key>.'), true);
  if (!permits(caller, EXPORT_ACCESS[kind]))
    return (answer(403, 'You are not allowed to read this data: your role or key scopes do not include it.'), true);
  const language = new URLSearchParams(match[2] ?? '').get('lang') === 'da' ? 'da' : 'en';
  response.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${kind}.csv"`,
  });
  try {
    await pipeline(Readable.from(exportRows(caller, kind, language)), stringify(), response);
  } catch (error) {
    // The client went away, or the database failed mid-stream: the response is cut short.
    log.warn('export ended early', { kind, error: String(error) });
    response.destroy();
  }
  return true;
}
