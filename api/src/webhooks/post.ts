// One webhook POST. The host is resolved once, every address it resolves to is checked, and the
// socket connects to the address that was checked (the lookup below is the connection's own), so
// a name that resolves differently a moment later cannot reach an internal service. Redirects
// are not followed (node:http never does): a 3xx is a failed attempt.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { isPublicAddress } from '../domain/webhooks/public-address.ts';

/** What the log keeps of an answer. */
const KEPT_BYTES = 1024;
/** An answer longer than this is not read further. */
const READ_BYTES = 64 * 1024;

export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

export interface PostResult {
  /** When the attempt started, by this machine's clock: it happened on the network, not in the business's time. */
  at: Date;
  statusCode: number | null;
  durationMs: number;
  response: string | null;
  error: string | null;
  retryAfter: string | undefined;
}

// Keep-alive: a receiver that answers many deliveries is not asked for a new connection each time.
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

function refusal(host: string, address: string): RefusedAddressError {
  return new RefusedAddressError(`${host} resolves to ${address}, an internal address webhooks may not reach`);
}

/** Resolves `host` and checks every address it has; the answer is what the socket connects to. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (host, options, callback) => {
    dnsLookup(host, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
      if (refused) return callback(refusal(host, refused.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** The addresses `url`'s host resolves to that webhooks may not reach (empty when it may be used). */
export async function refusedAddresses(url: URL): Promise<string[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [host]
    : await new Promise<string[]>((resolve, reject) =>
        dnsLookup(host, { all: true }, (error, found) =>
          error ? reject(error) : resolve(found.map((entry) => entry.address)),
        ),
      );
  return addresses.filter((address) => !isPublicAddress(address));
}

export function postWebhook(options: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivate: boolean;
  signal?: AbortSignal;
}): Promise<PostResult> {
  const at = new Date();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failed = (error: string): PostResult => ({
    at,
    statusCode: null,
    durationMs: elapsed(),
    response: null,
    error,
    retryAfter: undefined,
  });
  const url = new URL(options.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address in the URL is connected to without a lookup: check it here.
  if (!options.allowPrivate && isIP(host) && !isPublicAddress(host)) {
    return Promise.resolve(failed(refusal(host, host).message));
  }
  const body = Buffer.from(options.body);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const secure = url.protocol === 'https:';
    const request = (secure ? https : http).request(
      url,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        lookup: guardedLookup(options.allowPrivate),
        signal: options.signal,
        headers: { ...options.headers, 'content-type': 'application/json', 'content-length': String(body.length) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read <= READ_BYTES) chunks.push(chunk);
          else response.destroy();
        });
        const finish = () =>
          settle({
            at,
            statusCode: response.statusCode ?? null,
            durationMs: elapsed(),
            response: Buffer.concat(chunks).subarray(0, KEPT_BYTES).toString('utf8'),
            error: null,
            retryAfter: response.headers['retry-after'],
          });
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      settle(failed(`no answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    request.on('error', (error) => settle(failed(error.message)));
    request.end(body);
  });
}
