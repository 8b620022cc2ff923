// The printed schema holds the partner contract (../shared/contract.graphql): every type, field,
// argument, input field, enum value and union member partners code against. The contract runs
// ahead of the code: what later issues will add is listed, one checker line each, in
// contract-pending.txt, and nothing else may be missing. A line that starts to hold must leave
// the list, so it says exactly what is still to build.
import { expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const checker = `${root}../shared/tools/check-contract.mjs`;
const pending = readFileSync(new URL('./contract-pending.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean);

test.skipIf(!existsSync(checker))(
  'api/schema.graphql holds the partner contract but for what is listed as pending',
  () => {
    const run = spawnSync(process.execPath, [checker, 'api/schema.graphql'], { cwd: root, encoding: 'utf8' });
    const problems = run.stdout.trim().split('\n').slice(0, -1);
    expect(problems.filter((problem) => !pending.includes(problem))).toEqual([]);
    expect(pending.filter((line) => !problems.includes(line))).toEqual([]);
  },
);
