// The printed schema holds the whole partner contract (../shared/contract.graphql): every type,
// field, argument, input field, enum value and union member partners code against.
import { expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const checker = `${root}../shared/tools/check-contract.mjs`;

test.skipIf(!existsSync(checker))('api/schema.graphql holds the whole partner contract', () => {
  const run = spawnSync(process.execPath, [checker, 'api/schema.graphql'], { cwd: root, encoding: 'utf8' });
  expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^contract: all \d+ checks hold$/);
  expect(run.status).toBe(0);
});
