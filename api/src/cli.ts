// `pnpm trofast <command>`: the operator's commands. Root scripts call it for generate,
// db:migrate, db:migration, seed and start.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { createMigration, schemaPath } from './db/migrations.ts';

const apiDir = fileURLToPath(new URL('..', import.meta.url));

function generate(): void {
  const require = createRequire(import.meta.url);
  const prismaCli = require.resolve('prisma/build/index.js');
  // `prisma generate` only needs the native engine's path to exist, never runs it
  // (../shared/notes/prisma-offline.md): point it at any file so nothing is downloaded.
  const result = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schemaPath], {
    cwd: apiDir,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: prismaCli,
      PATH: `${path.join(apiDir, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
    },
  });
  process.exitCode = result.status ?? 1;
}

async function migrate(): Promise<void> {
  const database = await openDatabase(loadConfig(), { migrate: true });
  await database.close();
  console.log('Migrations applied.');
}

async function migration(name: string | undefined): Promise<void> {
  if (!name) throw new ConfigError('Name the migration: pnpm db:migration <name>');
  const dir = await createMigration(name);
  console.log(dir ? `Wrote ${path.relative(process.cwd(), dir)}/migration.sql` : 'The schema and the migrations agree: nothing to write.');
}

const commands: Record<string, (args: string[]) => Promise<void> | void> = {
  generate: () => generate(),
  migrate: () => migrate(),
  migration: ([name]) => migration(name),
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
