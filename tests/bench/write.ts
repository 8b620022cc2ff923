// recordPurchase over GraphQL, one purchase per call, with 1, 10 and 50 concurrent clients spread
// over 500 customers, against a raw single-row INSERT of the same rows at the same concurrency (its
// own pool, same database) in the same run; then 10 clients on one customer; then where a
// purchase's time goes. Issue 13, at 10 clients: floor 3 % of the raw insert's throughput, goal
// 10 %, p99 ≤ 100 ms; on one customer: 0 errors. Every run lasts a fixed time, so a slow write
// path makes the bench less precise, never longer.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { Prisma } from '../../api/src/generated/prisma/client.ts';
import { db } from '../../api/src/runtime.ts';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { createApiKey } from '../../api/src/services/api-key.service.ts';
import { createOrganization } from '../../api/src/services/organization.service.ts';
import { benchApp, percentile } from './support.ts';
import type { BenchTarget } from './run.ts';

const CUSTOMERS = 500;
const CONCURRENCY = [1, 10, 50];
const ONE_CUSTOMER_CLIENTS = 10;
const WARM_MS = 500;
const API_MS = 4000;
const RAW_MS = 2000;

const RECORD_PURCHASE = `mutation ($input: RecordPurchaseInput!) {
  recordPurchase(input: $input) {
    __typename
    ... on MutationRecordPurchaseSuccess { data { id pointsEarned } }
    ... on Error { message }
  }
}`;

interface Purchase {
  customerId: string;
  amountMinor: number;
  externalRef: string;
}

/** One purchase: true when it was recorded, else why not. */
type Call = (purchase: Purchase) => Promise<true | string>;

interface Run {
  calls: number;
  errors: number;
  /** The first few distinct reasons, to say what failed. */
  reasons: string[];
  latencies: number[];
  ms: number;
}

