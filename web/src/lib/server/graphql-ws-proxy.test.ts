import { afterEach, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { createGraphqlWsProxy, readCookie, withCredential } from './graphql-ws-proxy.js';

const PROTOCOL = 'graphql-transport-ws';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** A stand-in API: records what arrives, answers connection_init like graphql-ws would. */
async function fakeApi(onInit: (payload: Record<string, unknown>, socket: WebSocket) => void) {
  const server = createServer();
  const sockets = new WebSocketServer({ server, path: '/graphql' });
  sockets.on('connection', (socket) => {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'connection_init') onInit(message.payload ?? {}, socket);
      if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
    });
  });
  const port = await listen(server);
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
      }),
  );
  return { port, sockets, stop: () => cleanups.at(-1)?.() };
}

async function dashboard(apiPort: number) {
  const server = createServer((_request, response) => response.end());
  const proxy = createGraphqlWsProxy({ upstreamUrl: `ws://127.0.0.1:${apiPort}/graphql` });
  server.on('upgrade', (request, socket, head) => {
    if (!proxy(request, socket, head)) socket.destroy();
  });
  const port = await listen(server);
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return port;
}

function connect(port: number, headers: Record<string, string> = {}) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, PROTOCOL, { headers });
  cleanups.push(() => socket.terminate());
  const messages: Record<string, unknown>[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, messages, closed, opened };
}

const until = async (check: () => boolean) => {
  for (let attempt = 0; attempt < 100 && !check(); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('the dashboard’s graphql-ws proxy', () => {
  test('puts the session cookie’s token into connection_init, in place of anything the page sent', async () => {
    let received: Record<string, unknown> | undefined;
    const api = await fakeApi((payload, socket) => {
      received = payload;
      socket.send(JSON.stringify({ type: 'connection_ack' }));
    });
    const client = connect(await dashboard(api.port), { cookie: 'theme=dark; trofast_session=secret%2Btoken' });
    await client.opened;
    client.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer forged', x: 1 } }));
    await until(() => client.messages.length > 0);
    expect(received).toEqual({ authorization: 'Bearer secret+token', x: 1 });
    expect(client.messages[0]).toEqual({ type: 'connection_ack' });
    expect(client.socket.protocol).toBe(PROTOCOL);
  });

  test('mirrors the API’s close code, so the page sees 4403 when the session is refused', async () => {
    const api = await fakeApi((_payload, socket) => socket.close(4403, 'Forbidden'));
    const client = connect(await dashboard(api.port));
    await client.opened;
    client.socket.send(JSON.stringify({ type: 'connection_init' }));
    expect(await client.closed).toEqual({ code: 4403, reason: 'Forbidden' });
  });

  test('an API that goes away closes the page’s socket with a code graphql-ws retries', async () => {
    const api = await fakeApi((_payload, socket) => socket.send(JSON.stringify({ type: 'connection_ack' })));
    const client = connect(await dashboard(api.port));
    await client.opened;
    client.socket.send(JSON.stringify({ type: 'connection_init' }));
    await until(() => client.messages.length > 0);
    for (const socket of api.sockets.clients) socket.terminate();
    expect((await client.closed).code).toBe(1012);
  });

  test('an API that cannot be reached closes with 1014 (bad gateway), also retried', async () => {
    const client = connect(await dashboard(1));
    await client.opened;
    expect((await client.closed).code).toBe(1014);
  });

  test('a page on another origin is refused before the upgrade', async () => {
    const api = await fakeApi(() => {});
    const client = connect(await dashboard(api.port), { origin: 'https://evil.example' });
    await expect(client.opened).rejects.toThrow(/403/);
  });
});

describe('reading the cookie and the init message', () => {
  test('finds one cookie among several and decodes it', () => {
    expect(readCookie('a=1; trofast_session=abc%3D; b=2', 'trofast_session')).toBe('abc=');
    expect(readCookie('a=1', 'trofast_session')).toBeNull();
    expect(readCookie(undefined, 'trofast_session')).toBeNull();
  });

  test('leaves every other message as it is, and drops a forged credential when there is no session', () => {
    const subscribe = JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ me { id } }' } });
    expect(withCredential(subscribe, 'token')).toBe(subscribe);
    expect(JSON.parse(withCredential('{"type":"connection_init","payload":{"authorization":"x"}}', null))).toEqual({
      type: 'connection_init',
      payload: {},
    });
  });
});
