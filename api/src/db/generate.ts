// `prisma generate` without the native engine: it only needs the engine's path to exist, never
// runs it (../shared/notes/prisma-offline.md), so point it at any file and nothing is downloaded.
// Runs at install, before the generated client exists: import nothing that needs it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = fileURLToPath(new URL('../..', import.meta.url));
const schemaPath = path.join(apiDir, '..', 'prisma', 'schema.prisma');

export function generate(): number {
  const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const result = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schemaPath], {
    cwd: apiDir,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: prismaCli,
      PATH: `${path.join(apiDir, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
    },
  });
  return result.status ?? 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = generate();
}
