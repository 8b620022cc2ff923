// `pnpm trofast <command>`: the operator's commands. Root scripts call it for generate,
// db:migrate, db:migration, seed and start.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';
import type { StartStep } from './app.ts';
import type { ReadyMessage, StartMessage } from './main.ts';

const apiDir = fileURLToPath(new URL('..', import.meta.url));

// Commands import what they need when they run: `generate` runs before the Prisma client exists.
async function migrate(): Promise<void> {
  const { openDatabase } = await import('./db/client.ts');
  const database = await openDatabase(loadConfig(), { migrate: true });
  await database.close();
  console.log('Migrations applied.');
}

async function migration(name: string | undefined): Promise<void> {
  if (!name) throw new ConfigError('Name the migration: pnpm db:migration <name>');
  const { createMigration } = await import('./db/migrations.ts');
  const dir = await createMigration(name);
  console.log(
    dir
      ? `Wrote ${path.relative(process.cwd(), dir)}/migration.sql`
      : 'The schema and the migrations agree: nothing to write.',
  );
}

interface DashboardBuild {
  child: ChildProcess;
  /** Whether the build succeeded; its output is shown only when it failed on its own (not stopped by us). */
  built: Promise<boolean>;
}

/**
 * Starts building the dashboard when its build is missing or older than its sources. It runs
 * beside the API's migrating and seeding: on a first start the two take about as long each, and
 * a second core does one while the first does the other.
 */
