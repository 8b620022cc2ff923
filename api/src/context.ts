// One context for HTTP requests and graphql-ws connections alike: who is calling, and a request
// id for the logs. Credentials come from the Authorization header, or over a WebSocket from
// connection_init's `authorization` parameter (there is no fetch request there).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { Caller } from './auth/caller.ts';
import { authenticate } from './auth/authenticate.ts';
import type { Locale } from './domain/types.ts';
import { organizationSettings } from './services/organization-settings.service.ts';
import { shared } from './shared.ts';
import type { RequestKey } from './services/idempotency.service.ts';

export interface Context {
  caller: Caller;
  requestId: string;
  /** The address the request came from, as far as it can be told: for the sign-in throttle. */
  clientAddress: string;
  /** The reader's language, once known; `readerLocaleLookup` while it is being looked up. */
  readerLocale?: Locale;
  readerLocaleLookup?: Promise<Locale>;
  /** Set when this mutation's idempotency key was used before with other input. */
  idempotencyConflict?: boolean;
  /** This mutation's idempotency key, for the write that is its effect to claim. */
  requestKey?: RequestKey;
}

export interface ContextSource {
  request?: Request;
  connectionParams?: Record<string, unknown>;
  /** An HTTP request's id (the caller's x-request-id, or one made for it); a new one otherwise. */
  requestId?: string;
  /** Node's request, when Yoga is served by the HTTP server: its socket knows the peer. */
  req?: IncomingMessage;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The peer's address; behind a proxy on this host (the dashboard's server, a local reverse proxy)
 * the address that proxy saw, which it appends to X-Forwarded-For. Anyone else's X-Forwarded-For
 * is their own claim and is ignored.
 */
export function clientAddressOf(source: ContextSource): string {
  const peer = source.req?.socket.remoteAddress;
  if (!peer) return 'unknown';
  const forwarded = source.request?.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return LOOPBACK.has(peer) && forwarded && isIP(forwarded) ? forwarded : peer;
}

/**
 * Staff read in their own language; partners in their organization's default. Known at once for
 * staff and, after the first lookup, for partners: a subscription renders every event without
 * waiting.
 */
export function readerLocale(context: Context): Locale | Promise<Locale> {
  const { caller } = context;
  if (context.readerLocale) return context.readerLocale;
  if (caller.kind === 'user') return (context.readerLocale = caller.locale);
  if (caller.kind === 'anonymous') return 'EN';
  // Every partner board of an organization asks at once when an event fans out: ask once.
  context.readerLocaleLookup ??= shared(`default-locale:${caller.organizationId}`, () =>
    organizationSettings(caller).then((settings) => settings.defaultLocale),
  ).then((locale) => (context.readerLocale = locale));
  return context.readerLocaleLookup;
}

export function credentialsOf(source: ContextSource): string | undefined {
  const header = source.request?.headers.get('authorization');
  if (header) return header;
  const param = source.connectionParams?.authorization;
  return typeof param === 'string' ? param : undefined;
}

export async function createContext(source: ContextSource): Promise<Context> {
  return {
    caller: await authenticate(credentialsOf(source)),
    requestId: source.requestId ?? randomUUID(),
    clientAddress: clientAddressOf(source),
  };
}
