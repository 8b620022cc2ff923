// One urql client per browser tab: queries and mutations over HTTP, subscriptions over graphql-ws,
// both to the dashboard's own /graphql, which adds the session's credential on the server side.
import { getContext, setContext } from 'svelte';
import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { ConnectionState } from '$lib/state/connection.svelte';

export interface GraphQL {
  client: Client;
  connection: ConnectionState;
  dispose(): void;
}

/** Waits 1 s, 2 s, 4 s, then 5 s between attempts, with jitter: retries go on forever. */
export function retryDelay(retries: number): number {
  return Math.min(1000 * 2 ** retries, 5000) + Math.floor(Math.random() * 500);
}

export function createGraphQL(options: { onSignedOut?: () => void } = {}): GraphQL {
  const connection = new ConnectionState();
  const browser = typeof window !== 'undefined';
  let ws: WsClient | undefined;
  if (browser) {
    ws = createWsClient({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
      lazy: false,
      keepAlive: 10_000,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
      on: {
        connecting: () => connection.connecting(),
        connected: () => connection.connected(),
        closed: (event) => {
          const code = (event as CloseEvent | undefined)?.code;
          connection.closed(code);
          if (connection.signedOut) {
            ws?.dispose();
            options.onSignedOut?.();
          }
        },
      },
      onNonLazyError: () => connection.closed(),
    });
  }
  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        enableAllOperations: false,
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              if (!ws) return { unsubscribe: () => {} };
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  const online = () => connection.browserOnline(true);
  const offline = () => connection.browserOnline(false);
  if (browser) {
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
  }
  return {
    client,
    connection,
    dispose() {
      if (browser) {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
      }
      void ws?.dispose();
    },
  };
}

const KEY = Symbol('graphql');

/** Makes the app's client available to every component below, like urql's setContextClient. */
export function setGraphQL(graphql: GraphQL): GraphQL {
  return setContext(KEY, graphql);
}

export function getGraphQL(): GraphQL {
  return getContext<GraphQL>(KEY);
}
