// Exactly once across crashes (issue 13): an API process is killed with SIGKILL at three moments
// of a 1 000-event recordEvents (before its commit, after its commit but before it answered, while
// it answered) and the partner retries with the same key on a new process. Every event is stored
// once, balances equal their ledgers, and the retry answers what a single run answers.
// PostgreSQL only: the moments are made with row locks the test holds.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { request as httpRequest } from 'node:http';
import pg from 'pg';
import { checkLedger } from '../../api/src/services/ledger-invariants.ts';
import { db } from '../../api/src/runtime.ts';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';
import { gid } from '../support/operations.ts';
import { onPostgres } from '../support/database.ts';
import { startApiProcess, type ApiProcess } from '../support/api-process.ts';

const BATCH = 1000;
const NOW = new Date('2026-04-01T09:00:00Z');

let app: TestApp;
let org: TestOrganization;
let partner: string;

const RECORD_EVENTS = `mutation ($events: [EventInput!]!, $key: String) {
  recordEvents(input: { events: $events }, idempotencyKey: $key) {
    __typename
    ... on MutationRecordEventsSuccess { data { applied failed results { index ok id errors { message } } } }
  }
}`;

const batch = (prefix: string) =>
  Array.from({ length: BATCH }, (_, i) => ({
    purchase: {
      customer: { externalId: `C-${(i % 50) + 1}` },
      amount: { amountMinor: 10_000 + i, currency: 'DKK' },
      externalRef: `${prefix}-${i}`,
    },
  }));

function body(prefix: string) {
  return JSON.stringify({ query: RECORD_EVENTS, variables: { events: batch(prefix), key: prefix } });
}

/** Sends the batch and never waits for its answer: the process is killed first. */
function sendAndForget(api: ApiProcess, prefix: string, onFirstBytes?: () => void) {
  const payload = body(prefix);
  const outgoing = httpRequest(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${partner}`,
      'content-length': Buffer.byteLength(payload),
    },
  });
  outgoing.on('response', (response) => response.once('data', () => onFirstBytes?.()));
  outgoing.on('error', () => {}); // the process dies under it
  outgoing.end(payload);
}

/** A partner's retry: the same request until it is answered (RETRY_LATER while the dead call's lock lingers). */
async function retry(url: string, prefix: string) {
  for (;;) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${partner}` },
      body: body(prefix),
    });
    const answer = (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
    if (answer.errors?.[0]?.extensions?.code !== 'RETRY_LATER') return answer;
  }
}

/** What one run of the batch answers: every event applied, each with the id of its purchase. */
async function singleRunAnswer(prefix: string) {
  const purchases = await db()
    .forOrganization(org.id)
    .purchase.findMany({
      where: { externalRef: { startsWith: `${prefix}-` } },
      select: { id: true, externalRef: true },
    });
  const byRef = new Map(purchases.map((purchase) => [purchase.externalRef, purchase.id]));
  return {
    __typename: 'MutationRecordEventsSuccess',
    data: {
      applied: BATCH,
      failed: 0,
      results: Array.from({ length: BATCH }, (_, index) => ({
        index,
        ok: true,
        id: gid('Purchase', byRef.get(`${prefix}-${index}`)!),
        errors: [],
      })),
    },
  };
}

async function storedOnce(prefix: string): Promise<number> {
  return db()
    .forOrganization(org.id)
    .purchase.count({ where: { externalRef: { startsWith: `${prefix}-` } } });
}

async function sql(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: app.config.databaseUrl });
  await client.connect();
  return client;
}

