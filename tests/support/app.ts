// A running Trofast API on a fresh database, for tests that go through GraphQL like a partner.
import { buildApp } from '../../api/src/app.ts';
import { ManualClock } from '../../api/src/clock.ts';
import type { Config } from '../../api/src/config.ts';
import { freshDatabase } from './database.ts';
import { request } from './graphql.ts';

export interface TestApp {
  url: string;
  port: number;
  clock: ManualClock;
  config: Config;
  /** GraphQL over HTTP as the holder of `token` (anonymous without one). */
  graphql: <T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ) => ReturnType<typeof request<T>>;
  /** Runs every background job once at the clock's now. */
  runJobs(): Promise<void>;
  /** Stops the API and starts a new one on the same database and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestApp(
  options: {
    now?: Date;
    env?: NodeJS.ProcessEnv;
    /** Deliver webhooks in this process (default); off when other processes must do it. */
    webhooks?: boolean;
    /** Runs on the fresh database before the API opens it, e.g. an operator's command. */
    prepare?: (config: Config) => void | Promise<void>;
  } = {},
): Promise<TestApp> {
  const database = await freshDatabase(options.env);
  await options.prepare?.(database.config);
  const clock = new ManualClock(options.now ?? new Date());
  const build = () => buildApp({ config: database.config, clock, jobTimers: false, webhooks: options.webhooks });
  let app = build();
  const port = await app.start(0);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    clock,
    config: database.config,
    graphql: (query, variables, token) => request(url, query, variables, token),
    runJobs: () => app.runJobs(),
    restart: async () => {
      await app.stop();
      app = build();
      await app.start(port);
    },
    stop: async () => {
      await app.stop();
      await database.drop();
    },
  };
}
