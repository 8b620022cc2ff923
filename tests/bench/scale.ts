// Issue 19: each dashboard document and the writes, at 10 000 customers and at N (default 100 000;
// `pnpm bench scale 1000000` for the issue's million), two organizations of one PostgreSQL
// database filled by tests/support/scale.ts, in the same run. Median of 20 through GraphQL as the
// organization's ADMIN; the growth column is what to read (goal ≤ 3×), not the milliseconds.
import { createOrganization } from '../../api/src/services/organization.service.ts';
import {
  CUSTOMER,
  CUSTOMER_FEEDBACK,
  CUSTOMER_INCIDENTS,
  CUSTOMER_REDEMPTIONS,
  CUSTOMERS,
  NPS_TREND,
  PROGRAM_ECONOMICS,
} from '../../web/src/lib/graphql/documents.ts';
import { fillOrganization } from '../support/scale.ts';
import { benchApp, median } from './support.ts';
import type { BenchTarget } from './run.ts';
import pg from 'pg';
import { print } from 'graphql';

const SMALL = 10_000;
const RUNS = 20;
const PASSWORD = 'scale bench password';

const OVERVIEW = `query { overview { customers openAlerts openIncidents nps riskDistribution { level count } } }`;
const TO_THANK = `query { customersToThank(first: 20) { edges { node { id name } } } }`;
const TOTAL_ONLY = `query { customers(first: 1) { totalCount } }`;
const RECORD_PURCHASE = `mutation ($input: RecordPurchaseInput!) { recordPurchase(input: $input) { __typename } }`;
const RECORD_EVENTS = `mutation ($events: [EventInput!]!) { recordEvents(input: { events: $events }) { __typename } }`;

interface Tenant {
  token: string;
  customerId: string;
  size: number;
}

export async function scaleBenchmark(target: BenchTarget, customers = 100_000): Promise<void> {
  if (!target.serverUrl) {
    console.log('\n[PGlite] scale: measured on PostgreSQL only (the issue is about a production database).');
    return;
  }
  const started = performance.now();
  const app = await benchApp(target);
  try {
    const graphql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(`${query.slice(0, 60)}: ${body.errors[0].message}`);
      return body.data!;
    };
    const tenant = async (size: number): Promise<Tenant> => {
      const email = `admin-${size}@scale.example`;
      const organization = await createOrganization(`Scale ${size}`, [
        { email, name: 'Admin', role: 'ADMIN', password: PASSWORD },
      ]);
      await fillOrganization(app.config.databaseUrl!, organization.id, {
        customers: size,
        purchasesPerCustomer: 10,
        openAlerts: 5000,
        now: new Date(),
      });
      const login = await graphql(
        `
          mutation ($input: LoginInput!) {
            login(input: $input) {
              ... on MutationLoginSuccess {
                data {
                  token
                }
              }
            }
          }
        `,
        { input: { email, password: PASSWORD } },
      );
      const client = new pg.Client({ connectionString: app.config.databaseUrl });
      await client.connect();
      const { rows } = await client.query<{ id: string }>(
        `SELECT "id" FROM "Customer" WHERE "organizationId" = $1 AND "externalId" = 'scale-4242'`,
        [organization.id],
      );
      await client.end();
      return {
        token: login.login.data.token,
        customerId: Buffer.from(`Customer:${rows[0].id}`).toString('base64'),
        size,
      };
    };
    const fillStarted = performance.now();
    const small = await tenant(SMALL);
    const large = await tenant(customers);
    const fillSeconds = (performance.now() - fillStarted) / 1000;

    const now = new Date();
    const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
    let purchase = 0;
    const cases: [string, (t: Tenant) => [string, Record<string, unknown>]][] = [
      ['customer page (CUSTOMER)', (t) => [print(CUSTOMER), { id: t.customerId, locale: 'EN' }]],
      ['its incidents', (t) => [print(CUSTOMER_INCIDENTS), { id: t.customerId }]],
      ['its feedback', (t) => [print(CUSTOMER_FEEDBACK), { id: t.customerId }]],
      ['its redemptions', (t) => [print(CUSTOMER_REDEMPTIONS), { id: t.customerId }]],
      ['customers, risk desc, first 50', () => [print(CUSTOMERS), { first: 50 }]],
      ['customers, search "holm"', () => [print(CUSTOMERS), { first: 50, filter: { search: 'holm' } }]],
      ['customers, totalCount only', () => [TOTAL_ONLY, {}]],
      ['overview', () => [OVERVIEW, {}]],
      ['npsTrend, 12 months', () => [print(NPS_TREND), { from: yearAgo, to: now, bucket: 'MONTH' }]],
      ['programEconomics, 12 months', () => [print(PROGRAM_ECONOMICS), { from: yearAgo, to: now, locale: 'EN' }]],
      ['customersToThank, first 20', () => [TO_THANK, {}]],
      [
        'recordPurchase',
        (t) => [
          RECORD_PURCHASE,
          {
            input: {
              customer: { id: t.customerId },
              amount: { amountMinor: 25_000, currency: 'DKK' },
              externalRef: `bench-${t.size}-${purchase++}`,
            },
          },
        ],
      ],
    ];
    const measure = async (t: Tenant, make: (t: Tenant) => [string, Record<string, unknown>], runs: number) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const [query, variables] = make(t);
        const at = performance.now();
        await graphql(query, variables, t.token);
        times.push(performance.now() - at);
      }
      return median(times);
    };
    const batch = (t: Tenant) => {
      const events = Array.from({ length: 1000 }, (_, i) => ({
        purchase: {
          customer: { externalId: `scale-${1 + ((i * 97) % t.size)}` },
          amount: { amountMinor: 10_000 + i, currency: 'DKK' },
          externalRef: `batch-${t.size}-${i}`,
        },
      }));
      return [RECORD_EVENTS, { events }] as [string, Record<string, unknown>];
    };

    const header = `  ${'query'.padEnd(34)}${SMALL.toLocaleString('en').padStart(10)}${customers.toLocaleString('en').padStart(12)}   growth`;
    console.log(
      `\n[PostgreSQL] scale: median of ${RUNS} through GraphQL as ADMIN, at ${SMALL.toLocaleString('en')} and ${customers.toLocaleString('en')} customers (10 purchases each, 5 000 open alerts)`,
    );
    console.log(header);
    const row = (name: string, a: number, b: number) =>
      console.log(
        `  ${name.padEnd(34)}${`${a.toFixed(0)} ms`.padStart(10)}${`${b.toFixed(0)} ms`.padStart(12)}   ${(b / a).toFixed(1)}×`,
      );
    for (const [name, make] of cases) {
      await measure(small, make, 2);
      await measure(large, make, 2);
      row(name, await measure(small, make, RUNS), await measure(large, make, RUNS));
    }
    row('recordEvents, 1 000 purchases', await measure(small, batch, 1), await measure(large, batch, 1));
    const memory = process.memoryUsage().rss / 1024 / 1024;
    console.log(
      `  filling both took ${fillSeconds.toFixed(0)} s; the process (API and this client) ends at ${memory.toFixed(0)} MB RSS; the whole bench ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await app.stop();
  }
}
