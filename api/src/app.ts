// buildApp(): the HTTP server (GraphQL, SSE, health), graphql-ws on the same port, the database,
// the event bus and background jobs. start(port) opens them, stop() closes them in order.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { ExecutionArgs } from 'graphql';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { systemClock, type Clock } from './clock.ts';
import { createLogger } from './log.ts';
import { openDatabase } from './db/client.ts';
import { openPubSub } from './pubsub.ts';
import { startEventRelay } from './event-relay.ts';
import { startWebhookWorker } from './webhooks/worker.ts';
import { WritesInFlight } from './writes-in-flight.ts';
import { useRuntime } from './runtime.ts';
import { createYogaServer, MAX_BODY_BYTES } from './yoga.ts';
import { handleExport } from './export-route.ts';
import { authenticate } from './auth/authenticate.ts';
import { OpenConnections } from './auth/open-connections.ts';
import { credentialsOf } from './context.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';
import { startScheduler, type Scheduler } from './jobs/scheduler.ts';
import { JOBS } from './jobs/index.ts';
import { resumeStalledImports } from './services/import.service.ts';

/** Longer than any client keeps an idle connection, so the client is always the one to close it. */
const KEEP_ALIVE_MS = 65_000;

export interface AppOptions {
  config?: Config;
  clock?: Clock;
  /** Run background jobs on timers (default); tests turn them off and call runJobs(). */
  jobTimers?: boolean;
  /** Deliver webhooks (default); a test whose deliveries must come from other processes turns it off. */
  webhooks?: boolean;
  /** Told each slow step of starting, so `pnpm start` can say in words what it is waiting for. */
  onStep?: (step: StartStep) => void;
}

/** The slow steps of a first start: migrating an empty database, then seeding the demo into it. */
export type StartStep = { step: 'migrating' } | { step: 'seeding'; customers: number };

export interface App {
  /** Opens everything and listens; port 0 picks a free one. Returns the port. */
  start(port?: number): Promise<number>;
  stop(): Promise<void>;
  /** Runs every background job once, now (what the timers do as time passes). */
  runJobs(): Promise<void>;
}

type OperationResult = ReturnType<Parameters<typeof useServer>[0]['execute'] & {}>;
type Enveloped = { execute(args: ExecutionArgs): OperationResult; subscribe(args: ExecutionArgs): OperationResult };
/** A port the API cannot listen on is the operator's to fix: one line naming what to change. */
export function listenProblem(error: NodeJS.ErrnoException, port: number): ConfigError {
  switch (error.code) {
    case 'EADDRINUSE':
      return new ConfigError(
        `Port ${port} is already in use. Stop the other server or set TROFAST_API_PORT to a free port.`,
      );
    case 'EACCES':
      return new ConfigError(
        `This process may not listen on port ${port} (ports below 1024 need privileges). Set TROFAST_API_PORT to a port above 1023.`,
      );
    default:
      return new ConfigError(`Cannot listen on port ${port}: ${error.message}. Set TROFAST_API_PORT to a free port.`);
  }
}

export function buildApp(options: AppOptions = {}): App {
  const config = options.config ?? loadConfig();
  const clock = options.clock ?? systemClock;
  const log = createLogger(config.logLevel);
  let server: Server | undefined;
  let stopSockets: (() => Promise<void>) | undefined;
  let closeRuntime: (() => Promise<void>) | undefined;
  let scheduler: Scheduler | undefined;
  const writes = new WritesInFlight();

  async function start(port = config.apiPort): Promise<number> {
    options.onStep?.({ step: 'migrating' });
    const database = await openDatabase(config, { migrate: true });
    const pubsub = openPubSub();
    const webhooks =
      options.webhooks === false
        ? undefined
        : startWebhookWorker({ db: database, config: config.webhooks, clock, log, writes });
    const events = await startEventRelay({
      db: database,
      pubsub,
      redisUrl: config.redisUrl,
      log,
      onEvents: () => webhooks?.wake(),
    });
    const runtime = { config, db: database, pubsub, events, clock, log, webhooks };
    useRuntime(runtime);
    closeRuntime = async () => {
      await webhooks?.stop();
      await events.stop();
      await database.close();
      useRuntime(undefined);
    };
    if (config.demo) await seedDemoIfEmpty(log, (customers) => options.onStep?.({ step: 'seeding', customers }));
    scheduler = startScheduler(runtime, JOBS, { timers: options.jobTimers ?? true });
    // A restart after a crash need not wait for the job's first round to finish an import.
    await resumeStalledImports(clock.now());

    const open = new OpenConnections();
    const yoga = createYogaServer(log, open, writes);
    server = createServer(async (request, response) => {
      const url = request.url ?? '/';
      if (url === '/health') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
        return;
      }
      if (url === '/ready') {
        const ready = await database.ready();
        response
          .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: ready ? 'ready' : 'not ready', database: database.kind }));
        return;
      }
      if (await handleExport(request, response, log)) return;
      await yoga.requestListener(request, response);
    });
    // Clients and proxies close idle keep-alive connections after a few seconds (Node's fetch after
    // 4); a server that closes first races a request sent on the same socket (ECONNRESET).
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1000;

    // Listen before graphql-ws joins the server: it would answer a failed listen with a stack trace of its own.
    await new Promise<void>((resolve, reject) => {
      server!.once('error', (error) => reject(listenProblem(error, port)));
      server!.listen(port, () => resolve());
    });
    const sockets = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: MAX_BODY_BYTES });
    const wsServer = useServer(
      {
        // Yoga's enveloped execute and subscribe, handed over by onSubscribe below.
        execute: (args) => (args.rootValue as Enveloped).execute(args),
        subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
        // A bad or missing credential closes the socket with 4403 Forbidden.
        onConnect: async (context) => {
          try {
            const caller = await authenticate(credentialsOf({ connectionParams: context.connectionParams }));
            if (caller.kind === 'anonymous') return false;
            const { socket } = context.extra;
            socket.once(
              'close',
              open.hold(caller, () => socket.close(4403, 'Forbidden')),
            );
            return true;
          } catch {
            return false;
          }
        },
        onSubscribe: async (context, _id, payload) => {
          const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
            ...context,
            req: context.extra.request,
            socket: context.extra.socket,
            params: payload,
          });
          const args = {
            schema,
            operationName: payload.operationName,
            document: parse(payload.query),
            variableValues: payload.variables,
            contextValue: await contextFactory(),
            rootValue: { execute, subscribe },
          };
          const errors = validate(args.schema, args.document);
          return errors.length > 0 ? errors : args;
        },
      },
      sockets,
    );

    // A session that ends or a key that is revoked, on any instance, closes its open sockets and streams.
    const revocations = pubsub.subscribe('credentialRevoked');
    void (async () => {
      for await (const revoked of revocations) open.revoke(revoked);
    })();

    stopSockets = async () => {
      await revocations.return?.();
      for (const socket of sockets.clients) socket.terminate();
      await wsServer.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    };

    const bound = (server.address() as AddressInfo).port;
    log.info('api listening', { port: bound, database: database.kind, redis: Boolean(config.redisUrl) });
    return bound;
  }

  async function stop(): Promise<void> {
    scheduler?.stop();
    await stopSockets?.();
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    }
    await closeRuntime?.();
    server = undefined;
  }

  return {
    start,
    stop,
    runJobs: async () => {
      if (!scheduler) throw new Error('Start the app before running its jobs.');
      await scheduler.runAll();
    },
  };
}
