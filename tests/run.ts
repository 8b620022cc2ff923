// `pnpm test`: the whole suite on one database (PostgreSQL when DATABASE_URL is set, embedded
// PGlite otherwise), then one summary line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from './e2e/support/browser.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const artifacts = path.join(root, 'tests', '.artifacts');
const report = path.join(artifacts, 'vitest-report.json');
const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';

mkdirSync(artifacts, { recursive: true });
rmSync(report, { force: true });
console.log(
  `Trofast tests on ${database}${process.env.DATABASE_URL ? '' : ' (set DATABASE_URL to run them on PostgreSQL)'}`,
);

// Without the browser the e2e suites could only fail obscurely: they are left out, and the run
// says why. CI sets TROFAST_REQUIRE_BROWSER=1: there a missing browser is a failure, not a skip.
const browserMissing = !existsSync(CHROMIUM);
const requireBrowser = process.env.TROFAST_REQUIRE_BROWSER === '1';
const browserLine = `the browser tests (tests/e2e) need Debian's Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\`.`;
if (browserMissing) console.log(`Left out: ${browserLine}`);

const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const run = spawnSync(
  process.execPath,
  [
    vitest,
    'run',
    '--config',
    'tests/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TMPDIR: artifacts, ...(browserMissing ? { TROFAST_SKIP_BROWSER_TESTS: '1' } : {}) },
  },
);

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; ancestorTitles: string[]; title: string; failureMessages?: string[] }[];
  }[];
}
let summary: Report | undefined;
try {
  summary = JSON.parse(readFileSync(report, 'utf8')) as Report;
} catch {
  summary = undefined;
}
if (!summary) {
  console.log('0 passed, 1 failed');
  process.exit(run.status || 1);
}
const skipped = new Set<string>();
// CI shows only the end of its log: each failure is named there with the first line of its reason.
const failures: string[] = [];
const firstLine = (message = '') => message.trim().split('\n')[0].slice(0, 300);
for (const file of summary.testResults) {
  const fileName = path.relative(root, file.name);
  if (file.status === 'failed' && file.message) failures.push(`${fileName}: ${firstLine(file.message)}`);
  for (const test of file.assertionResults) {
    const title = `${fileName}: ${[...test.ancestorTitles, test.title].join(' › ')}`;
    if (test.status === 'skipped' || test.status === 'pending') skipped.add(title);
    if (test.status === 'failed') failures.push(`${title}\n      ${firstLine(test.failureMessages?.[0])}`);
  }
}
if (skipped.size > 0) {
  console.log(`\nSkipped on ${database} (they need the other database, or ../shared/ beside this checkout):`);
  for (const line of skipped) console.log(`  - ${line}`);
}
if (failures.length > 0) {
  console.log(`\nFailed on ${database}:`);
  for (const line of failures) console.log(`  - ${line}`);
}
if (browserMissing) {
  console.log(`\n${requireBrowser ? 'Failed (TROFAST_REQUIRE_BROWSER=1)' : 'Left out'}: ${browserLine}`);
}
const failed =
  summary.numFailedTests +
  (run.status !== 0 && summary.numFailedTests === 0 ? 1 : 0) +
  (browserMissing && requireBrowser ? 1 : 0);
console.log(`\n${summary.numPassedTests} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
