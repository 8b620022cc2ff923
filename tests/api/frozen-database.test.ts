// A frozen database (issue 13): the test runs a PostgreSQL of its own and stops every one of its
// processes with SIGSTOP. /ready answers 503 within a second, a query fails in bounded time with
// a clear, retryable error, and once the database resumes the API answers again.
// PostgreSQL runs only: it needs Debian's PostgreSQL binaries, as CI's PostgreSQL pass has them.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../../api/src/app.ts';
import { loadConfig } from '../../api/src/config.ts';
import { login, PASSWORD } from '../support/fixtures.ts';
import { createOrganization } from '../../api/src/services/organization.service.ts';
import { onPostgres } from '../support/database.ts';
import { freePort } from '../e2e/support/trofast.ts';
import { request } from '../support/graphql.ts';

let dir: string;
let port: number;
let app: App;
let url: string;
let viewer: string;

// Output goes to a file: a server started by pg_ctl would otherwise hold the pipes open.
const asPostgres = (command: string, args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'ignore', timeout: 120_000 });

/** The server's processes: the postmaster and its children. */
function processes(): number[] {
  const postmaster = Number(readFileSync(path.join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = execFileSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(Number);
  return [postmaster, ...children];
}

const signal = (name: NodeJS.Signals) => processes().forEach((pid) => process.kill(pid, name));

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
}

beforeAll(async () => {
  if (!onPostgres) return;
  dir = mkdtempSync(path.join(os.tmpdir(), 'trofast-frozen-'));
  chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), 0);
  port = await freePort();
  asPostgres('initdb', ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
  asPostgres('pg_ctl', [
    '-D',
    path.join(dir, 'data'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    'start',
  ]);
  const config = loadConfig({
    DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    TROFAST_DEMO: '0',
    LOG_LEVEL: 'silent',
    TROFAST_DB_STATEMENT_TIMEOUT_MS: '1000',
  });
  app = buildApp({ config, jobTimers: false });
  url = `http://127.0.0.1:${await app.start(0)}`;
  // One staff member, signed in once: the database answers within a second here, so nothing waits on it.
  await createOrganization('Frossen', [
    { email: 'viewer@frossen.example', name: 'Vera', role: 'VIEWER', password: PASSWORD },
  ]);
  viewer = await login(
    { graphql: (query, variables, token) => request(url, query, variables, token) },
    'viewer@frossen.example',
  );
}, 180_000);

afterAll(async () => {
  if (!dir) return;
  try {
    signal('SIGCONT');
  } catch {
    // already stopped
  }
  await app?.stop();
  asPostgres('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']);
  rmSync(dir, { recursive: true, force: true });
});

test.skipIf(!onPostgres)(
  'while the database is frozen, /ready is 503 within a second and a query fails in bounded time; then the API recovers',
  { timeout: 120_000 },
  async () => {
    const customers = 'query { customers(first: 5) { totalCount } }';
    expect((await request(url, customers, {}, viewer)).errors).toBeUndefined();

    signal('SIGSTOP');
    const [ready, readyMs] = await timed(() => fetch(`${url}/ready`));
    expect(ready.status).toBe(503);
    expect(readyMs).toBeLessThanOrEqual(1000);
    const frozen = await request(url, customers, {}, viewer);
    expect(frozen.errors?.[0].extensions?.code).toBe('RETRY_LATER');
    expect(frozen.errors?.[0].message).toMatch(/did not answer in time/);

    signal('SIGCONT');
    for (;;) {
      if ((await fetch(`${url}/ready`)).status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await request(url, customers, {}, viewer)).data?.customers.totalCount).toBe(0);
  },
);
