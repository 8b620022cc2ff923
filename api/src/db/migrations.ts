// Migrations without Prisma's native engine (../shared/notes/prisma-offline.md): the real schema
// engine compiled to WebAssembly, driven through a driver adapter, so one path serves PostgreSQL
// and embedded PGlite. The folder layout is Prisma's own, so the native CLI still reads it.
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { ConfigError } from '../config.ts';

/** The committed prisma/ folder. Tests pass a copy instead, so they never write into this one. */
export const PRISMA_DIR = fileURLToPath(new URL('../../../prisma/', import.meta.url));
const schemaPathIn = (prismaDir: string) => path.join(prismaDir, 'schema.prisma');
const migrationsDirIn = (prismaDir: string) => path.join(prismaDir, 'migrations');
const LOCKFILE = 'migration_lock.toml';
const LOCK_CONTENT = '# Written by Trofast; Prisma reads it too.\nprovider = "postgresql"\n';
const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * The extensions our migrations create (pg_trgm, for customer search): PostgreSQL has them on disk,
 * an embedded PGlite only when it is opened with them, so every PGlite that runs the migrations is.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };

type EngineModule = typeof import('@prisma/schema-engine-wasm');
let engineModule: Promise<EngineModule> | undefined;

// Node 20 cannot import a .wasm file as ESM: instantiate it by hand beside its JS glue.
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = (await import(gluePath)) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue as never });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return engineModule;
}

async function openEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  prismaDir: string,
): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readFile(schemaPathIn(prismaDir), 'utf8');
  return SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}

export async function readMigrations(prismaDir = PRISMA_DIR): Promise<MigrationList> {
  const migrationsDir = migrationsDirIn(prismaDir);
  const names = existsSync(migrationsDir)
    ? (await readdir(migrationsDir, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, LOCKFILE);
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: {
            tag: 'ok' as const,
            value: await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8'),
          },
        },
      })),
    ),
  };
}

/**
 * PrismaPg runs a migration script by splitting it at every `;`, which cuts a dollar-quoted
 * function body in two. Send each script whole: the simple query protocol runs several statements.
 */
export function wholeScripts(factory: PrismaPg, pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      adapter.executeScript = async (script) => {
        await pool.query(script);
      };
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

/** Applies pending migrations, as `prisma migrate deploy` does; returns the names applied. */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  prismaDir = PRISMA_DIR,
): Promise<string[]> {
  const engine = await openEngine(adapterFactory, prismaDir);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrations(prismaDir),
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** The SQL that would take the migrations folder to the schema: empty when they agree. */
export async function pendingSchemaChange(prismaDir = PRISMA_DIR): Promise<string> {
  // The migrations are replayed on a throwaway in-memory database, whatever the app uses.
  const shadow = new PGlite({ extensions: PGLITE_EXTENSIONS });
  const factory = new PrismaPGlite(shadow);
  // The adapter's own shadow database is a fresh PGlite without our extensions: replay on this one.
  const engine = await openEngine(
    {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: () => factory.connect(),
      connectToShadowDb: () => factory.connect(),
    },
    prismaDir,
  );
  const schemaPath = schemaPathIn(prismaDir);
  try {
    const migrations = await readMigrations(prismaDir);
    const result = await engine.diff({
      from: migrations.migrationDirectories.length > 0 ? { tag: 'migrations', ...migrations } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = result.stdout ?? '';
    // The engine answers a comment ("-- This is an empty migration.") when nothing differs.
    return /^\s*(--[^\n]*\s*)*$/.test(sql) ? '' : sql;
  } finally {
    engine.free();
    await shadow.close();
  }
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql from the schema; null when nothing changed. */
export async function createMigration(name: string, now = new Date(), prismaDir = PRISMA_DIR): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new ConfigError(`The migration name "${name}" may hold only lower-case letters, digits and underscores.`);
  }
  const sql = await pendingSchemaChange(prismaDir);
  if (sql === '') return null;
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const migrationsDir = migrationsDirIn(prismaDir);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), sql);
  const lockPath = path.join(migrationsDir, LOCKFILE);
  if (!existsSync(lockPath)) await writeFile(lockPath, LOCK_CONTENT);
  return dir;
}
