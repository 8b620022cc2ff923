// graphql-env.d.ts is what gql.tada types every document from: generated from api/schema.graphql
// and committed, so it must be regenerated whenever the schema changes. The CLI writes a fresh
// one elsewhere and the committed one must match it.
import { expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('../../..', import.meta.url));
const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('gql.tada/package.json')), 'bin/cli.js');

test('the committed graphql-env.d.ts is the introspection of api/schema.graphql', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'graphql-env-'));
  try {
    const fresh = path.join(directory, 'graphql-env.d.ts');
    execFileSync(process.execPath, [cli, 'generate', 'output', '--tsconfig', 'tsconfig.json', '--output', fresh], {
      cwd: web,
      stdio: 'pipe',
    });
    // A failure means api/schema.graphql changed: run `npx gql.tada generate output` in web/.
    expect(readFileSync(new URL('./graphql-env.d.ts', import.meta.url), 'utf8')).toBe(readFileSync(fresh, 'utf8'));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
