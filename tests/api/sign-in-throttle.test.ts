// The sign-in throttle across two API processes on one PostgreSQL: 50 guesses at once, split
// between them, get no more passwords checked than the account's budget; the owner signs in after
// the pause the answer states. (PGlite runs one connection: concurrency shows only on PostgreSQL.)
import { afterAll, beforeAll, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ACCOUNT_POLICY } from '../../api/src/services/sign-in-throttle.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, PASSWORD, type TestOrganization } from '../support/fixtures.ts';
import { request } from '../support/graphql.ts';
import { onPostgres } from '../support/database.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const START = new Date('2026-02-01T10:00:00Z');
const LOGIN = `mutation ($input: LoginInput!) {
  login(input: $input) { __typename ... on RateLimitedError { retryAfterSeconds } }
}`;

let first: TestApp;
let second: ChildProcess;
let secondUrl: string;
let org: TestOrganization;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(url: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} never became ready`);
}

beforeAll(async () => {
  if (!onPostgres) return;
  first = await startTestApp({ now: START });
  const port = await freePort();
  secondUrl = `http://127.0.0.1:${port}`;
  second = spawn(process.execPath, ['--import', 'tsx', 'tests/support/instance.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: first.config.databaseUrl,
      REDIS_URL: '',
      TROFAST_API_PORT: String(port),
      TROFAST_DEMO: '0',
      TROFAST_TEST_NOW: START.toISOString(),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  await waitForReady(secondUrl);
  org = await createTestOrganization(first, 'Gæt');
}, 90_000);

afterAll(async () => {
  second?.kill('SIGTERM');
  await first?.stop();
});

test.skipIf(!onPostgres)(
  '50 concurrent guesses on two instances get at most the budget of 5 evaluated; the owner signs in after the stated pause',
  async () => {
    const guesses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        request(index % 2 === 0 ? first.url : secondUrl, LOGIN, {
          input: { email: org.emails.VIEWER, password: `guess ${index}` },
        }),
      ),
    );
    const answers = guesses.map((guess) => guess.data!.login.__typename);
    const evaluated = answers.filter((answer) => answer === 'ValidationError').length;
    expect(evaluated).toBeGreaterThan(0);
    expect(evaluated).toBeLessThanOrEqual(ACCOUNT_POLICY.free);
    expect(answers.filter((answer) => answer === 'RateLimitedError').length).toBe(50 - evaluated);

    const owner = await first.graphql(LOGIN, { input: { email: org.emails.VIEWER, password: PASSWORD } });
    expect(owner.data!.login.__typename).toBe('RateLimitedError');
    first.clock.advance(owner.data!.login.retryAfterSeconds * 1000);
    const later = await first.graphql(LOGIN, { input: { email: org.emails.VIEWER, password: PASSWORD } });
    expect(later.data!.login.__typename).toBe('MutationLoginSuccess');
  },
);
