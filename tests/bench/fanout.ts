// Fan-out: 1 000 graphql-ws subscribers of one organization, 50 alerts, publish → last receipt.
// Baseline: a bare Yoga server with its own in-process pubsub and the same number of subscribers,
// measured in the same run. Target: Trofast's p99 at most 1.5× the baseline's; every alert
// delivered; nothing delivered across organizations.
import { createServer } from 'node:http';
import { setMaxListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createPubSub, createSchema, createYoga } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { ExecutionArgs } from 'graphql';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { createApiKey } from '../../api/src/services/api-key.service.ts';
import { createOrganization } from '../../api/src/services/organization.service.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { emitAlertNews, noNews, raiseOrEscalate } from '../../api/src/services/alert.service.ts';
import { writeTransaction } from '../../api/src/services/transaction.service.ts';
import { db } from '../../api/src/runtime.ts';
import { benchApp, percentile } from './support.ts';
import type { BenchTarget } from './run.ts';

const SUBSCRIBERS = 1000;
/** What each board subscribes to, in both servers. */
const QUERY = 'subscription { alertRaised { id kind severity title customer { externalId } } }';
const OUTSIDERS = 50;
const ALERTS = 50;

/** Subscribes `count` clients; calls `onEvent(clientIndex)` on every event a client receives. */
async function subscribeMany(
  url: string,
  count: number,
  query: string,
  authorization: string | undefined,
  onEvent: () => void,
): Promise<Client[]> {
  const clients: Client[] = [];
  const ready: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: authorization ? { authorization } : {},
      lazy: false,
      retryAttempts: 0,
    });
    clients.push(client);
    ready.push(
      new Promise<void>((resolve) => {
        client.on('connected', () => resolve());
      }),
    );
    client.subscribe({ query }, { next: onEvent, error: () => {}, complete: () => {} });
  }
  await Promise.all(ready);
  // Let every subscribe message reach the server before the first publish.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return clients;
}

const WARM_UP = 5;

/**
 * Runs `count` events one after another: publish, then wait until every subscriber has it. The
 * first few are not timed: they pay for compiling the code paths, in both servers alike.
 */
async function measure(
  count: number,
  expected: number,
  received: { total: number },
  publish: (i: number) => Promise<void>,
) {
  const latencies: number[] = [];
  for (let i = -WARM_UP; i < count; i++) {
    const target = received.total + expected;
    const started = performance.now();
    await publish(i);
    while (received.total < target) await new Promise((resolve) => setImmediate(resolve));
    if (i >= 0) latencies.push(performance.now() - started);
  }
  return latencies;
}

interface BareAlert {
  id: string;
  kind: string;
  severity: string;
  title: string;
  customer: { externalId: string };
}

async function bareYoga() {
  const eventTarget = new EventTarget();
  setMaxListeners(SUBSCRIBERS * 2, eventTarget);
  const pubsub = createPubSub<{ alertRaised: [BareAlert] }>({ eventTarget });
  // The same answer as Trofast's, from memory: what remains is Trofast's own work (credentials,
  // tenancy, re-reading what it sends, the schema's plugins).
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: `type Query { ok: Boolean }
        type Customer { externalId: String! }
        type Alert { id: ID! kind: String! severity: String! title: String! customer: Customer! }
        type Subscription { alertRaised: Alert! }`,
      resolvers: {
        Subscription: {
          alertRaised: { subscribe: () => pubsub.subscribe('alertRaised'), resolve: (payload: BareAlert) => payload },
        },
      },
    }),
    logging: false,
  });
  const server = createServer(yoga);
  const sockets = new WebSocketServer({ server, path: '/graphql' });
  useServer(
    {
      execute: (args) => (args.rootValue as { execute: (a: ExecutionArgs) => never }).execute(args),
      subscribe: (args) => (args.rootValue as { subscribe: (a: ExecutionArgs) => never }).subscribe(args),
      onSubscribe: async (context, _id, payload) => {
        const { schema, execute, subscribe, contextFactory, parse } = yoga.getEnveloped({
          ...context,
          req: context.extra.request,
          socket: context.extra.socket,
          params: payload,
        });
        return {
          schema,
          operationName: payload.operationName,
          document: parse(payload.query),
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    sockets,
  );
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    pubsub,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.close();
        server.close(() => resolve());
      }),
  };
}

