// `pnpm start` as a newcomer runs it (api/src/cli.ts start): the API, then the dashboard, one
// ready line once both serve; a part that cannot start says why in one line and stops the rest.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { ensureDashboardBuilt, freePort } from '../e2e/support/trofast.ts';
import type { Config } from '../../api/src/config.ts';
import { startTestApp } from '../support/app.ts';
import { databaseEnv, freshDatabase, onPostgres, type TestDatabase } from '../support/database.ts';
import { root, runScript } from '../support/process.ts';

/** `config`'s database, and free ports unless given. */
async function startEnv(config: Config, ports: { api?: number; web?: number } = {}): Promise<NodeJS.ProcessEnv> {
  return {
    ...databaseEnv(config),
    TROFAST_API_PORT: String(ports.api ?? (await freePort())),
    TROFAST_WEB_PORT: String(ports.web ?? (await freePort())),
  };
}

function withoutLogLevel(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { LOG_LEVEL: _level, ...rest } = env;
  return rest;
}

/** A port some other server listens on. */
async function takenPort(): Promise<{ port: number; release(): Promise<void> }> {
  const port = await freePort();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return { port, release: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** `pnpm start` that is expected to stop by itself. */
const startUntilItStops = (env: NodeJS.ProcessEnv) => runScript('api/src/cli.ts', ['start'], env);

beforeAll(() => ensureDashboardBuilt(), 300_000);

describe('`pnpm start`', { timeout: 240_000 }, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.drop());

  test('says Trofast is up only once the API is ready and the dashboard answers, in human lines only', async () => {
    const [api, web] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/cli.ts', 'start'], {
      cwd: root,
      // The default level, as a newcomer runs it: no LOG_LEVEL.
      env: { ...withoutLogLevel(process.env), TROFAST_DEMO: '0', ...(await startEnv(database.config, { api, web })) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += String(chunk)));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => stdout.includes('Trofast:') && resolve());
        child.once('exit', (code) => reject(new Error(`pnpm start exited (${code}) before its ready line`)));
      });
      const [ready, login] = await Promise.all([
        fetch(`http://127.0.0.1:${api}/ready`),
        fetch(`http://127.0.0.1:${web}/login`),
      ]);
      expect([ready.status, login.status]).toEqual([200, 200]);
      // One line per step, then the ready line: no JSON log lines, no build output.
      expect(stdout).toBe(
        `Migrating the database…\nTrofast: API on http://localhost:${api}/graphql, dashboard on http://localhost:${web}\n`,
      );
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  test('with the dashboard’s port taken: that one line, and a non-zero exit', async () => {
    const web = await takenPort();
    try {
      const run = await startUntilItStops(await startEnv(database.config, { web: web.port }));
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        `trofast: Port ${web.port} is already in use. Stop the other server or set TROFAST_WEB_PORT to a free port.`,
      );
    } finally {
      await web.release();
    }
  });
});

describe.skipIf(onPostgres)('`pnpm start` on a data folder in use', { timeout: 240_000 }, () => {
  test('a second start of the same Trofast prints the API’s one line about the folder, and a non-zero exit', async () => {
    // The first one holds the folder, the API's port and the dashboard's.
    const app = await startTestApp();
    const web = await takenPort();
    try {
      const run = await startUntilItStops(await startEnv(app.config, { api: app.port, web: web.port }));
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toMatch(
        /^trofast: The data folder .* is in use by process \d+\. Stop that Trofast first, or set TROFAST_DATA_DIR to another folder\.$/,
      );
    } finally {
      await web.release();
      await app.stop();
    }
  });
});
