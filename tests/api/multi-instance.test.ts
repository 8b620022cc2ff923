// Two API processes sharing PostgreSQL and Redis: an alert raised through one reaches a
// graphql-ws subscriber and an SSE subscriber of the other; another organization's subscriber
// receives nothing. The second process runs no jobs, so the only alert is the one the test raises.
// A session the first finds expired closes its socket on the second.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { SESSION_TTL_MS } from '../../api/src/auth/authenticate.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, PASSWORD, type TestOrganization } from '../support/fixtures.ts';
import { request } from '../support/graphql.ts';
import { partnerKey } from '../support/partner.ts';
import { onPostgres } from '../support/database.ts';
import { startApiProcess, type ApiProcess } from '../support/api-process.ts';
import { collect, readSseUntil, socketClient } from '../support/subscriptions.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-02-01T10:00:00Z');

let first: TestApp;
let second: ApiProcess;
let secondUrl: string;
let org: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  if (!onPostgres) return;
  first = await startTestApp({ now: START, env: { REDIS_URL } });
  second = await startApiProcess(START, { DATABASE_URL: first.config.databaseUrl, REDIS_URL });
  secondUrl = second.url;
  org = await createTestOrganization(first, 'Første');
  other = await createTestOrganization(first, 'Anden');
  await upsertCustomer(systemCaller(org.id), { externalId: 'FAR', name: 'Fjern Kunde' });
  await first.runJobs();
}, 60_000);

afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

test.skipIf(!onPostgres)(
  'an alert raised through one instance reaches graphql-ws and SSE subscribers of the other, and no other organization',
  async () => {
    const reader = await partnerKey(org, ['ALERTS_READ']);
    const mine = socketClient(secondUrl, `Bearer ${reader}`);
    const theirs = socketClient(secondUrl, `Bearer ${await partnerKey(other, ['ALERTS_READ'])}`);
    await Promise.all([mine.connected, theirs.connected]);
    const overSocket = collect(mine.client, 'subscription { alertRaised { kind customer { externalId } } }');
    const elsewhere = collect(theirs.client, 'subscription { alertRaised { kind } }');
    const controller = new AbortController();
    const sse = await fetch(`${secondUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${reader}` },
      body: JSON.stringify({ query: 'subscription { alertRaised { kind customer { externalId } } }' }),
      signal: controller.signal,
    });
    const overSse = readSseUntil(sse, '"externalId":"FAR"');
    await Promise.all([second.untilListening(org.id, 2), second.untilListening(other.id, 1)]);

    first.clock.advance(91 * DAY);
    await first.runJobs();

    expect((await overSocket.next(10_000)).data!.alertRaised).toEqual({
      kind: 'IGNORED',
      customer: { externalId: 'FAR' },
    });
    expect(await overSse).toMatch(/"kind":"IGNORED"/);
    await second.untilDelivered(org.id);
    expect(elsewhere.received).toEqual([]);
    controller.abort();
    overSocket.dispose();
    elsewhere.dispose();
    await mine.client.dispose();
    await theirs.client.dispose();
  },
);

test.skipIf(!onPostgres)(
  'a session that expires closes its socket on the other instance too: the one that notices tells the rest',
  async () => {
    // Signed in through the second instance, whose clock stands at START like the first's.
    const signedIn = await request<{ login: { data: { token: string } } }>(
      secondUrl,
      'mutation ($input: LoginInput!) { login(input: $input) { ... on MutationLoginSuccess { data { token } } } }',
      { input: { email: org.emails.VIEWER, password: PASSWORD } },
    );
    const socket = socketClient(secondUrl, `Bearer ${signedIn.data!.login.data.token}`);
    await socket.connected;

    first.clock.set(new Date(START.getTime() + SESSION_TTL_MS + 60_000));
    await first.runJobs();
    expect(await socket.closed).toBe(4403);
  },
);
