// A partner's webhook receiver: a real HTTP server on a free port that records every request and
// answers as the test says (a status, headers, or no answer at all).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** The body as the official `standardwebhooks` package verified it with `secret`; throws if it does not verify. */
  verify(secret: string): { type: string; timestamp: string; data: Record<string, any> };
}

export type Answer = { status: number; headers?: Record<string, string>; body?: string } | 'never';

export interface Receiver {
  url: string;
  received: Received[];
  /** How the next request is answered (200 by default); `index` counts from 0. */
  answer: (index: number, request: Received) => Answer;
  /** Resolves once `count` requests have arrived. */
  until(count: number): Promise<Received[]>;
  /** Requests that were not answered (yet). */
  hanging(): number;
  close(): Promise<void>;
}

export async function startReceiver(answer: Receiver['answer'] = () => ({ status: 200 })): Promise<Receiver> {
  const waiters: { count: number; resolve: () => void }[] = [];
  let open = 0;
  const receiver: Receiver = {
    url: '',
    received: [],
    answer,
    until: (count) =>
      receiver.received.length >= count
        ? Promise.resolve(receiver.received)
        : new Promise((resolve) => waiters.push({ count, resolve: () => resolve(receiver.received) })),
    hanging: () => open,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = request.headers;
      const received: Received = {
        headers,
        body,
        verify: (secret) => new Webhook(secret).verify(body, headers as Record<string, string>) as never,
      };
      const index = receiver.received.length;
      receiver.received.push(received);
      for (const waiter of waiters.filter((w) => receiver.received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const reply = receiver.answer(index, received);
      if (reply === 'never') {
        open += 1;
        response.on('close', () => (open -= 1));
        return;
      }
      response.writeHead(reply.status, reply.headers).end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return receiver;
}
