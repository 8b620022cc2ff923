// One database layer, two databases: PostgreSQL through @prisma/adapter-pg when DATABASE_URL is
// set, embedded PGlite in a data folder otherwise. Same schema, same migrations, same code.
import { existsSync, mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../generated/prisma/client.ts';
import { ConfigError, type Config } from '../config.ts';
import { applyMigrations, PGLITE_EXTENSIONS, readMigrations, wholeScripts } from './migrations.ts';
import { bindToOrganization, requireOrganization } from './tenancy.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { recordChanges } from './changes.ts';

function extendSystem(client: PrismaClient) {
  return client.$extends(requireOrganization);
}
function extendTenant(client: PrismaClient, organizationId: string) {
  return client.$extends(bindToOrganization(organizationId)).$extends(recordChanges);
}
/** The unbound client: tenant tables only with an explicit organizationId. */
export type SystemDb = ReturnType<typeof extendSystem>;
/** A client bound to one organization. */
export type TenantDb = ReturnType<typeof extendTenant>;
/** Inside `$transaction(async (tx) => …)` of a tenant client. */
export type TenantTx = Parameters<Parameters<TenantDb['$transaction']>[0]>[0];

export interface Database {
  kind: 'postgresql' | 'pglite';
  /** Unbound: refuses tenant-table queries that do not name their organization. */
  system: SystemDb;
  /** Crosses organizations on purpose (sign-in lookups, background jobs): name it where used. */
  acrossOrganizations: PrismaClient;
  forOrganization(organizationId: string): TenantDb;
  /**
   * SQL statements sent so far, but for reads of the event log, which its relay makes on a schedule
   * of its own, and the webhook worker's poll: tests use it to prove a query does not grow with its page (no N+1).
   */
  statements(): number;
  /**
   * Milliseconds those statements took as the driver saw them (round trip; outside a transaction
   * also the wait for a pooled connection): benchmarks set it against wall time.
   */
  queryTime(): number;
  /** Migrations applied at open, and the database answering within `withinMs` (default: /ready's). */
  ready(withinMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

const RELAY_READ = /^SELECT .* FROM "public"\."Event(Sequence)?"/s;
/** The webhook worker's statements start with this comment (webhooks/worker.ts). */
export const WORKER_MARK = '/* webhook worker */';

/** How long /ready waits for the database: a load balancer asks often and must not hang. */
const READY_WITHIN_MS = 500;

export interface OpenOptions {
  /** Apply pending migrations (the server does at start; `db:migrate` does on demand). */
  migrate?: boolean;
  /** Where schema.prisma and migrations/ are: the committed prisma/ folder unless a test passes a copy. */
  prismaDir?: string;
}

function describePostgres(url: string): string {
  const parsed = new URL(url);
  return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

async function openAdapter(config: Config): Promise<{
  kind: Database['kind'];
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Applies the pending migrations of `prismaDir`. */
  migrate: (prismaDir: string | undefined) => Promise<void>;
  release: () => Promise<void>;
}> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      connectionTimeoutMillis: 5000,
      // Every statement and lock wait has a bound; a frozen server, which enforces neither, is
      // bounded by the client's wait for an answer.
      statement_timeout: config.statementTimeoutMs,
      lock_timeout: config.lockTimeoutMs,
      query_timeout: config.statementTimeoutMs + 2000,
    });
    pool.on('error', () => {}); // an idle connection dropped by the server; the pool replaces it
    // Prove it answers now, so a wrong URL is one clear line instead of a failing first request.
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end();
      throw new ConfigError(
        `Cannot reach ${describePostgres(config.databaseUrl)}: ${(error as Error).message || String(error)}. Start PostgreSQL or fix DATABASE_URL.`,
      );
    }
    return {
      kind: 'postgresql',
      factory: new PrismaPg(pool),
      // Prisma's migration lock is a session advisory lock: taken and released on one connection,
      // which is closed after, so no pooled connection of a running API keeps holding it.
      migrate: async (prismaDir) => {
        const single = new pg.Pool({ connectionString: config.databaseUrl, max: 1 });
        try {
          await applyMigrations(wholeScripts(new PrismaPg(single), single), prismaDir);
        } finally {
          await single.end();
        }
      },
      release: () => pool.end(),
    };
  }
  const release = lockDataDir(config.dataDir);
  try {
    const fresh = !existsSync(config.dataDir);
    if (fresh) mkdirSync(config.dataDir, { recursive: true });
    const pglite = new PGlite(config.dataDir, { extensions: PGLITE_EXTENSIONS });
    await pglite.waitReady;
    const factory = new PrismaPGlite(pglite);
    return {
      kind: 'pglite',
      factory,
      migrate: async (prismaDir) => {
        await applyMigrations(factory, prismaDir);
      },
      release: async () => {
        if (!pglite.closed) await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`Cannot open the embedded database in ${config.dataDir}: ${(error as Error).message}`);
  }
}

export async function openDatabase(config: Config, options: OpenOptions = {}): Promise<Database> {
  const { kind, factory, migrate, release } = await openAdapter(config);
  try {
    if (options.migrate) await migrate(options.prismaDir);
  } catch (error) {
    await release();
    throw new ConfigError(`Applying the database migrations failed: ${(error as Error).message}`);
  }
  const expected = (await readMigrations(options.prismaDir)).migrationDirectories.length;
  const client = new PrismaClient({ adapter: factory, log: [{ emit: 'event', level: 'query' }] });
  let statements = 0;
  let queryTime = 0;
  client.$on('query', (event) => {
    if (RELAY_READ.test(event.query) || event.query.startsWith(WORKER_MARK)) return;
    statements += 1;
    queryTime += event.duration;
  });
  const system = extendSystem(client);
  const tenants = new Map<string, TenantDb>();
  return {
    kind,
    system,
    acrossOrganizations: client,
    forOrganization(organizationId) {
      let bound = tenants.get(organizationId);
      if (!bound) {
        bound = extendTenant(client, organizationId);
        tenants.set(organizationId, bound);
      }
      return bound;
    },
    statements: () => statements,
    queryTime: () => queryTime,
    async ready(withinMs = READY_WITHIN_MS) {
      const answer = client.$queryRaw<{ applied: number }[]>`
          SELECT count(*)::int AS applied FROM _prisma_migrations WHERE finished_at IS NOT NULL`.then(
        ([{ applied }]) => applied >= expected,
        () => false,
      );
      // A database that does not answer in time is not ready, whatever it says later.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), withinMs)));
      return Promise.race([answer, late]).finally(() => clearTimeout(timer));
    },
    async close() {
      await client.$disconnect();
      await release();
    },
  };
}
