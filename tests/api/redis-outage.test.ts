// Redis is optional at every moment (issue 13). Two API instances on one PostgreSQL and a Redis
// this test starts and kills: no process exits; every graphql-ws and SSE subscriber of both
// instances receives every alert raised before, during and after the outage, each once; a logout
// during the outage closes the session's socket on the other instance within 5 s.
// PostgreSQL only: two instances need a shared database.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, login, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';
import { onPostgres } from '../support/database.ts';
import { startApiProcess, type ApiProcess } from '../support/api-process.ts';
import { freePort } from '../e2e/support/trofast.ts';
import { collect, collectSse, socketClient, untilListening, type Received } from '../support/subscriptions.ts';
import { request } from '../support/graphql.ts';

const START = new Date('2026-05-04T08:00:00Z');
const SUBSCRIPTION = 'subscription { alertRaised { id incident { title } } }';
const REPORT = `mutation ($customer: String!, $title: String!) {
  reportIncident(input: { customer: { externalId: $customer }, title: $title, category: PRODUCT, severity: HIGH }) { __typename }
}`;

let redisPort: number;
let redis: ChildProcess | undefined;
let first: TestApp;
let second: ApiProcess;
let org: TestOrganization;
let writer: string;

function startRedis(): Promise<void> {
  redis = spawn('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
  return new Promise((resolve) => {
    redis!.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
  });
}

async function killRedis(): Promise<void> {
  const exited = new Promise((resolve) => redis!.once('exit', resolve));
  redis!.kill('SIGKILL');
  await exited;
}

type Alert = { alertRaised: { id: string; incident: { title: string } } };

/** Raises an INCIDENT alert through `url`; its title names it. */
async function raise(url: string, title: string, customer: string) {
  const result = await request(url, REPORT, { customer, title }, writer);
  expect(result.data?.reportIncident.__typename).toBe('MutationReportIncidentSuccess');
}

/** Waits until `inbox` has received the alert titled `title`; returns every title received so far. */
async function until(inbox: Received<Alert>, title: string): Promise<string[]> {
  const titles = () => inbox.received.map((event) => event.data!.alertRaised.incident.title);
  while (!titles().includes(title)) await inbox.next(30_000);
  return titles();
}

beforeAll(async () => {
  if (!onPostgres) return;
  redisPort = await freePort();
  await startRedis();
  const REDIS_URL = `redis://127.0.0.1:${redisPort}`;
  first = await startTestApp({ now: START, env: { REDIS_URL } });
  second = await startApiProcess(START, { DATABASE_URL: first.config.databaseUrl, REDIS_URL });
  org = await createTestOrganization(first, 'Udfald');
  await createCustomers(org, 20, 'R');
  writer = await partnerKey(org, ['EVENTS_WRITE']);
}, 120_000);

afterAll(async () => {
  await second?.stop();
  await first?.stop();
  if (redis && redis.exitCode === null) await killRedis();
});

test.skipIf(!onPostgres)(
  'every subscriber of both instances receives every alert raised before, during and after a Redis outage, each once, and no process exits',
  { timeout: 240_000 },
  async () => {
    const reader = `Bearer ${await partnerKey(org, ['ALERTS_READ'])}`;
    const sockets = [socketClient(first.url, reader), socketClient(second.url, reader)];
    await Promise.all(sockets.map((socket) => socket.connected));
    const listeningHere = untilListening(org.id, 2);
    const inboxes: Received<Alert>[] = [
      ...sockets.map((socket) => collect<Alert>(socket.client, SUBSCRIPTION)),
      collectSse<Alert>(first.url, reader, SUBSCRIPTION),
      collectSse<Alert>(second.url, reader, SUBSCRIPTION),
    ];
    await Promise.all([listeningHere, second.untilListening(org.id, 2)]);

    const titles: string[] = [];
    const raiseThrough = async (phase: string, count: number) => {
      for (let i = 0; i < count; i++) {
        const title = `${phase} ${i + 1}`;
        titles.push(title);
        await raise(i % 2 === 0 ? first.url : second.url, title, `R-${titles.length}`);
      }
    };
    await raiseThrough('before', 4);
    await killRedis();
    await raiseThrough('during', 8);
    await startRedis();
    await raiseThrough('after', 4);
    // The last one raised: once it arrived, anything delivered twice would have arrived too.
    await raiseThrough('marker', 1);

    for (const inbox of inboxes) {
      const received = await until(inbox, 'marker 1');
      expect([...received].sort()).toEqual([...titles].sort());
    }
    expect(second.child.exitCode).toBeNull();
    expect((await fetch(`${first.url}/ready`)).status).toBe(200);
    expect((await fetch(`${second.url}/ready`)).status).toBe(200);
    await Promise.all(sockets.map((socket) => socket.client.dispose()));
  },
);

test.skipIf(!onPostgres)(
  'a logout during the outage closes the session’s socket on the other instance within 5 s',
  { timeout: 120_000 },
  async () => {
    const token = await login(first, org.emails.VIEWER);
    const socket = socketClient(second.url, `Bearer ${token}`);
    await socket.connected;
    await killRedis();
    const logout = await first.graphql('mutation { logout }', {}, token);
    expect(logout.errors).toBeUndefined();
    const loggedOutAt = Date.now();
    const code = await Promise.race([
      socket.closed,
      new Promise((resolve) => setTimeout(() => resolve('still open after 5 s'), 5000)),
    ]);
    expect(code).toBe(4403);
    expect(Date.now() - loggedOutAt).toBeLessThanOrEqual(5000);
    await startRedis();
  },
);
