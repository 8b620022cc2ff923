// Real graphql-ws and SSE clients against a running API, for subscription tests.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { db, runtime } from '../../api/src/runtime.ts';

export interface SocketClient {
  client: Client;
  /** Resolves once the server accepted connection_init. */
  connected: Promise<void>;
  /** Resolves with the close code once the socket closes. */
  closed: Promise<number>;
}

export function socketClient(url: string, authorization?: string): SocketClient {
  let resolveClosed: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => (resolveClosed = resolve));
  let resolveConnected: () => void = () => {};
  const connected = new Promise<void>((resolve) => (resolveConnected = resolve));
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {}, // the test reads the close code instead
    on: {
      connected: () => resolveConnected(),
      closed: (event) => resolveClosed((event as { code: number }).code),
    },
  });
  return { client, connected, closed };
}

/** A subscription as the test sees it: what arrived so far, and `next()` to wait for more. */
export interface Received<T> {
  received: { data?: T; errors?: unknown[] }[];
  readonly failure: unknown;
  /** The next event not yet read, waiting for it if it has not arrived. */
  next(timeoutMs?: number): Promise<{ data?: T; errors?: unknown[] }>;
}

/** What a subscription delivered, however it travels; the transport pushes, the test reads. */
function inbox<T>() {
  const received: { data?: T; errors?: unknown[] }[] = [];
  const waiters: (() => void)[] = [];
  let failure: unknown;
  let read = 0;
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  const box: Received<T> = {
    received,
    get failure() {
      return failure;
    },
    async next(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length <= read && failure === undefined) {
        if (Date.now() > deadline) throw new Error(`no event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      if (received.length <= read) throw failure;
      return received[read++];
    },
  };
  return {
    box,
    push: (value: unknown) => {
      received.push(value as never);
      wake();
    },
    fail: (error: unknown) => {
      failure = error;
      wake();
    },
    end: wake,
  };
}

/**
 * Waits until `count` more subscriptions of this process listen to the organization's events than
 * had when it was called, and until the events stored before have passed (they would reach the new
 * subscribers otherwise). The server starts listening when it first asks a subscription for an
 * event, a moment after the client's request; an event published before then passes unseen. Call
 * it before subscribing, await it after.
 */
export function untilListening(organizationId: string, count = 1): Promise<void> {
  const { pubsub } = runtime();
  const wanted = pubsub.subscribed(organizationId) + count;
  return (async () => {
    await untilDelivered(organizationId);
    while (pubsub.subscribed(organizationId) < wanted) await new Promise((resolve) => setTimeout(resolve, 10));
  })();
}

/**
 * Waits until this process's event relay has handed every event of the organization stored so
 * far to its subscribers: after it, an event that was to reach a subscriber of another
 * organization would have been published, and topics never cross organizations.
 */
export async function untilDelivered(organizationId: string): Promise<void> {
  const sequence = await db().forOrganization(organizationId).eventSequence.findUnique({ where: { organizationId } });
  const last = sequence?.last ?? 0n;
  while (runtime().events.delivered(organizationId) < last) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Subscribes over graphql-ws and collects what arrives; `next()` waits for the next event. */
export function collect<T = Record<string, any>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const { box, push, fail, end } = inbox<T>();
  const dispose = client.subscribe<T>({ query, variables }, { next: push, error: fail, complete: end });
  return Object.assign(box, { dispose });
}

/**
 * Subscribes over Yoga's SSE (GraphQL over SSE, distinct connections: POST with a JSON body, or GET
 * with the query in the URL) and collects each `next` event; `open` resolves once the stream
 * started (Yoga begins it with a ping), `dispose()` closes it.
 */
export function collectSse<T = Record<string, any>>(
  url: string,
  authorization: string,
  query: string,
  variables: Record<string, unknown> = {},
  method: 'POST' | 'GET' = 'POST',
) {
  const { box, push, fail, end } = inbox<T>();
  const controller = new AbortController();
  const headers = { accept: 'text/event-stream', authorization };
  const response =
    method === 'POST'
      ? fetch(`${url}/graphql`, {
          method,
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
          signal: controller.signal,
        })
      : fetch(`${url}/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`, {
          headers,
          signal: controller.signal,
        });
  let opened: () => void = () => {};
  const open = new Promise<void>((resolve) => (opened = resolve));
  const read = async () => {
    const body = await response;
    const type = body.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream')) throw new Error(`not an event stream (${type}): ${await body.text()}`);
    const reader = body.body!.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return end();
      opened();
      buffered += decoder.decode(value, { stream: true });
      // Messages end with a blank line; pings are comments (":") and carry no data.
      for (let at = buffered.indexOf('\n\n'); at >= 0; at = buffered.indexOf('\n\n')) {
        const lines = buffered.slice(0, at).split('\n');
        buffered = buffered.slice(at + 2);
        const data = lines.find((line) => line.startsWith('data: '));
        if (lines.includes('event: next') && data) push(JSON.parse(data.slice('data: '.length)));
      }
    }
  };
  read().catch((error) => {
    if (!controller.signal.aborted) fail(error);
    opened();
  });
  return Object.assign(box, { open, dispose: () => controller.abort() });
}

/** Reads an SSE response until its text contains `needle`; returns all text read. */
export async function readSseUntil(response: Response, needle: string): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes(needle)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}