/** Waits until `count` sessions of the test's database wait for a lock. */
async function untilWaiting(client: pg.Client, count: number): Promise<void> {
  for (let attempt = 0; attempt < 3000; attempt++) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0].waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${count} sessions never waited for a lock`);
}

const lockSequence = (client: pg.Client) =>
  client.query(`SELECT last FROM "EventSequence" WHERE "organizationId" = $1 FOR UPDATE`, [org.id]);

async function expectExactlyOnce(prefix: string) {
  const api = await startApiProcess(NOW, { DATABASE_URL: app.config.databaseUrl });
  try {
    const answer = await retry(api.url, prefix);
    expect(await storedOnce(prefix)).toBe(BATCH);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.recordEvents).toEqual(await singleRunAnswer(prefix));
    expect(await checkLedger(org.id, NOW)).toEqual([]);
  } finally {
    await api.stop();
  }
}

beforeAll(async () => {
  if (!onPostgres) return;
  app = await startTestApp({ now: NOW });
  org = await createTestOrganization(app, 'Nedbrud');
  await createCustomers(org, 50, 'C');
  partner = await partnerKey(org, ['EVENTS_WRITE']);
  // The organization's event sequence has its row once it has an event: the tests lock it.
  await recordEvent(systemCaller(org.id), {
    purchase: { customer: { externalId: 'C-1' }, amount: { amountMinor: 1000, currency: 'DKK' } },
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

test.skipIf(!onPostgres)(
  'killed before its commit: nothing was stored, and the retry runs the batch once',
  { timeout: 180_000 },
  async () => {
    const api = await startApiProcess(NOW, { DATABASE_URL: app.config.databaseUrl });
    const holder = await sql();
    try {
      // The batch's transaction appends its events last: it waits there, uncommitted.
      await holder.query('BEGIN');
      await lockSequence(holder);
      sendAndForget(api, 'before-commit');
      await untilWaiting(holder, 1);
      api.child.kill('SIGKILL');
      await api.exited;
      await holder.query('ROLLBACK');
      expect(await storedOnce('before-commit')).toBe(0);
    } finally {
      await holder.end();
    }
    await expectExactlyOnce('before-commit');
  },
);

test.skipIf(!onPostgres)(
  'killed after its commit but before it answered: the retry answers from the committed result and stores nothing more',
  { timeout: 180_000 },
  async () => {
    const api = await startApiProcess(NOW, { DATABASE_URL: app.config.databaseUrl });
    const [first, second] = [await sql(), await sql()];
    try {
      await first.query('BEGIN');
      await lockSequence(first);
      sendAndForget(api, 'after-commit');
      await untilWaiting(first, 1);
      // Queued behind the batch (its claim holds the table's ROW EXCLUSIVE lock), this lock is
      // taken the moment the batch commits, so the rendered answer's store, and with it the
      // answer, waits.
      await second.query('BEGIN');
      const queued = second.query(`LOCK TABLE "IdempotencyRecord" IN SHARE MODE`);
      await untilWaiting(first, 2);
      await first.query('COMMIT');
      await queued;
      await untilWaiting(first, 1);
      api.child.kill('SIGKILL');
      await api.exited;
      // The store of the answer was sent on its own (autocommit): the server would run it once the
      // lock is free, as it does for a client that died mid-statement. Ending that session is what
      // a crash before the statement was sent looks like.
      const waiting = `FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      await second.query(`SELECT pg_terminate_backend(pid) ${waiting}`);
      while ((await second.query(`SELECT 1 ${waiting}`)).rowCount! > 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await second.query('ROLLBACK');
      const record = await db()
        .forOrganization(org.id)
        .idempotencyRecord.findFirst({ where: { key: 'after-commit' } });
      expect(record?.result).not.toBeNull();
      expect(record?.response).toBeNull();
      expect(await storedOnce('after-commit')).toBe(BATCH);
    } finally {
      await first.end();
      await second.end();
    }
    await expectExactlyOnce('after-commit');
  },
);

test.skipIf(!onPostgres)(
  'killed while answering: the retry replays the answer and stores nothing more',
  { timeout: 180_000 },
  async () => {
    const api = await startApiProcess(NOW, { DATABASE_URL: app.config.databaseUrl });
    let answering: () => void = () => {};
    const firstBytes = new Promise<void>((resolve) => (answering = resolve));
    sendAndForget(api, 'answering', () => {
      api.child.kill('SIGKILL');
      answering();
    });
    await firstBytes;
    await api.exited;
    expect(await storedOnce('answering')).toBe(BATCH);
    await expectExactlyOnce('answering');
  },
);
