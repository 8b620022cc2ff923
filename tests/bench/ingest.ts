// recordEvents with 1 000 purchases, against a raw `INSERT … SELECT unnest(…)` of the same rows
// in the same database. Floor: 2 % of the raw rows per second; goal: 10 %.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Prisma } from '../../api/src/generated/prisma/client.ts';
import { db } from '../../api/src/runtime.ts';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { createApiKey } from '../../api/src/services/api-key.service.ts';
import { createOrganization } from '../../api/src/services/organization.service.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { benchApp, median, timed } from './support.ts';
import type { BenchTarget } from './run.ts';

const ROWS = 1000;
const ROUNDS = 7;
const CUSTOMERS = 50;

export async function ingestBenchmark(target: BenchTarget): Promise<void> {
  const app = await benchApp(target);
  try {
    const organization = await createOrganization('Bench', [
      { email: `bench-${randomUUID()}@bench.example`, name: 'Bench', role: 'ADMIN', password: 'benchmark-password' },
    ]);
    const caller = systemCaller(organization.id);
    const { secret } = await createApiKey(caller, { name: 'Bench', scopes: ['EVENTS_WRITE'] });
    const customers: string[] = [];
    for (let i = 0; i < CUSTOMERS; i++)
      customers.push((await upsertCustomer(caller, { externalId: `B-${i}`, name: `Bench ${i}` })).id);

    const rows = (round: string) =>
      Array.from({ length: ROWS }, (_, i) => ({
        id: randomUUID(),
        customerId: customers[i % CUSTOMERS],
        amountMinor: 10000 + i,
        externalRef: `${round}-${i}`,
        occurredAt: new Date(Date.now() - i * 60_000).toISOString(),
      }));

    const raw = async (round: string) => {
      const batch = rows(round);
      const sql = `INSERT INTO "Purchase" ("id", "organizationId", "customerId", "amountMinor", "currency", "occurredAt", "externalRef")
        SELECT id, $1, customer_id, amount, 'DKK', occurred_at, external_ref
        FROM unnest($2::text[], $3::text[], $4::bigint[], $5::timestamp(3)[], $6::text[]) AS t(id, customer_id, amount, occurred_at, external_ref)`;
      const params = [
        organization.id,
        batch.map((r) => r.id),
        batch.map((r) => r.customerId),
        batch.map((r) => r.amountMinor),
        batch.map((r) => r.occurredAt),
        batch.map((r) => r.externalRef),
      ];
      if (app.config.databaseUrl) {
        const client = new pg.Client({ connectionString: app.config.databaseUrl });
        await client.connect();
        const ms = await timed(() => client.query(sql, params));
        await client.end();
        return ms;
      }
      // PGlite has one connection, held by the API process: the raw statement goes through it.
      return timed(() =>
        db().acrossOrganizations.$executeRaw(
          Prisma.raw(sql.replace(/\$(\d)/g, (_m, n) => literal(params[Number(n) - 1]))),
        ),
      );
    };

    const api = async (round: string) => {
      const events = rows(round).map((row) => ({
        purchase: {
          customer: { id: Buffer.from(`Customer:${row.customerId}`).toString('base64') },
          amount: { amountMinor: row.amountMinor, currency: 'DKK' },
          occurredAt: row.occurredAt,
          externalRef: row.externalRef,
        },
      }));
      const body = JSON.stringify({
        query:
          'mutation ($events: [EventInput!]!) { recordEvents(input: { events: $events }) { ... on MutationRecordEventsSuccess { data { applied } } } }',
        variables: { events },
      });
      return timed(async () => {
        const response = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
          body,
        });
        const result = (await response.json()) as { data?: { recordEvents?: { data?: { applied: number } } } };
        if (result.data?.recordEvents?.data?.applied !== ROWS)
          throw new Error(`recordEvents applied ${JSON.stringify(result)}`);
      });
    };

    await raw('warm-raw');
    await api('warm-api');
    const rawTimes: number[] = [];
    const apiTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rawTimes.push(await raw(`raw-${round}`));
      apiTimes.push(await api(`api-${round}`));
    }
    const rawRate = (ROWS / median(rawTimes)) * 1000;
    const apiRate = (ROWS / median(apiTimes)) * 1000;
    const ratio = apiRate / rawRate;
    const verdict =
      ratio >= 0.1
        ? 'meets the goal (10 %)'
        : ratio >= 0.02
          ? 'above the floor (2 %), below the goal (10 %)'
          : 'BELOW THE FLOOR (2 %)';
    console.log(`\n[${target.label}] recordEvents, ${ROWS} purchases per call, median of ${ROUNDS}`);
    console.log(
      `  raw INSERT … SELECT unnest: ${Math.round(rawRate).toLocaleString('en')} rows/s (${median(rawTimes).toFixed(1)} ms)`,
    );
    console.log(
      `  recordEvents over GraphQL:  ${Math.round(apiRate).toLocaleString('en')} rows/s (${median(apiTimes).toFixed(1)} ms)`,
    );
    console.log(`  ratio: ${(ratio * 100).toFixed(1)} % of raw — ${verdict}`);
  } finally {
    await app.stop();
  }
}

function literal(value: unknown): string {
  if (Array.isArray(value)) return `ARRAY[${value.map((item) => literal(item)).join(',')}]`;
  if (typeof value === 'number') return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}