function buildDashboardIfStale(): DashboardBuild | undefined {
  const webDir = path.join(apiDir, '..', 'web');
  const built = path.join(webDir, 'build', 'handler.js');
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const full = path.join(dir, entry.name);
      return Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
    }, 0);
  if (existsSync(built) && statSync(built).mtimeMs > newest(path.join(webDir, 'src'))) return undefined;
  console.log('Building the dashboard…');
  // The build's own output (warnings, timings, colour codes) is for whoever works on the
  // dashboard (`pnpm --filter @trofast/web build`); here it is shown only when the build fails.
  const child = spawn(process.execPath, [path.join(webDir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: webDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const succeeded = new Promise<boolean>((resolve) => {
    child.once('close', (code, signal) => {
      if (code !== 0 && !signal) process.stderr.write(output);
      resolve(code === 0);
    });
  });
  return { child, built: succeeded };
}

/** One human line per slow step of a first start. */
function stepLine(step: StartStep): string {
  switch (step.step) {
    case 'migrating':
      return 'Migrating the database…';
    case 'seeding':
      return `Seeding the demo: ${step.customers} customers…`;
  }
}

interface Launched {
  child: ChildProcess;
  /** The child's ready message; undefined when it exited first (having said why on stderr). */
  ready: Promise<ReadyMessage | undefined>;
}

/** A child with an IPC channel, over which it says when it serves (api/src/main.ts, web/server.js). */
function launch(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Launched {
  const child = spawn(process.execPath, args, { ...options, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  const ready = new Promise<ReadyMessage | undefined>((resolve) => {
    // `node --watch` forwards its own messages too: only a ready message counts.
    child.on('message', (message: StartMessage | null) => {
      if (typeof message !== 'object' || message === null) return;
      if ('step' in message) console.log(stepLine(message));
      else if (typeof message.ready === 'number') resolve(message);
    });
    child.once('exit', () => resolve(undefined));
  });
  return { child, ready };
}

/**
 * `pnpm start`: the API and the dashboard together, each in its own process. The API starts
 * first (a stale dashboard builds meanwhile), the dashboard's server once the API serves: a
 * database problem is then its one clear line, not the noise of a dashboard stopped beside it.
 * "Trofast: …" is printed once both serve; a failing part prints only its own line.
 */
async function start(dev: boolean): Promise<void> {
  const config = loadConfig();
  const webDir = path.join(apiDir, '..', 'web');
  const children: ChildProcess[] = [];
  // Each child is asked once: a second signal would cut its shutdown short (and leave a lock behind).
  const stopAll = () =>
    children.filter((child) => !child.killed && child.exitCode === null).forEach((child) => child.kill('SIGTERM'));
  process.once('SIGINT', stopAll);
  process.once('SIGTERM', stopAll);
  /** The exit code once the child has exited; 1 for a signal that was not ours to expect. */
  const stopped = ({ child }: Launched) =>
    new Promise<number>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode ?? 1);
      else child.once('exit', (code) => resolve(code ?? 1));
    });
  /** Stops whatever runs and exits with the failing part's code. */
  const fail = async (failed: Launched) => {
    const code = await stopped(failed);
    stopAll();
    process.exitCode = code || 1;
  };

  // At the default level `pnpm start` speaks in the lines above, not the servers' JSON logs; an
  // operator who wants those sets LOG_LEVEL (info shows each request's log line).
  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL || 'warn' };
  const api = launch([...(dev ? ['--watch'] : []), '--import', 'tsx', path.join(apiDir, 'src', 'main.ts')], { env });
  children.push(api.child);
  const build = dev ? undefined : buildDashboardIfStale();
  if (build) children.push(build.child);
  const apiReady = await api.ready;
  if (!apiReady) return fail(api);
  if (build && !(await build.built)) {
    stopAll();
    throw new ConfigError('Building the dashboard failed (see above).');
  }
  // The dashboard talks to the port the API really took (TROFAST_API_PORT=0 picks a free one).
  const webOptions = { cwd: webDir, env: { ...env, TROFAST_API_PORT: String(apiReady.ready) } };
  const web = dev
    ? launch(
        [
          path.join(webDir, 'node_modules', 'vite', 'bin', 'vite.js'),
          'dev',
          '--port',
          String(config.webPort),
          '--strictPort',
        ],
        webOptions,
      )
    : launch([path.join(webDir, 'server.js')], webOptions);
  children.push(web.child);
  const webReady = await web.ready;
  if (!webReady) return fail(web);

  console.log(
    `Trofast: API on http://localhost:${apiReady.ready}/graphql, dashboard on http://localhost:${webReady.ready}`,
  );
  if (apiReady.demoSignIn) console.log(apiReady.demoSignIn);
  // When either stops, stop the other: half of Trofast is no Trofast.
  const code = await Promise.race([stopped(api), stopped(web)]);
  stopAll();
  if (code) process.exitCode = code;
}

/** Writes api/schema.graphql, the printed contract partners build on. */
async function printSchemaFile(): Promise<void> {
  const { printSchema } = await import('graphql');
  const { schema } = await import('./schema/index.ts');
  writeFileSync(path.join(apiDir, 'schema.graphql'), `${printSchema(schema)}\n`);
  console.log('Wrote api/schema.graphql');
}

/**
 * Opens the configured database with the runtime the services need, runs `work`, closes. A
 * read-only command passes `migrate: false`: it changes nothing, and refuses a database whose
 * migrations are pending.
 */
/** How long a command waits for the database to answer before it says it does not. */
const COMMAND_WAITS_MS = 30_000;

async function withRuntime(work: () => Promise<void>, { migrate = true } = {}): Promise<void> {
  const config = loadConfig();
  const { openDatabase } = await import('./db/client.ts');
  const { openPubSub } = await import('./pubsub.ts');
  const { useRuntime } = await import('./runtime.ts');
  const { systemClock } = await import('./clock.ts');
  const { createLogger } = await import('./log.ts');
  const database = await openDatabase(config, { migrate });
  // A command may wait for a busy database longer than a load balancer's probe does.
  if (!migrate && !(await database.ready(COMMAND_WAITS_MS))) {
    await database.close();
    throw new ConfigError('The database has migrations to apply or does not answer: run pnpm db:migrate first.');
  }
  const { NO_SUBSCRIBERS } = await import('./event-relay.ts');
  useRuntime({
    config,
    db: database,
    pubsub: openPubSub(),
    events: NO_SUBSCRIBERS,
    clock: systemClock,
    log: createLogger(config.logLevel),
  });
  try {
    await work();
  } finally {
    useRuntime(undefined);
    await database.close();
  }
}

async function seed(): Promise<void> {
  await withRuntime(async () => {
    const { seedDemoIfEmpty } = await import('./seed/demo.ts');
    const { createLogger } = await import('./log.ts');
    const seeded = await seedDemoIfEmpty(createLogger('info'));
    if (!seeded) console.log('The database already has data: the demo is only seeded into an empty one.');
  });
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

/** A real organization and its first admin, with a generated password shown once. */
async function createOrg(args: string[]): Promise<void> {
  const name = option(args, 'name');
  const email = option(args, 'admin-email');
  if (!name || !email)
    throw new ConfigError(
      'Usage: pnpm trofast create-org --name "Shop name" --admin-email you@shop.example [--admin-name "Your Name"]',
    );
  await withRuntime(async () => {
    const { createOrganization, generatePassword } = await import('./services/organization.service.ts');
    const password = generatePassword();
    await createOrganization(name, [{ email, name: option(args, 'admin-name') ?? email, role: 'ADMIN', password }]);
    console.log(`Created "${name}". Sign in as ${email} with this password (shown once): ${password}`);
  });
}

/** Checks every organization's ledger (services/ledger-invariants.ts); exits 1 on any violation. */
async function checkLedgerCommand(): Promise<void> {
  await withRuntime(
    async () => {
      const { checkEveryLedger } = await import('./services/ledger-invariants.ts');
      const { runtime } = await import('./runtime.ts');
      const reports = await checkEveryLedger(runtime().clock.now());
      for (const report of reports) {
        console.log(`${report.name}: ${report.customers} customers, ${report.violations.length} violations`);
        for (const violation of report.violations)
          console.log(`  ${violation.rule} ${violation.externalId}: ${violation.message}`);
      }
      if (reports.some((report) => report.violations.length > 0)) process.exitCode = 1;
    },
    { migrate: false },
  );
}

const commands: Record<string, (args: string[]) => Promise<void> | void> = {
  generate: async () => {
    const { generate } = await import('./db/generate.ts');
    process.exitCode = generate();
  },
  migrate: () => migrate(),
  migration: ([name]) => migration(name),
  schema: () => printSchemaFile(),
  seed: () => seed(),
  'create-org': (args) => createOrg(args),
  'check-ledger': () => checkLedgerCommand(),
  start: (args) => start(args.includes('--dev')),
};

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const run = command ? commands[command] : undefined;
  if (!run) {
    console.error(`Usage: pnpm trofast <${Object.keys(commands).join('|')}> …`);
    process.exitCode = 2;
    return;
  }
  await run(args);
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