/** `clients` loops, each sending its next purchase when the last one answered, for `ms`. */
async function drive(
  clients: number,
  ms: number,
  customerFor: (index: number) => string,
  prefix: string,
  call: Call,
): Promise<Run> {
  const run: Run = { calls: 0, errors: 0, reasons: [], latencies: [], ms: 0 };
  const started = performance.now();
  const deadline = started + ms;
  let next = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const index = next++;
      const purchase = {
        customerId: customerFor(index),
        amountMinor: 10_000 + index,
        externalRef: `${prefix}-${index}`,
      };
      const sent = performance.now();
      let outcome: true | string;
      try {
        outcome = await call(purchase);
      } catch (error) {
        outcome = (error as Error).message || String(error);
      }
      run.latencies.push(performance.now() - sent);
      run.calls += 1;
      if (outcome !== true) {
        run.errors += 1;
        if (run.reasons.length < 3 && !run.reasons.includes(outcome)) run.reasons.push(outcome);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  run.ms = performance.now() - started;
  return run;
}

/** A POST on a kept-alive connection: the cost of a new connection per call would hide the API's. */
function post(agent: http.Agent, url: URL, headers: Record<string, string>, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (response.statusCode === 200) resolve(text);
          else reject(new Error(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`));
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function graphqlCall(url: string, secret: string, agent: http.Agent): Call {
  const endpoint = new URL('/graphql', url);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${secret}` };
  return async (purchase) => {
    const body = JSON.stringify({
      query: RECORD_PURCHASE,
      variables: {
        input: {
          customer: { id: Buffer.from(`Customer:${purchase.customerId}`).toString('base64') },
          amount: { amountMinor: purchase.amountMinor, currency: 'DKK' },
          externalRef: purchase.externalRef,
        },
      },
    });
    const result = JSON.parse(await post(agent, endpoint, headers, body)) as {
      data?: { recordPurchase?: { __typename: string; message?: string } };
      errors?: { message: string }[];
    };
    if (result.errors?.length) return result.errors[0].message;
    const answer = result.data?.recordPurchase;
    if (answer?.__typename === 'MutationRecordPurchaseSuccess') return true;
    return answer ? `${answer.__typename}: ${answer.message}` : 'no answer';
  };
}

const RAW_INSERT = `INSERT INTO "Purchase" ("id", "organizationId", "customerId", "amountMinor", "currency", "occurredAt", "externalRef")
  VALUES ($1, $2, $3, $4, 'DKK', now(), $5)`;

/** The baseline: one autocommitted INSERT per purchase, nothing else. */
function rawCall(organizationId: string, pool: pg.Pool | undefined): Call {
  return async (purchase) => {
    if (pool) {
      await pool.query(RAW_INSERT, [
        randomUUID(),
        organizationId,
        purchase.customerId,
        purchase.amountMinor,
        purchase.externalRef,
      ]);
    } else {
      // PGlite has one connection, held by the API process: the raw statement goes through it.
      await db().acrossOrganizations.$executeRaw(Prisma.sql`INSERT INTO "Purchase"
        ("id", "organizationId", "customerId", "amountMinor", "currency", "occurredAt", "externalRef")
        VALUES (${randomUUID()}, ${organizationId}, ${purchase.customerId}, ${purchase.amountMinor}, 'DKK', now(), ${purchase.externalRef})`);
    }
    return true;
  };
}

/**
 * The database server's own execution time in this database, from pg_stat_statements; a reason
 * instead when the server does not load it (it must be in shared_preload_libraries).
 */
async function serverTime(
  databaseUrl: string | undefined,
): Promise<{ read: () => Promise<{ ms: number; statements: number }>; end: () => Promise<void> } | string> {
  if (!databaseUrl) return 'PGlite runs inside the API process';
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const read = async () => {
    const { rows } = await client.query<{ ms: number; statements: number }>(
      `SELECT coalesce(sum(total_exec_time), 0)::float8 AS ms, coalesce(sum(calls), 0)::float8 AS statements
       FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND query NOT LIKE '%pg_stat_statements%'`,
    );
    return rows[0];
  };
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await read();
  } catch (error) {
    await client.end();
    return `pg_stat_statements unavailable: ${(error as Error).message}`;
  }
  return { read, end: () => client.end() };
}

interface Breakdown {
  statements: number;
  queryMs: number;
  /** From pg_stat_statements, when the server has it. */
  server?: { ms: number; statements: number };
  cpuMs: number;
}

async function snapshot(server: Awaited<ReturnType<typeof serverTime>>): Promise<Breakdown> {
  const cpu = process.cpuUsage();
  return {
    statements: db().statements(),
    queryMs: db().queryTime(),
    server: typeof server === 'string' ? undefined : await server.read(),
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

/** The last line of the error an API log line reports, if it is one. */
function loggedError(text: string): string | undefined {
  if (!text.startsWith('{') || !text.includes('"level":"error"')) return undefined;
  try {
    const entry = JSON.parse(text) as { message: string; error?: { message?: string } };
    const lines = (entry.error?.message ?? entry.message).split('\n').filter((line) => line.trim());
    return lines[lines.length - 1].trim().slice(0, 140);
  } catch {
    return undefined;
  }
}

/**
 * The API's logged errors while `run` runs, counted by their last line, in place of a screenful of
 * stacks: a masked "Unexpected error." then says what it was.
 */
async function countLoggedErrors<T>(run: () => Promise<T>): Promise<{ result: T; logged: Map<string, number> }> {
  const logged = new Map<string, number>();
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const reason = loggedError(String(chunk));
    if (reason === undefined) return write(chunk, ...rest);
    logged.set(reason, (logged.get(reason) ?? 0) + 1);
    return true;
  }) as typeof process.stdout.write;
  try {
    return { result: await run(), logged };
  } finally {
    process.stdout.write = write;
  }
}

const rate = (run: Run) => ((run.calls - run.errors) / run.ms) * 1000;
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
const pad = (text: string, width: number) => text.padStart(width);
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

export async function writeBenchmark(target: BenchTarget): Promise<void> {
  const began = performance.now();
  const app = await benchApp(target, { jobTimers: false });
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(...CONCURRENCY) });
  const server = await serverTime(app.config.databaseUrl);
  try {
    const organization = await createOrganization('Write bench', [
      { email: `bench-${randomUUID()}@bench.example`, name: 'Bench', role: 'ADMIN', password: 'benchmark-password' },
    ]);
    const caller = systemCaller(organization.id);
    const { secret } = await createApiKey(caller, { name: 'Write bench', scopes: ['EVENTS_WRITE'] });
    // The rows upsertCustomer would make, in one statement: 500 calls of it took 15-50 s on a loaded machine.
    const now = new Date();
    const inserted = await db().acrossOrganizations.$queryRaw<{ id: string }[]>(Prisma.sql`
      INSERT INTO "Customer" (id, "organizationId", "externalId", name, locale, "createdAt", "updatedAt", "riskComputedAt", "recomputeAt")
      SELECT gen_random_uuid()::text, ${organization.id}, 'W-' || n, 'Write ' || n, 'DA', ${now}, ${now}, ${now}, ${now}
      FROM generate_series(1, ${CUSTOMERS}) AS n
      RETURNING id`);
    const customers = inserted.map((row) => row.id);
    const setupMs = performance.now() - began;
    const spread = (index: number) => customers[index % CUSTOMERS];
    const one = () => customers[0];
    const api = graphqlCall(app.url, secret, agent);

    /** The raw insert and then the API, each warmed first, at one concurrency. */
    const pair = async (label: string, clients: number, customerFor: (index: number) => string) => {
      const pool = app.config.databaseUrl
        ? new pg.Pool({ connectionString: app.config.databaseUrl, max: clients })
        : undefined;
      try {
        const raw = rawCall(organization.id, pool);
        await drive(clients, WARM_MS, customerFor, `${label}-raw-warm`, raw);
        const rawRun = await drive(clients, RAW_MS, customerFor, `${label}-raw`, raw);
        await drive(clients, WARM_MS, customerFor, `${label}-api-warm`, api);
        await settle();
        const before = await snapshot(server);
        const apiRun = await drive(clients, API_MS, customerFor, `${label}-api`, api);
        await settle();
        const after = await snapshot(server);
        const breakdown: Breakdown = {
          statements: after.statements - before.statements,
          queryMs: after.queryMs - before.queryMs,
          server:
            after.server && before.server
              ? {
                  ms: after.server.ms - before.server.ms,
                  statements: after.server.statements - before.server.statements,
                }
              : undefined,
          cpuMs: after.cpuMs - before.cpuMs,
        };
        return { clients, rawRun, apiRun, breakdown };
      } finally {
        await pool?.end();
      }
    };

    /** The pair, with the errors the API logged meanwhile (warm-ups included). */
    const measured = async (label: string, clients: number, customerFor: (index: number) => string) => {
      const { result, logged } = await countLoggedErrors(() => pair(label, clients, customerFor));
      return { ...result, logged };
    };
    const spreadRuns: Awaited<ReturnType<typeof measured>>[] = [];
    for (const clients of CONCURRENCY) spreadRuns.push(await measured(`c${clients}`, clients, spread));
    const oneRun = await measured('one', ONE_CUSTOMER_CLIENTS, one);

    console.log(
      `\n[${target.label}] recordPurchase over GraphQL, one purchase per call, ${API_MS / 1000} s per run, against a raw single-row INSERT` +
        ` at the same concurrency (${app.config.databaseUrl ? 'its own pool' : "through the API's one PGlite connection"}), ${RAW_MS / 1000} s`,
    );
    console.log(
      '  clients                GraphQL/s  raw INSERT/s    ratio    p50      p99    errors   (raw p50 / p99)',
    );
    const line = (label: string, result: (typeof spreadRuns)[number]) => {
      const { apiRun, rawRun } = result;
      const ratio = rate(apiRun) / rate(rawRun);
      console.log(
        `  ${label.padEnd(22)}${pad(rate(apiRun).toFixed(1), 10)}${pad(Math.round(rate(rawRun)).toLocaleString('en'), 14)}` +
          `${pad((ratio * 100).toFixed(2) + ' %', 10)}${pad(ms(percentile(apiRun.latencies, 50)), 8)}${pad(ms(percentile(apiRun.latencies, 99)), 9)}` +
          `${pad(`${apiRun.errors}/${apiRun.calls}`, 10)}   (${ms(percentile(rawRun.latencies, 50))} / ${ms(percentile(rawRun.latencies, 99))})`,
      );
      for (const reason of apiRun.reasons) console.log(`      error: ${reason.slice(0, 160)}`);
      for (const [reason, count] of result.logged) console.log(`      logged by the API ${count}×: ${reason}`);
      if (rawRun.errors) console.log(`      raw insert errors: ${rawRun.errors} (${rawRun.reasons.join('; ')})`);
    };
    for (const result of spreadRuns) line(`${result.clients} over ${CUSTOMERS} customers`, result);
    line(`${ONE_CUSTOMER_CLIENTS} on one customer`, oneRun);

    const ten = spreadRuns.find((result) => result.clients === 10)!;
    const tenRatio = rate(ten.apiRun) / rate(ten.rawRun);
    const tenP99 = percentile(ten.apiRun.latencies, 99);
    const verdict =
      tenRatio >= 0.1 ? 'meets the goal (10 %)' : tenRatio >= 0.03 ? 'above the floor (3 %)' : 'BELOW THE FLOOR (3 %)';
    console.log(
      `  at 10 clients: ${(tenRatio * 100).toFixed(2)} % of raw — ${verdict}; p99 ${ms(tenP99)} — ${tenP99 <= 100 ? 'within' : 'ABOVE'} 100 ms`,
    );
    console.log(
      `  on one customer: ${oneRun.apiRun.errors === 0 ? 'no errors' : `${oneRun.apiRun.errors} ERRORS (target 0)`}, ${rate(oneRun.apiRun).toFixed(1)} purchases/s`,
    );

    console.log(`  where a purchase's time goes (means per call):`);
    console.log(
      '  clients                statements (API / server)  in Prisma queries  in the server  API process CPU      wall',
    );
    for (const result of [...spreadRuns, oneRun]) {
      const { apiRun, breakdown } = result;
      const calls = apiRun.calls;
      const wall = apiRun.latencies.reduce((sum, value) => sum + value, 0) / calls;
      const share = (value: number) => `${ms(value)} (${Math.round((value / wall) * 100)} %)`;
      const label =
        result === oneRun ? `${ONE_CUSTOMER_CLIENTS} on one customer` : `${result.clients} over ${CUSTOMERS}`;
      const statements = `${(breakdown.statements / calls).toFixed(1)} / ${breakdown.server ? (breakdown.server.statements / calls).toFixed(1) : '—'}`;
      console.log(
        `  ${label.padEnd(22)}${pad(statements, 26)}${pad(share(breakdown.queryMs / calls), 19)}` +
          `${pad(breakdown.server ? share(breakdown.server.ms / calls) : '—', 15)}` +
          `${pad(ms(breakdown.cpuMs / calls), 17)}${pad(ms(wall), 10)}`,
      );
    }
    for (const note of [
      'statements: sent through Prisma (its count leaves out BEGIN and COMMIT) / executed by the server (pg_stat_statements);',
      'in Prisma queries: their round trips as the API sees them (outside a transaction, the wait for a pooled connection too);',
      'in the server: execution in PostgreSQL, lock waits included; API process CPU: the whole process (API, this client, and',
      `on PGlite the database), a bound on the API's own work.${typeof server === 'string' ? ` Server columns: ${server}.` : ''}`,
    ])
      console.log(`  ${note}`);
    console.log(
      `  (a fresh database, its migrations and ${CUSTOMERS} customers took ${(setupMs / 1000).toFixed(1)} s, the whole bench ${((performance.now() - began) / 1000).toFixed(1)} s)`,
    );
  } finally {
    agent.destroy();
    if (typeof server !== 'string') await server.end();
    await app.stop();
  }
}
