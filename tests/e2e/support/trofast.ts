// Starts Trofast for a browser test the way a newcomer does (`node --import tsx api/src/cli.ts
// start`) on free ports with a fresh embedded database and the demo, or, for tests that restart
// the API, the API and the dashboard's server as two processes of their own.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const artifacts = path.join(root, 'tests', '.artifacts');
const webDir = path.join(root, 'web');

export const DEMO_PASSWORD = 'trofast-demo';
export const DEMO = {
  admin: 'admin@nordlys.example',
  manager: 'manager@nordlys.example',
  agent: 'agent@nordlys.example',
  viewer: 'viewer@nordlys.example',
} as const;

export interface Trofast {
  /** The dashboard, e.g. http://127.0.0.1:41234 */
  webUrl: string;
  apiUrl: string;
  /** Stops the API and starts it again on the same port and data (only with `separate: true`). */
  restartApi(options?: { downFor?: number }): Promise<void>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number, log: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode}); see ${log}`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms; see ${log}`);
}

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }, 0);
}

/**
 * Builds the dashboard once when its build is older than its sources, like `pnpm start` does.
 * Test files run in parallel: a lock folder makes the others wait instead of building twice.
 */
export async function ensureDashboardBuilt(): Promise<void> {
  const built = path.join(webDir, 'build', 'handler.js');
  const fresh = () => existsSync(built) && statSync(built).mtimeMs > newest(path.join(webDir, 'src'));
  if (fresh()) return;
  mkdirSync(artifacts, { recursive: true });
  const lock = path.join(artifacts, 'dashboard-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (fresh()) return;
    const result = spawnSync(process.execPath, [path.join(webDir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
      cwd: webDir,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`Building the dashboard failed:\n${result.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function stopProcess(child: ChildProcess | undefined, timeoutMs = 10_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startTrofast(
  options: { separate?: boolean; name?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Trofast> {
  mkdirSync(artifacts, { recursive: true });
  const work = mkdtempSync(path.join(artifacts, `e2e-${options.name ?? 'trofast'}-`));
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TROFAST_API_PORT: String(apiPort),
    TROFAST_WEB_PORT: String(webPort),
    TROFAST_DATA_DIR: path.join(work, 'data'),
    TROFAST_DEMO: '1',
    LOG_LEVEL: 'warn',
    TMPDIR: artifacts,
    ...options.env,
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.TROFAST_API_URL;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const logPath = path.join(work, 'trofast.log');
  const log = createWriteStream(logPath, { flags: 'a' });
  const launch = (args: string[], cwd = root) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    return child;
  };

  await ensureDashboardBuilt();
  let api: ChildProcess | undefined;
  let web: ChildProcess;
  if (options.separate) {
    api = launch(['--import', 'tsx', path.join('api', 'src', 'main.ts')]);
    web = launch([path.join(webDir, 'server.js')], webDir);
  } else {
    // The README's `pnpm start`: one command, the API and the dashboard as its two children.
    web = launch(['--import', 'tsx', path.join('api', 'src', 'cli.ts'), 'start']);
  }
  try {
    // Seeding the demo takes a minute on an idle machine and several on a loaded CI runner;
    // TROFAST_READY_TIMEOUT_MS gives a machine shared by many runs longer.
    await waitFor(`${apiUrl}/ready`, api ?? web, Number(process.env.TROFAST_READY_TIMEOUT_MS ?? 300_000), logPath);
    await waitFor(`${webUrl}/login`, web, 60_000, logPath);
  } catch (error) {
    // The suite never gets a handle to stop: stop what was started here, or it runs on.
    await Promise.all([stopProcess(web), stopProcess(api)]);
    throw error;
  }

  return {
    webUrl,
    apiUrl,
    async restartApi({ downFor = 0 } = {}) {
      if (!options.separate) throw new Error('restartApi needs startTrofast({ separate: true })');
      await stopProcess(api);
      if (downFor > 0) await new Promise((resolve) => setTimeout(resolve, downFor));
      api = launch(['--import', 'tsx', path.join('api', 'src', 'main.ts')]);
      await waitFor(`${apiUrl}/ready`, api, 60_000, logPath);
    },
    async stop() {
      await Promise.all([stopProcess(web), stopProcess(api)]);
      await new Promise<void>((resolve) => log.end(() => resolve()));
      // KEEP_E2E_DATA=1 keeps the data folder and the servers' log for a look afterwards.
      if (!process.env.KEEP_E2E_DATA) rmSync(work, { recursive: true, force: true });
    },
  };
}
