// Real graphql-ws and SSE clients against a running API, for subscription tests.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

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

/** Subscribes and collects what arrives; `next()` waits for the next event. */
export function collect<T = Record<string, any>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const received: { data?: T; errors?: unknown[] }[] = [];
  const waiters: (() => void)[] = [];
  let failure: unknown;
  let read = 0;
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        received.push(value as never);
        waiters.splice(0).forEach((wake) => wake());
      },
      error: (error) => {
        failure = error;
        waiters.splice(0).forEach((wake) => wake());
      },
      complete: () => waiters.splice(0).forEach((wake) => wake()),
    },
  );
  return {
    received,
    get failure() {
      return failure;
    },
    /** The next event not yet read, waiting for it if it has not arrived. */
    async next(timeoutMs = 5000) {
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
    dispose,
  };
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
