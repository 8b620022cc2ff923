// A fresh database for one test file: a new PostgreSQL database on the server of DATABASE_URL
// when it is set, else an embedded PGlite folder. Dropped or deleted when the file is done.
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig, type Config } from '../../api/src/config.ts';

export const onPostgres = Boolean(process.env.DATABASE_URL);
const artifacts = fileURLToPath(new URL('../.artifacts/', import.meta.url));

export interface TestDatabase {
  config: Config;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(overrides: NodeJS.ProcessEnv = {}): Promise<TestDatabase> {
  const env = { LOG_LEVEL: 'warn', TROFAST_DEMO: '0', ...overrides };
  if (onPostgres) {
    const name = `trofast_test_${randomBytes(6).toString('hex')}`;
    await admin((client) => client.query(`CREATE DATABASE "${name}"`));
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    return {
      config: loadConfig({ ...env, DATABASE_URL: url.toString() }),
      drop: () =>
        admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
    };
  }
  mkdirSync(artifacts, { recursive: true });
  const dir = mkdtempSync(path.join(artifacts, 'pglite-'));
  return {
    config: loadConfig({ ...env, DATABASE_URL: '', TROFAST_DATA_DIR: path.join(dir, 'data') }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The environment that points a child process (`pnpm start`, an operator's command) at `config`'s database. */
export function databaseEnv(config: Config): NodeJS.ProcessEnv {
  return { DATABASE_URL: config.databaseUrl ?? '', TROFAST_DATA_DIR: config.dataDir };
}