export async function fanoutBenchmark(target: BenchTarget): Promise<void> {
  // The baseline has no database: measure it once, beside the first target.
  const baseline = await bareYoga();
  const baselineReceived = { total: 0 };
  const baselineClients = await subscribeMany(
    baseline.url,
    SUBSCRIBERS,
    QUERY,
    undefined,
    () => baselineReceived.total++,
  );
  const baselineLatencies = await measure(ALERTS, SUBSCRIBERS, baselineReceived, async (n) =>
    baseline.pubsub.publish('alertRaised', {
      id: `alert-${n}`,
      kind: 'DETRACTOR',
      severity: 'WARNING',
      title: `Detractor: Fan ${n}`,
      customer: { externalId: `F-${n}` },
    }),
  );
  await Promise.all(baselineClients.map((client) => client.dispose()));
  await baseline.close();

  const app = await benchApp(target);
  try {
    const organization = await createOrganization('Fan-out', [
      { email: `fanout-${Date.now()}@bench.example`, name: 'Bench', role: 'ADMIN', password: 'benchmark-password' },
    ]);
    const outsider = await createOrganization('Elsewhere', [
      { email: `elsewhere-${Date.now()}@bench.example`, name: 'Bench', role: 'ADMIN', password: 'benchmark-password' },
    ]);
    const caller = systemCaller(organization.id);
    const { secret } = await createApiKey(caller, { name: 'Board', scopes: ['ALERTS_READ'] });
    const { secret: outsiderSecret } = await createApiKey(systemCaller(outsider.id), {
      name: 'Board',
      scopes: ['ALERTS_READ'],
    });
    const customers: { id: string; name: string }[] = [];
    for (let i = 0; i < ALERTS + WARM_UP; i++)
      customers.push(await upsertCustomer(caller, { externalId: `F-${i}`, name: `Fan ${i}` }));

    const received = { total: 0 };
    const crossed = { total: 0 };
    const wsUrl = `${app.url.replace('http', 'ws')}/graphql`;
    const clients = await subscribeMany(wsUrl, SUBSCRIBERS, QUERY, `Bearer ${secret}`, () => received.total++);
    const outsiders = await subscribeMany(wsUrl, OUTSIDERS, QUERY, `Bearer ${outsiderSecret}`, () => crossed.total++);

    const statementsBefore = db().statements();
    const latencies = await measure(ALERTS, SUBSCRIBERS, received, async (i) => {
      // Stored with its event, then read from the log and fanned out: the span includes the write.
      const news = noNews();
      const now = new Date();
      await writeTransaction(organization.id, async (tx) => {
        await raiseOrEscalate(
          tx,
          organization.id,
          {
            kind: 'DETRACTOR',
            customerId: customers[i + WARM_UP].id,
            severity: 'WARNING',
            causedAt: now,
            reason: { code: 'DETRACTOR', params: { customerName: customers[i + WARM_UP].name, score: 3 } },
          },
          undefined,
          now,
          news,
        );
        emitAlertNews(tx, news);
      });
    });
    const statements = db().statements() - statementsBefore;
    await new Promise((resolve) => setTimeout(resolve, 500));
    await Promise.all([...clients, ...outsiders].map((client) => client.dispose()));

    const baseP99 = percentile(baselineLatencies, 99);
    const p99 = percentile(latencies, 99);
    const ratio = p99 / baseP99;
    console.log(
      `\n[${target.label}] alert fan-out: ${SUBSCRIBERS} graphql-ws subscribers, ${ALERTS} alerts (publish → last receipt)`,
    );
    console.log(
      `  bare Yoga pubsub:  p50 ${percentile(baselineLatencies, 50).toFixed(1)} ms, p99 ${baseP99.toFixed(1)} ms`,
    );
    console.log(`  Trofast alerts:    p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
    console.log(
      `  ratio p99: ${ratio.toFixed(2)}× — ${ratio <= 1.5 ? 'within the 1.5× target' : 'ABOVE the 1.5× target'}`,
    );
    console.log(
      `  delivered ${received.total} of ${SUBSCRIBERS * (ALERTS + WARM_UP)}; across organizations: ${crossed.total}`,
    );
    console.log(`  SQL statements per alert (store and fan-out): ${(statements / ALERTS).toFixed(1)}`);
  } finally {
    await app.stop();
  }
}
